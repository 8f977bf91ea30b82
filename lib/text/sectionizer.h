// Sectionizer: finds report section headers ("FINDINGS:", "IMPRESSION") in
// normalized text.
//
// Pipeline position: after the normalizer, before the sentence splitter.
// Header labels come from lexicons/sections.tsv as SectionRule patterns; this
// file only decides WHERE a label counts as a header:
//   * at a line start (leading spaces allowed), followed by ':' (content may
//     follow on the same line: "findings: at c4-5 ...") or alone on its line;
//   * after a comma, followed by ':' -- text whose line breaks were scraped
//     into commas ("exam: mri c-spine,clinical history: neck pain,findings:");
//   * after a sentence end and one space (". impression: ..."), followed by
//     ':' -- reports whose line breaks were flattened into spaces.
// A label followed by anything else ("history of ...", "no acute findings:"
// in the middle of a line) is prose, not a header.
//
// A history/indication section is one short block; when the report body
// follows it without a recognised header, the history must not swallow the
// body (every finding there would become a question). So a history section
// ends, and an unlabelled kFindings section (empty header span at the cut)
// takes the rest of its body:
//   * at a line starting with a level label ("c5-6: ..."), always: a level
//     paragraph is report body, never indication text;
//   * only when no findings header follows anywhere later in the report
//     (with one, the text up to it stays history, as written):
//     - after the header's own line, when the history text sits on that line
//       and ends a sentence ("hx: neck pain.\nmild bulge at ..."); a line
//       without a final '.', '?' or '!' may be hard-wrapped and goes on;
//     - at the first text after a blank line or a rule line ("-----")
//       that follows the history text.
//
// Thread-safety: SectionHeaderMatcher is immutable after Create() and may be
// shared by any number of threads. FindSections() is a pure function.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "text/document.h"

namespace myelex {

// A header found at a given position.
struct HeaderMatch {
  int rule = -1;                          // index into the SectionRule vector
  SectionKind kind = SectionKind::kNone;  // that rule's kind
  NormSpan label;                         // the label, without spaces or colon
  uint32_t body_begin = 0;  // just past the colon, or the label end when the
                            // label stands alone on its line
  bool colon = false;
};

// The compiled header rules. Not copyable: owns a compiled regular expression.
class SectionHeaderMatcher {
 public:
  // Compiles `rules` (which must outlive nothing: they are copied as needed).
  // Returns InvalidArgument naming the rule id if a pattern does not compile
  // or can match the empty string.
  static Status Create(const std::vector<SectionRule>& rules,
                       std::unique_ptr<SectionHeaderMatcher>* out);
  ~SectionHeaderMatcher();
  SectionHeaderMatcher(const SectionHeaderMatcher&) = delete;
  SectionHeaderMatcher& operator=(const SectionHeaderMatcher&) = delete;

  // Tries to match a header label starting exactly at `pos` in `text`. With
  // `require_colon`, only "label:" counts; otherwise a label alone on its line
  // (followed by spaces and a newline or the end of the text) counts too.
  // When several rules match, the first rule in rule order wins.
  // REQUIRES: pos <= text.size().
  bool MatchAt(std::string_view text, size_t pos, bool require_colon,
               HeaderMatch* m) const;

 private:
  SectionHeaderMatcher();
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

// Splits `text` (normalized) into sections in text order. The result is never
// empty: text before the first header (if it holds anything but whitespace),
// or a text without any header, is a kNone section. Each body runs from the
// header's body_begin to the start of the next header (for a scraped-comma
// header, to its comma), except that history sections end early by the rules
// above (the unlabelled findings section after one has rule -1).
std::vector<Section> FindSections(std::string_view text,
                                  const SectionHeaderMatcher& headers);

}  // namespace myelex
