// Sentence splitter for clinical report text.
//
// Pipeline position: after the sectionizer; works on the normalized text one
// section body at a time, so sentences never cross section boundaries and
// never contain a section header label. The rules are in code; the only
// data is the abbreviation list (lexicons/abbreviations.tsv).
//
// Rules, in the order they apply:
//   * A sentence ends at '.', '?' or '!' (runs such as "?." or "..." and
//     closing brackets or quotes included) followed by a space, a newline,
//     a comma (scraped line breaks: "stenosis.,c5-6: ...") or the end. A
//     period ending a known abbreviation ("vs.", "e.g."; but not before a
//     level header: "on the rt. c5-6: ...") or inside a number
//     ("3.5 mm") ends nothing; nor does a '?' not attached to a word
//     ("? mild cord signal", "stenosis, ? cord signal"): it is a hedge.
//   * A line break inside a sentence is a hard wrap, NOT a sentence end,
//     unless a blank line follows, the previous line ends with ':' , the next
//     line starts a list item ("1.", "2)", "-", "*", bullet), a level header
//     ("c5-6:") or a short "label:" (at most three words), or the previous
//     line is a short heading-like line (the whole sentence so far, at most
//     four words and 40 bytes, not ending in ',', '-' or an abbreviation).
//   * A comma directly followed by a level header ("...,c5-6: mild") ends the
//     sentence (scraped line breaks).
//   * At a sentence start, list markers ("1.", "2)", "(3)", "-", "*", bullet)
//     are skipped: the number is not a sentence of its own and is not part of
//     the sentence span. Leading commas and semicolons are skipped too.
//   * A level header at a sentence start ("c5-6:", "c5-c6:", "c5/6:",
//     "c7-t1:", "c2-3 level:", and lists or ranges of them: "c3-4 and
//     c4-5:", "c2-c3 through c4-c5:") opens a level paragraph: it is not part
//     of any sentence, and every following sentence records its span
//     (without the colon or the word "level") in Sentence::level_header,
//     until the next level header, a blank line, the end of the section, or
//     -- when the level header has text after it on its own line -- a new
//     line starting with another short "label:" ("other levels:", "spinal
//     cord:"). Sub-labels under a level header alone on its line ("c5-6:" /
//     "canal: mild stenosis") stay in the paragraph.
//   * Sentences are trimmed of surrounding spaces and newlines; sentences
//     with no letter or digit (rules such as "-----") are dropped.
// Time is linear in the text length.
//
// Thread-safety: AbbreviationSet is immutable after construction; the
// functions are pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/document.h"

namespace myelex {

// Known abbreviations, as normalized tokens with their final period ("vs.",
// "e.g."). Copyable.
class AbbreviationSet {
 public:
  AbbreviationSet() = default;
  explicit AbbreviationSet(std::vector<std::string> tokens);

  // True if `token` (normalized, ending with '.') is a known abbreviation.
  bool Contains(std::string_view token) const;

 private:
  std::vector<std::string> sorted_;
  size_t max_size_ = 0;
};

// If a level header ("c5-6:", "c5-c6 level:", "c7-t1:") starts exactly at
// `pos`, returns true, sets *label to the level text ("c5-6") and *after to
// the position just past the colon. Level headers are matched in code: they
// are spinal-level parsing, not vocabulary.
bool MatchLevelHeader(std::string_view text, size_t pos, NormSpan* label,
                      size_t* after);

// Longest sentence the splitter emits; longer run-on text is cut at clause
// breaks (see sentences.cc).
constexpr size_t kMaxSentenceBytes = 1024;

// Splits the body of `section` (index `section_index`) into sentences and
// appends them to *out.
void SplitSection(std::string_view text, const Section& section,
                  int section_index, const AbbreviationSet& abbreviations,
                  std::vector<Sentence>* out);

// Splits every section body; sentences come out in text order.
void SplitSentences(std::string_view text, const std::vector<Section>& sections,
                    const AbbreviationSet& abbreviations,
                    std::vector<Sentence>* out);

}  // namespace myelex
