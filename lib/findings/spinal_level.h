// Spinal levels: parsing the written forms into canonical levels.
//
// Structured values are parsed in code, not in the lexicon (style.md 10.1.2).
// A level is a single vertebra ("C5") or a disc level between two adjacent
// vertebrae ("C5-C6", "C7-T1"). A span of non-adjacent vertebrae ("C3-C6",
// "C3 through C6", "from C3 to C6", "C3-4 through C5-6") expands to every
// disc level in it (C3-C4, C4-C5, C5-C6). Lists ("C4-5, C5-6 and C6-7")
// give each level. Not levels: nerve roots ("C6 nerve root", "C8
// radiculopathy"), image/series numbers, dates, ICD-10 codes.
//
// Details: "C8" names no vertebra (it is a root) and is never a level. A lone
// thoracic vertebra ("t1", "t2") is a level only in clear level syntax ("at
// t2", "t2 vertebral body", "t1-2", "c7-t1"), because "t2 hyperintensity",
// "t1-weighted" and "on t1/t2" name MRI sequences. ASCII case is ignored and
// raw en/em dashes are accepted, so raw text parses too. Disc pairs in a list
// may omit the region ("c4-5, 5-6 and 6-7"); the OCR run-together "c56" is
// C5-C6.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.h"

namespace myelex {

struct SpinalLevel {
  // Vertebra index along the spine: C1 = 1 .. C7 = 7, T1 = 8 .. T12 = 19,
  // L1 = 20 .. L5 = 24, S1 = 25. upper == lower for a vertebra;
  // lower == upper + 1 for a disc level.
  int upper = 0;
  int lower = 0;

  bool IsDisc() const { return lower == upper + 1; }
  // Canonical form: "C5-C6", "C5", "C7-T1", "T1-T2", "L4-L5".
  std::string ToString() const;
  bool operator==(const SpinalLevel& o) const {
    return upper == o.upper && lower == o.lower;
  }
  bool operator<(const SpinalLevel& o) const {
    return upper != o.upper ? upper < o.upper : lower < o.lower;
  }
};

// Levels overlap when they share a disc level, or when a vertebra touches a
// disc level (C5 overlaps C4-C5 and C5-C6); C3-C4 and C4-C5 do not overlap.
bool Overlaps(const SpinalLevel& a, const SpinalLevel& b);

// Parses a canonical level string ("C5-C6", "C5", "C7-T1"). Returns false if
// `s` is not one.
bool ParseCanonicalLevel(std::string_view s, SpinalLevel* out);

// True if any level of `a` overlaps any level of `b` (canonical strings;
// unparsable strings never overlap). Two empty lists do not overlap; callers
// decide what "no levels" means.
bool AnyOverlap(const std::vector<std::string>& a,
                const std::vector<std::string>& b);

// One level expression found in text.
struct LevelMention {
  enum class Kind {
    kExplicit,  // "C5-6", "C3 through C6", "C4-5 and C5-6", "retro-C5"
    kAnaphora,  // "at this level", "at these levels", "at the above levels"
    kOperated,  // "at the fused levels", "the operated segment": the levels
                // of the surgery the report names (resolved by the caller)
  };
  NormSpan span;  // offsets in the text passed to FindLevels (+ base_offset)
  Kind kind = Kind::kExplicit;
  std::vector<SpinalLevel> levels;  // expanded, sorted, distinct; empty for
                                    // kAnaphora and kOperated
};

// Finds the level expressions in `text` (normalized, lower-case text of one
// sentence). Spans are reported relative to `text` plus `base_offset`.
// Mentions are in text order and do not overlap.
std::vector<LevelMention> FindLevels(std::string_view text,
                                     uint32_t base_offset = 0);

// Parses a level-paragraph header ("c5-6", "c5-c6:", "c7-t1", "c5-6 level",
// "level c4-5") into levels; empty if the text is anything more than a level
// expression.
std::vector<SpinalLevel> ParseLevelHeader(std::string_view text);

}  // namespace myelex
