// Matcher: CompiledLexicon x Document -> Mentions.
//
// For each sentence, the RE2::Set prefilter says which rules hit; only those
// rules are run for spans. MatchBruteForce runs every rule on every sentence
// and exists for the differential test: both must return identical vectors.
//
// Thread-safety: pure functions over const inputs.
#pragma once

#include <string>
#include <vector>

#include "base/span.h"
#include "lexicon/compiled_lexicon.h"
#include "text/document.h"

namespace myelex {

// One lexicon hit inside one sentence.
struct Mention {
  int rule = -1;      // index into CompiledLexicon::rules()
  NormSpan norm;      // normalized-text span
  Span span;          // original-byte span (Document::ToOriginal(norm))
  int sentence = -1;  // index into Document::sentences()

  bool operator==(const Mention& o) const {
    return rule == o.rule && norm == o.norm && span == o.span &&
           sentence == o.sentence;
  }
  std::string DebugString() const;
};

// All mentions of target, modifier and attribute rules, sorted by
// (sentence, norm.begin, norm.end, rule). Matches never cross a sentence.
std::vector<Mention> Match(const CompiledLexicon& lexicon, const Document& doc);

// Same result, computed by running every rule on every sentence.
std::vector<Mention> MatchBruteForce(const CompiledLexicon& lexicon,
                                     const Document& doc);

}  // namespace myelex
