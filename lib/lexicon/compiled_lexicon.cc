#include "lexicon/compiled_lexicon.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "lexicon/lexicon_internal.h"
#include "lexicon/literal_trie.h"

namespace myelex {

namespace {

// The RE2::Set's DFA cache needs ~4 MB for a few hundred patterns and slows
// down silently (never failing) when starved, so give it plenty.
constexpr int64_t kSetMaxMem = 64 << 20;

RE2::Options MatchOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

// A rule whose pattern is a finite set of literal strings is matched by a
// trie instead of RE2 (same output; see literal_trie.h). Past this many
// strings the trie grows more than it saves.
constexpr size_t kMaxTrieStrings = 4096;

// Appends the rule's strings to *entries. Returns false if the pattern is
// not a set of strings.
bool AddToTrie(const std::string& pattern, int rule,
               std::vector<LiteralTrie::Entry>* entries) {
  std::vector<LiteralString> strings;
  if (!ExpandLiteralPattern(pattern, kMaxTrieStrings, &strings)) return false;
  for (size_t k = 0; k < strings.size(); ++k) {
    entries->push_back({std::move(strings[k]), rule, static_cast<int>(k)});
  }
  return true;
}

bool IsAbbreviation(const Rule& rule) {
  return rule.kind == RuleKind::kAttribute && rule.attribute == "abbreviation";
}

}  // namespace

struct CompiledLexicon::Impl {
  // One RE2 per matchable rule (null for section rules and abbreviations).
  std::vector<std::unique_ptr<RE2>> regexes;
  // Prefilter over the matchable rules not in the tries; null when
  // there are none. set_rules maps a Set index to a rule index.
  std::unique_ptr<RE2::Set> set;
  std::vector<int> set_rules;
  // Rules whose pattern is a finite set of literal strings.
  LiteralTrie literals;
  std::unordered_map<std::string_view, int> ids;  // views into lexicon_
};

CompiledLexicon::CompiledLexicon() : impl_(new Impl) {}
CompiledLexicon::~CompiledLexicon() = default;

Status CompiledLexicon::Create(Lexicon lexicon,
                               std::unique_ptr<CompiledLexicon>* out) {
  std::unique_ptr<CompiledLexicon> c(new CompiledLexicon);
  c->lexicon_ = std::move(lexicon);
  Impl& impl = *c->impl_;
  const std::vector<Rule>& rules = c->lexicon_.rules;
  const RE2::Options options = MatchOptions();
  RE2::Options set_options = options;
  set_options.set_max_mem(kSetMaxMem);
  impl.set.reset(new RE2::Set(set_options, RE2::UNANCHORED));
  impl.regexes.resize(rules.size());

  std::vector<SectionRule> sections;
  std::vector<std::string> abbreviations;
  std::vector<LiteralTrie::Entry> literal_entries;
  for (int i = 0; i < static_cast<int>(rules.size()); ++i) {
    const Rule& rule = rules[i];
    if (!impl.ids.emplace(rule.id, i).second) {
      return Status::InvalidArgument(rule.source,
                                     "duplicate id '" + rule.id + "'");
    }
    if (rule.kind == RuleKind::kSection) {
      sections.push_back({rule.id, rule.section, rule.pattern});
      continue;
    }
    if (IsAbbreviation(rule)) {
      abbreviations.push_back(lexicon_internal::NormalizeLiteral(rule.literal));
      continue;
    }
    auto re = std::make_unique<RE2>(rule.pattern, options);
    if (!re->ok()) {
      return Status::InvalidArgument(
          rule.source, "pattern does not compile: " + re->error());
    }
    impl.regexes[i] = std::move(re);

    if (AddToTrie(rule.pattern, i, &literal_entries)) {
      continue;
    }
    std::string error;
    if (impl.set->Add(rule.pattern, &error) < 0) {
      return Status::InvalidArgument(rule.source,
                                     "pattern does not compile: " + error);
    }
    impl.set_rules.push_back(i);
  }
  impl.literals = LiteralTrie(literal_entries);
  if (impl.set_rules.empty()) {
    impl.set.reset();
  } else if (!impl.set->Compile()) {
    return Status::Internal("lexicon",
                            "RE2::Set does not compile (out of memory)");
  }
  MYELEX_RETURN_IF_ERROR(TextRules::Create(
      std::move(sections), std::move(abbreviations), &c->text_rules_));
  *out = std::move(c);
  return Status::OK();
}

int CompiledLexicon::FindRule(std::string_view id) const {
  auto it = impl_->ids.find(id);
  return it == impl_->ids.end() ? -1 : it->second;
}

bool CompiledLexicon::IsMatchable(int rule) const {
  return rule >= 0 && rule < static_cast<int>(impl_->regexes.size()) &&
         impl_->regexes[rule] != nullptr;
}

namespace {

// The Set's candidate rules for `text`. If the Set's DFA runs out of memory
// (it reports that rather than failing), every Set rule is a candidate: the
// output stays exact, only slower.
void SetCandidates(const RE2::Set* set, const std::vector<int>& set_rules,
                   std::string_view text, std::vector<int>* hits) {
  if (set == nullptr) return;
  std::vector<int> indices;
  RE2::Set::ErrorInfo info;
  if (set->Match(re2::StringPiece(text.data(), text.size()), &indices, &info)) {
    for (int index : indices) hits->push_back(set_rules[index]);
  } else if (info.kind != RE2::Set::kNoError) {
    hits->insert(hits->end(), set_rules.begin(), set_rules.end());
  }
}

}  // namespace

void CompiledLexicon::CandidateRules(std::string_view text,
                                     std::vector<int>* hits) const {
  SetCandidates(impl_->set.get(), impl_->set_rules, text, hits);
  std::vector<LiteralTrie::Hit> literal_hits;
  impl_->literals.FindAll(text, &literal_hits);
  const size_t first = hits->size();
  for (const LiteralTrie::Hit& h : literal_hits) hits->push_back(h.rule);
  std::sort(hits->begin() + first, hits->end());
  hits->erase(std::unique(hits->begin() + first, hits->end()), hits->end());
}

void CompiledLexicon::FindAll(
    int rule, std::string_view text,
    std::vector<std::pair<uint32_t, uint32_t>>* out) const {
  if (!IsMatchable(rule)) return;
  const RE2& re = *impl_->regexes[rule];
  const re2::StringPiece input(text.data(), text.size());
  size_t pos = 0;
  while (pos <= text.size()) {
    re2::StringPiece m;
    if (!re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) break;
    const size_t begin = static_cast<size_t>(m.data() - input.data());
    const size_t end = begin + m.size();
    out->emplace_back(static_cast<uint32_t>(begin), static_cast<uint32_t>(end));
    if (end > begin) {
      pos = end;
    } else {
      // An empty match (the parser rejects such patterns, but hand-built
      // rules may have them): step over one UTF-8 character.
      pos = end + 1;
      while (pos < text.size() &&
             (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) {
        ++pos;
      }
    }
  }
}

void CompiledLexicon::FindAllRules(std::string_view text,
                                   std::vector<RuleMatch>* out) const {
  // Room for a sentence's usual hits at once, not by repeated doubling.
  std::vector<LiteralTrie::Hit> literal_hits;
  literal_hits.reserve(32);
  impl_->literals.FindAll(text, &literal_hits);
  for (const LiteralTrie::Hit& h : literal_hits) {
    out->push_back({h.rule, h.begin, h.end});
  }
  std::vector<int> candidates;
  SetCandidates(impl_->set.get(), impl_->set_rules, text, &candidates);
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  for (int rule : candidates) {
    spans.clear();
    FindAll(rule, text, &spans);
    for (const auto& s : spans) out->push_back({rule, s.first, s.second});
  }
}

}  // namespace myelex
