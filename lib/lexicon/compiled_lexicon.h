// CompiledLexicon: the immutable, thread-shared matcher for a Lexicon.
//
// Lifecycle (as re2/set.h): Create() compiles one RE2 per target, modifier
// and attribute rule (the reference for positions). Rules whose pattern is a
// finite set of phrases (plain literals, "\b(?:equivocal|indeterminate)\b")
// go into a byte trie that finds all their matches in one pass; the others
// go into one RE2::Set, the prefilter that says which of them hit a
// sentence, and only those are run for positions. Both paths give exactly
// the matches of the per-rule RE2 (matcher_differential_test). Section rules
// and abbreviations are compiled into TextRules.
//
// Not copyable: owns compiled RE2 objects. Thread-safe: all const methods may
// be called concurrently after Create() returns.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "lexicon/rule.h"
#include "text/document.h"

namespace myelex {

class CompiledLexicon {
 public:
  // Compiles `lexicon`. Returns InvalidArgument("source:line", what) for the
  // first rule that does not compile (LoadLexiconDir normally catches these).
  static Status Create(Lexicon lexicon, std::unique_ptr<CompiledLexicon>* out);
  ~CompiledLexicon();
  CompiledLexicon(const CompiledLexicon&) = delete;
  CompiledLexicon& operator=(const CompiledLexicon&) = delete;

  const std::vector<Rule>& rules() const { return lexicon_.rules; }
  const Rule& rule(int i) const { return lexicon_.rules[i]; }
  // Index of the rule with this id, or -1.
  int FindRule(std::string_view id) const;

  // The section rules and abbreviations, compiled for the text layer.
  const TextRules& text_rules() const { return *text_rules_; }

  // Appends to *hits the indices of the matchable rules that match somewhere
  // in `text` (unsorted, each once), using the RE2::Set prefilter and the
  // phrase trie.
  void CandidateRules(std::string_view text, std::vector<int>* hits) const;

  // Appends every occurrence of rule `rule` in text[0, text.size()) as
  // [begin, end) offsets relative to `text`: leftmost-first, non-overlapping,
  // advancing past each match (or by one character after an empty match).
  // Always runs the rule's own RE2 (the reference the fast paths must equal).
  // Appends nothing for rules that are not matchable (see IsMatchable).
  void FindAll(int rule, std::string_view text,
               std::vector<std::pair<uint32_t, uint32_t>>* out) const;

  // True for the rules that CandidateRules/FindAllRules consider: targets,
  // modifiers and attributes other than "abbreviation".
  bool IsMatchable(int rule) const;

  // One occurrence of one rule, [begin, end) relative to the scanned text.
  struct RuleMatch {
    int rule;
    uint32_t begin;
    uint32_t end;
  };

  // Appends the occurrences of every matchable rule in `text`: exactly the
  // union over matchable rules r of FindAll(r, text), in unspecified order.
  // Fast path: rules whose pattern is a set of phrases are found with a
  // byte trie, the others are prefiltered by the RE2::Set and only the hits
  // are run for positions.
  void FindAllRules(std::string_view text, std::vector<RuleMatch>* out) const;

  struct Impl;

 private:
  CompiledLexicon();
  Lexicon lexicon_;
  std::unique_ptr<TextRules> text_rules_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace myelex
