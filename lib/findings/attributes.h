// Finding attributes: severity grades, laterality, measurements, and the
// overlap rules the findings layer applies to lexicon mentions.
//
// Pipeline position: helpers of finding assembly (assemble.cc) and exam
// facts (exam.cc). The words themselves live in lexicons/attributes_*.tsv;
// this file only knows the value names of the contract (severity scale,
// laterality values) and how to read a number of millimetres.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.h"
#include "lexicon/compiled_lexicon.h"
#include "match/matcher.h"

namespace myelex {

// Rank of a contract severity value: "" (not stated) 0, minimal 1, mild 2,
// mild_to_moderate 3, moderate 4, moderate_to_severe 5, severe 6; -1 for an
// unknown string.
int SeverityRank(std::string_view severity);

// The severity value of rank `rank` (1..6); "" otherwise.
const char* SeverityName(int rank);

// Combines two severities written as a range ("mild ... to ... moderate"):
// adjacent grades give the range value (mild + moderate -> mild_to_moderate,
// moderate + severe -> moderate_to_severe); otherwise the higher grade.
std::string SeverityRange(std::string_view low, std::string_view high);

// Indices (into `mentions`) of the candidates after overlap resolution:
// among mentions whose normalized spans overlap, the longest is kept (ties:
// earlier start, then lower rule index). Candidates are taken greedily in
// that order; one is kept unless it overlaps an already kept mention.
// `may_share_span(kept, candidate)`, when given, lets a candidate whose span
// is identical to kept ones coexist with them if it returns true for each
// of them (e.g. "central and foraminal stenosis" names two concepts).
// `candidates` index `mentions`; the result is sorted by (span, rule).
// O(n log n) in the number of candidates.
std::vector<int> KeepLongest(const std::vector<Mention>& mentions,
                             const std::vector<int>& candidates,
                             const std::function<bool(int kept, int candidate)>&
                                 may_share_span = nullptr);

// A set of normalized spans, merged for overlap queries: Overlaps(s) is
// true iff `s` overlaps (NormSpan::Overlaps) one of the spans given.
// O(n log n) to build, O(log n) per query. Immutable after construction.
class SpanUnion {
 public:
  explicit SpanUnion(std::vector<NormSpan> spans);
  bool Overlaps(const NormSpan& s) const;

 private:
  std::vector<NormSpan> merged_;  // sorted; begin and end non-decreasing
};

// Indices of the attribute mentions (rule kind kAttribute, attribute name
// `attribute`) in `mentions`, in order, after KeepLongest.
std::vector<int> AttributeMentions(const CompiledLexicon& lexicon,
                                   const std::vector<Mention>& mentions,
                                   std::string_view attribute);

// A length in millimetres written in text ("8 mm", "7mm", "0.8 cm",
// "12 millimeters").
struct Measurement {
  NormSpan span;  // the number and its unit, offsets in the scanned text
                  // plus base_offset
  double mm = 0;
};

// Finds the measurements in `text` (normalized lower-case text). Numbers
// that are not followed by a length unit (levels, dates, "grade 2") are
// skipped. Spans are relative to `text` plus `base_offset`.
std::vector<Measurement> FindMeasurements(std::string_view text,
                                          uint32_t base_offset = 0);

}  // namespace myelex
