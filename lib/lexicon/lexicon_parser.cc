#include "lexicon/lexicon_parser.h"

#include <re2/re2.h>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>

#include "base/file.h"
#include "lexicon/lexicon_internal.h"
#include "text/normalizer.h"

namespace myelex {

namespace lexicon_internal {

std::string NormalizeLiteral(std::string_view literal) {
  std::string text = Normalize(literal).text;
  size_t b = text.find_first_not_of(' ');
  if (b == std::string::npos) return std::string();
  size_t e = text.find_last_not_of(' ');
  return text.substr(b, e + 1 - b);
}

std::string PatternFromLiteral(std::string_view normalized_literal) {
  std::string pattern;
  const bool word_begin = IsWordByte(normalized_literal.front());
  const bool word_end = IsWordByte(normalized_literal.back());
  if (word_begin) pattern += "\\b";
  pattern += RE2::QuoteMeta(
      re2::StringPiece(normalized_literal.data(), normalized_literal.size()));
  if (word_end) pattern += "\\b";
  return pattern;
}

}  // namespace lexicon_internal

namespace {

using lexicon_internal::NormalizeLiteral;
using lexicon_internal::PatternFromLiteral;

// The four file kinds, told apart by their header line.
struct FileKind {
  RuleKind kind;
  std::vector<std::string_view> columns;
};

const std::vector<FileKind>& FileKinds() {
  static const auto* kinds = new std::vector<FileKind>{
      {RuleKind::kSection, {"id", "section", "literal", "pattern"}},
      {RuleKind::kTarget, {"id", "concept", "literal", "pattern"}},
      {RuleKind::kModifier,
       {"id", "category", "direction", "certainty", "scope", "literal",
        "pattern"}},
      {RuleKind::kAttribute,
       {"id", "attribute", "value", "literal", "pattern"}},
  };
  return *kinds;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

std::string Join(const std::vector<std::string_view>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ", ";
    out += fields[i];
  }
  return out;
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

bool IsLowerWord(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

// Lower-case dotted: one or more [a-z0-9_]+ words joined by '.'.
bool IsValidId(std::string_view id) {
  for (std::string_view word : Split(id, '.')) {
    if (!IsLowerWord(word)) return false;
  }
  return true;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Returns the first ASCII upper-case letter that the pattern would have to
// match literally (outside escapes such as \S or \pL, group flags such as
// (?U) and group names), or 0 if there is none.
char UpperCaseOutsideEscapes(std::string_view p) {
  const size_t n = p.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = p[i];
    if (c == '\\') {
      if (i + 1 >= n) return 0;
      const char e = p[++i];
      if (e == 'Q') {  // \Q...\E is quoted literal text: check it.
        size_t end = p.find("\\E", i + 1);
        std::string_view quoted =
            p.substr(i + 1, end == std::string_view::npos ? end : end - i - 1);
        for (char q : quoted) {
          if (IsUpper(q)) return q;
        }
        if (end == std::string_view::npos) return 0;
        i = end + 1;
      } else if ((e == 'p' || e == 'P' || e == 'x') && i + 1 < n &&
                 p[i + 1] == '{') {
        size_t end = p.find('}', i + 1);
        if (end == std::string_view::npos) return 0;
        i = end;
      } else if (e == 'p' || e == 'P') {
        ++i;  // one-letter class name, as in \pL
      } else if (e == 'x') {
        i += 2;  // two hex digits, as in \xFF
      }
      continue;
    }
    if (c == '(' && i + 1 < n && p[i + 1] == '?') {
      size_t j = i + 2;
      if (j + 1 < n && p[j] == 'P' && p[j + 1] == '<') {
        j = p.find('>', j);
        if (j == std::string_view::npos) return 0;
      } else {
        while (j < n && p[j] != ':' && p[j] != ')') ++j;
      }
      i = j;
      continue;
    }
    if (IsUpper(c)) return c;
  }
  return 0;
}

// True if `re` yields an empty match somewhere in a few probe texts. Exact
// analysis would need RE2 internals; these probes cover the usual mistakes
// (optional-everything patterns, "a|", bare anchors and word boundaries).
bool CanMatchEmpty(const RE2& re) {
  static const char* const kProbes[] = {"",     " ", "a", "a a",
                                        "a\nb", ".", "-", "1"};
  for (const char* probe : kProbes) {
    re2::StringPiece text(probe);
    for (size_t pos = 0; pos <= text.size(); ++pos) {
      re2::StringPiece m;
      if (re.Match(text, pos, text.size(), RE2::UNANCHORED, &m, 1) &&
          m.empty()) {
        return true;
      }
    }
  }
  return false;
}

// Parses one lexicon file. Holds the state that the per-line checks share.
class Parser {
 public:
  Parser(std::string_view source, std::vector<Rule>* rules,
         std::vector<std::string>* problems)
      : source_(source), rules_(rules), problems_(problems) {}

  void Parse(std::string_view text) {
    int line_number = 0;
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(start, end - start);
      start = end + 1;
      line_ = ++line_number;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (IsBlank(line) || line[0] == '#') continue;
      if (line[0] == '@') {
        ParseDirective(line);
      } else if (kind_ == nullptr) {
        if (!ParseHeader(line)) return;  // the rows cannot be interpreted
      } else {
        ParseRow(line);
      }
    }
    if (kind_ == nullptr) {
      line_ = line_number;
      Problem("missing header line");
    }
  }

 private:
  void Problem(const std::string& message) {
    problems_->push_back(std::string(source_) + ":" + std::to_string(line_) +
                         ": " + message);
    row_ok_ = false;
  }

  // "@format 1" (a TAB also separates the value, as in the other lines).
  void ParseDirective(std::string_view line) {
    if (kind_ != nullptr) {
      Problem("directive after the header line");
      return;
    }
    size_t sep = line.find_first_of(" \t");
    std::string_view name = line.substr(0, sep);
    std::string_view value;
    if (sep != std::string_view::npos) {
      value = line.substr(sep + 1);
      size_t b = value.find_first_not_of(" \t");
      value =
          b == std::string_view::npos ? std::string_view() : value.substr(b);
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) {
        value.remove_suffix(1);
      }
    }
    if (name != "@format") {
      Problem("unknown directive '" + std::string(name) + "'");
    } else if (value != "1") {
      Problem("unsupported format version '" + std::string(value) +
              "' (want 1)");
    }
  }

  bool ParseHeader(std::string_view line) {
    std::vector<std::string_view> columns = Split(line, '\t');
    for (const FileKind& kind : FileKinds()) {
      if (kind.columns == columns) {
        kind_ = &kind;
        return true;
      }
    }
    std::string want;
    for (const FileKind& kind : FileKinds()) {
      if (!want.empty()) want += "] or [";
      want += Join(kind.columns);
    }
    Problem("unknown header [" + Join(columns) + "] (want [" + want +
            "], TAB-separated)");
    return false;
  }

  void ParseRow(std::string_view line) {
    row_ok_ = true;
    const std::vector<std::string_view>& columns = kind_->columns;
    std::vector<std::string_view> f = Split(line, '\t');
    if (f.size() != columns.size()) {
      Problem("expected " + std::to_string(columns.size()) + " columns (" +
              Join(columns) + "), got " + std::to_string(f.size()));
      return;
    }
    for (size_t i = 0; i < f.size(); ++i) {
      if (f[i].empty()) Problem("empty " + std::string(columns[i]));
    }
    if (!row_ok_) return;

    Rule rule;
    rule.kind = kind_->kind;
    rule.id = std::string(f[0]);
    rule.source = std::string(source_) + ":" + std::to_string(line_);
    rule.literal = std::string(f[f.size() - 2]);
    if (!IsValidId(f[0])) {
      Problem("bad id '" + rule.id +
              "' (want lower-case dotted words of [a-z0-9_])");
    }
    switch (rule.kind) {
      case RuleKind::kSection:
        ParseSectionColumns(f, &rule);
        break;
      case RuleKind::kTarget:
        if (!IsLowerWord(f[1])) {
          Problem("bad concept '" + std::string(f[1]) + "' (want [a-z0-9_]+)");
        }
        rule.concept = std::string(f[1]);
        break;
      case RuleKind::kModifier:
        ParseModifierColumns(f, &rule);
        break;
      case RuleKind::kAttribute:
        ParseAttributeColumns(f, &rule);
        break;
    }
    ParsePattern(f.back(), &rule);

    if (!row_ok_) return;
    auto inserted = first_line_.emplace(rule.id, rule.source);
    if (!inserted.second) {
      Problem("duplicate id '" + rule.id + "' (first defined at " +
              inserted.first->second + ")");
      return;
    }
    rules_->push_back(std::move(rule));
  }

  void ParseSectionColumns(const std::vector<std::string_view>& f, Rule* rule) {
    if (!ParseSectionKind(f[1], &rule->section) ||
        rule->section == SectionKind::kNone) {
      Problem("unknown section '" + std::string(f[1]) + "'");
    }
  }

  // id category direction certainty scope literal pattern
  void ParseModifierColumns(const std::vector<std::string_view>& f,
                            Rule* rule) {
    const std::string category(f[1]), direction(f[2]), certainty(f[3]),
        scope(f[4]);
    bool category_ok = ParseCategory(category, &rule->category);
    if (!category_ok) Problem("unknown category '" + category + "'");
    const bool structural =
        category_ok && (rule->category == Category::kPseudo ||
                        rule->category == Category::kTerminate);

    if (!ParseDirection(direction, &rule->direction)) {
      Problem("unknown direction '" + direction + "'");
    } else if (category_ok) {
      if (structural && rule->direction != Direction::kNone) {
        Problem("category '" + category + "' takes direction '-', not '" +
                direction + "'");
      } else if (!structural && rule->direction == Direction::kNone) {
        Problem("category '" + category +
                "' needs direction forward, backward or both");
      }
    }

    const bool needs_certainty =
        category_ok && (rule->category == Category::kNegation ||
                        rule->category == Category::kHedge);
    if (certainty != "-") {
      Certainty c;
      if (!ParseCertainty(certainty, &c)) {
        Problem("unknown certainty '" + certainty + "'");
      } else if (category_ok && !needs_certainty) {
        Problem("category '" + category + "' takes certainty '-', not '" +
                certainty + "'");
      } else {
        rule->certainty = c;
      }
    } else if (needs_certainty) {
      Problem("category '" + category + "' needs a certainty");
    }

    if (scope == "sentence" || (scope == "-" && structural)) {
      rule->max_scope = 0;
    } else {
      int words = 0;
      bool digits = scope.size() <= 6;
      for (char c : scope) digits = digits && c >= '0' && c <= '9';
      if (digits) words = std::stoi(scope);
      if (words <= 0) {
        Problem("bad scope '" + scope +
                "' (want 'sentence' or a positive number of words)");
      }
      rule->max_scope = words;
    }
  }

  // id attribute value literal pattern
  void ParseAttributeColumns(const std::vector<std::string_view>& f,
                             Rule* rule) {
    rule->attribute = std::string(f[1]);
    rule->value = std::string(f[2]);
    if (!IsLowerWord(f[1])) {
      Problem("bad attribute '" + rule->attribute + "' (want [a-z0-9_]+)");
    }
    if (rule->attribute == "abbreviation") {
      if (f[2] != "-") {
        Problem("attribute 'abbreviation' takes value '-', not '" +
                rule->value + "'");
      }
      if (f[4] != "-") {
        Problem("attribute 'abbreviation' takes pattern '-' (literal only)");
      }
    } else if (!IsLowerWord(f[2])) {
      Problem("bad value '" + rule->value + "' (want [a-z0-9_]+)");
    }
  }

  void ParsePattern(std::string_view pattern, Rule* rule) {
    if (pattern == "-") {
      if (rule->literal == "-") {
        Problem("literal and pattern are both '-'");
        return;
      }
      std::string normalized = NormalizeLiteral(rule->literal);
      if (normalized.empty()) {
        Problem("literal '" + rule->literal +
                "' normalizes to the empty string");
        return;
      }
      rule->pattern = PatternFromLiteral(normalized);
      rule->from_literal = true;
    } else {
      rule->pattern = std::string(pattern);
      // Literal-built patterns are casefolded by the normalizer itself.
      if (char c = UpperCaseOutsideEscapes(rule->pattern)) {
        Problem(std::string("pattern has upper-case letter '") + c +
                "' outside an escape (the text is casefolded, so it could "
                "never match)");
      }
    }
    RE2::Options options;
    options.set_log_errors(false);
    RE2 re(rule->pattern, options);
    if (!re.ok()) {
      Problem("pattern does not compile: " + re.error());
    } else if (CanMatchEmpty(re)) {
      Problem("pattern can match the empty string");
    }
  }

  std::string_view source_;
  std::vector<Rule>* rules_;
  std::vector<std::string>* problems_;
  const FileKind* kind_ = nullptr;
  int line_ = 0;
  bool row_ok_ = true;
  std::unordered_map<std::string, std::string> first_line_;  // id -> source
};

Status ProblemsStatus(const std::vector<std::string>& problems, size_t first) {
  size_t n = problems.size() - first;
  if (n == 0) return Status::OK();
  std::string message = problems[first];
  if (n > 1) message += " (and " + std::to_string(n - 1) + " more problems)";
  return Status::InvalidArgument(message);
}

}  // namespace

Status ParseLexicon(std::string_view text, std::string_view source,
                    std::vector<Rule>* rules,
                    std::vector<std::string>* problems) {
  const size_t first = problems->size();
  Parser(source, rules, problems).Parse(text);
  return ProblemsStatus(*problems, first);
}

Status LoadLexiconDir(const std::string& dir, Lexicon* lexicon,
                      std::vector<std::string>* problems,
                      std::vector<std::string>* warnings) {
  const size_t first = problems->size();
  lexicon->rules.clear();
  std::vector<std::string> paths;
  Status s = ListFiles(dir, ".tsv", &paths);
  if (!s.ok()) {
    problems->push_back(s.message());
    return s;
  }
  if (paths.empty()) problems->push_back(dir + ": no *.tsv lexicon files");

  std::unordered_map<std::string, std::string> id_source;
  for (const std::string& path : paths) {
    std::string contents;
    s = ReadFileToString(path, &contents);
    if (!s.ok()) {
      problems->push_back(s.message());
      continue;
    }
    std::vector<Rule> rules;
    ParseLexicon(contents, path, &rules, problems);
    // Duplicates inside one file were reported by the parser; these are
    // duplicates of ids from earlier files.
    for (Rule& rule : rules) {
      auto inserted = id_source.emplace(rule.id, rule.source);
      if (!inserted.second) {
        problems->push_back(rule.source + ": duplicate id '" + rule.id +
                            "' (first defined at " + inserted.first->second +
                            ")");
        continue;
      }
      lexicon->rules.push_back(std::move(rule));
    }
  }

  if (warnings != nullptr) {
    std::unordered_map<std::string_view, const Rule*> by_pattern;
    for (const Rule& rule : lexicon->rules) {
      auto inserted = by_pattern.emplace(rule.pattern, &rule);
      if (!inserted.second) {
        const Rule& other = *inserted.first->second;
        warnings->push_back(rule.source + ": rule '" + rule.id +
                            "' has the same pattern as '" + other.id + "' (" +
                            other.source + ")");
      }
    }
  }
  return ProblemsStatus(*problems, first);
}

}  // namespace myelex
