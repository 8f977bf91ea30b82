#include "text/sectionizer.h"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <cstring>
#include <string>

#include "text/sentences.h"

namespace myelex {

struct SectionHeaderMatcher::Rep {
  std::unique_ptr<RE2> re;
  std::vector<int> rule_group;     // capture group index of each rule's label
  std::vector<SectionKind> kinds;  // kind of each rule
  int delimiter_group = 0;         // the group holding ':' or the line end
  int groups = 0;                  // number of capturing groups in `re`
};

SectionHeaderMatcher::SectionHeaderMatcher() : rep_(new Rep) {}
SectionHeaderMatcher::~SectionHeaderMatcher() = default;

namespace {

RE2::Options HeaderOptions() {
  RE2::Options o;
  o.set_log_errors(false);
  return o;
}

}  // namespace

Status SectionHeaderMatcher::Create(
    const std::vector<SectionRule>& rules,
    std::unique_ptr<SectionHeaderMatcher>* out) {
  std::unique_ptr<SectionHeaderMatcher> m(new SectionHeaderMatcher);
  // One alternation with a capture group per rule, tried anchored at the few
  // candidate positions (line starts, commas): one RE2 call per candidate
  // instead of one per rule. User patterns may hold their own groups, so
  // each rule's group index is computed from the group counts.
  std::string combined = "(?:";
  int group = 1;
  for (size_t i = 0; i < rules.size(); ++i) {
    RE2 single(rules[i].pattern, HeaderOptions());
    if (!single.ok()) {
      return Status::InvalidArgument(
          rules[i].id, "section pattern does not compile: " + single.error());
    }
    if (RE2::FullMatch("", single)) {
      return Status::InvalidArgument(rules[i].id,
                                     "section pattern matches the empty text");
    }
    if (i > 0) combined += '|';
    combined += '(';
    combined += rules[i].pattern;
    combined += ')';
    m->rep_->rule_group.push_back(group);
    m->rep_->kinds.push_back(rules[i].kind);
    group += 1 + single.NumberOfCapturingGroups();
  }
  if (rules.empty()) combined += "[^\\x00-\\x{10FFFF}]";  // never matches
  // The label may be followed by spaces, then the colon, a newline or the end.
  combined += ") *(:|\\n|$)";
  m->rep_->delimiter_group = group;
  m->rep_->groups = group + 1;
  m->rep_->re.reset(new RE2(combined, HeaderOptions()));
  if (!m->rep_->re->ok()) {
    return Status::InvalidArgument(
        "section rules",
        "combined pattern does not compile: " + m->rep_->re->error());
  }
  *out = std::move(m);
  return Status::OK();
}

bool SectionHeaderMatcher::MatchAt(std::string_view text, size_t pos,
                                   bool require_colon, HeaderMatch* m) const {
  assert(pos <= text.size());
  const Rep& r = *rep_;
  // Every label starts with a letter (or a non-ASCII character): a cheap
  // filter before the regular expression.
  if (pos >= text.size()) return false;
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (!((c >= 'a' && c <= 'z') || c >= 0x80)) return false;

  // Candidates are tried often (every line start): no allocation for the
  // usual small rule sets.
  re2::StringPiece small[32];
  std::vector<re2::StringPiece> large;
  re2::StringPiece* groups = small;
  if (r.groups > 32) {
    large.resize(r.groups);
    groups = large.data();
  }
  if (!r.re->Match(re2::StringPiece(text.data(), text.size()), pos, text.size(),
                   RE2::ANCHOR_START, groups, r.groups)) {
    return false;
  }
  const re2::StringPiece& delim = groups[r.delimiter_group];
  const bool colon = !delim.empty() && delim[0] == ':';
  if (require_colon && !colon) return false;
  for (size_t i = 0; i < r.rule_group.size(); ++i) {
    const re2::StringPiece& g = groups[r.rule_group[i]];
    if (g.data() == nullptr || g.empty()) continue;
    const uint32_t b = static_cast<uint32_t>(g.data() - text.data());
    const uint32_t e = b + static_cast<uint32_t>(g.size());
    m->rule = static_cast<int>(i);
    m->kind = r.kinds[i];
    m->label = NormSpan(b, e);
    m->colon = colon;
    m->body_begin =
        colon ? static_cast<uint32_t>(delim.data() - text.data()) + 1 : e;
    return true;
  }
  return false;
}

namespace {

bool HasAlnum(std::string_view text, size_t begin, size_t end) {
  for (size_t k = begin; k < end; ++k) {
    const unsigned char c = static_cast<unsigned char>(text[k]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      return true;
    }
  }
  return false;
}

// Where the history section `s` stops being history (see sectionizer.h), or
// s.body.end. `findings_follow`: a findings header comes later in the report.
size_t HistoryEnd(std::string_view text, const Section& s,
                  bool findings_follow) {
  const size_t b = s.body.begin, e = s.body.end;
  bool content = false;  // a line with text seen in the body
  bool first = true;     // the line that holds the header
  bool blank = false;    // a blank line since the last content line
  size_t p = b;
  while (p < e) {
    const char* nlp =
        static_cast<const char*>(std::memchr(text.data() + p, '\n', e - p));
    const size_t nl = nlp ? static_cast<size_t>(nlp - text.data()) : e;
    size_t q = p;
    while (q < nl && text[q] == ' ') ++q;
    const bool has_text = HasAlnum(text, q, nl);
    if (content && !first && has_text) {
      // A level label ("c5-6:") opens the report body, whatever follows.
      NormSpan label;
      size_t after = 0;
      if (MatchLevelHeader(text, q, &label, &after)) return q;
      if (!findings_follow && blank) return q;
    }
    if (has_text) {
      if (first && !findings_follow) {
        // "Hx: neck pain." on the header's own line, then more lines.
        size_t r = nl;
        while (r > q && text[r - 1] == ' ') --r;
        const char last = r > q ? text[r - 1] : '\0';
        if ((last == '.' || last == '?' || last == '!') &&
            HasAlnum(text, nl, e)) {
          size_t next = nl + 1;
          while (next < e && (text[next] == ' ' || text[next] == '\n')) {
            ++next;
          }
          return next;
        }
      }
      content = true;
      blank = false;
    } else if (content) {
      // A blank line, or a rule line ("-----"), after the history text.
      blank = true;
    }
    first = false;
    p = nl + 1;
  }
  return e;
}

// Splits history sections that run into the report body (sectionizer.h).
void EndHistorySections(std::string_view text, std::vector<Section>* sections) {
  for (size_t i = 0; i < sections->size(); ++i) {
    if ((*sections)[i].kind != SectionKind::kHistory) continue;
    bool findings_follow = false;
    for (size_t k = i + 1; k < sections->size(); ++k) {
      findings_follow |= (*sections)[k].kind == SectionKind::kFindings;
    }
    const size_t cut = HistoryEnd(text, (*sections)[i], findings_follow);
    if (cut >= (*sections)[i].body.end) continue;
    Section body;
    body.kind = SectionKind::kFindings;
    body.header =
        NormSpan(static_cast<uint32_t>(cut), static_cast<uint32_t>(cut));
    body.body = NormSpan(static_cast<uint32_t>(cut), (*sections)[i].body.end);
    (*sections)[i].body.end = static_cast<uint32_t>(cut);
    sections->insert(sections->begin() + i + 1, body);
  }
}

}  // namespace

std::vector<Section> FindSections(std::string_view text,
                                  const SectionHeaderMatcher& headers) {
  std::vector<Section> sections;
  const size_t n = text.size();
  Section current;  // the open section; its body ends at the next header
  uint32_t body_begin = 0;
  bool have_header = false;

  // Closes the open section at `cut` if it is worth keeping.
  auto close = [&](size_t cut) {
    const uint32_t end = static_cast<uint32_t>(cut);
    bool keep = have_header || (sections.empty() && end == n);
    // Text before the first header is a kNone section only if it holds
    // something besides whitespace (or if there is no header at all).
    for (uint32_t k = body_begin; !keep && k < end; ++k) {
      keep = text[k] != ' ' && text[k] != '\n';
    }
    if (keep) {
      current.body = NormSpan(body_begin, end);
      sections.push_back(current);
    }
  };
  // Tries a header at `p` (after spaces); `cut` is where the previous body
  // would end. Returns the new body start, or 0 if there is no header.
  auto try_at = [&](size_t cut, size_t p, bool require_colon) -> size_t {
    while (p < n && text[p] == ' ') ++p;
    HeaderMatch m;
    if (!headers.MatchAt(text, p, require_colon, &m)) return 0;
    close(cut);
    current = Section();
    current.kind = m.kind;
    current.rule = m.rule;
    current.header = m.label;
    body_begin = m.body_begin;
    have_header = true;
    return m.body_begin;
  };

  size_t i = try_at(0, 0, false);
  while (i < n) {
    const char* nlp =
        static_cast<const char*>(std::memchr(text.data() + i, '\n', n - i));
    const size_t nl = nlp ? static_cast<size_t>(nlp - text.data()) : n;
    // Inside the line: a header after a scraped comma or after a sentence end
    // needs its colon, so only positions with a ':' soon after are tried.
    size_t next = 0;
    for (size_t j = i; j < nl && next == 0; ++j) {
      const char c = text[j];
      const bool comma = c == ',';
      const bool sentence_end = (c == '.' || c == '?' || c == '!') &&
                                j + 1 < nl && text[j + 1] == ' ';
      if (!comma && !sentence_end) continue;
      const size_t lim = std::min(nl, j + 48);
      if (std::memchr(text.data() + j + 1, ':', lim - (j + 1)) == nullptr) {
        continue;
      }
      next = comma ? try_at(j, j + 1, true) : try_at(j + 1, j + 2, true);
    }
    if (next) {
      i = next;
      continue;
    }
    if (nl >= n) break;
    next = try_at(nl + 1, nl + 1, false);
    i = next ? next : nl + 1;
  }
  close(n);
  EndHistorySections(text, &sections);
  return sections;
}

}  // namespace myelex
