// Normalizer: original report bytes -> normalized text plus an offset map.
//
// Pipeline position: first stage. Everything downstream (sectionizer,
// sentence splitter, lexicon matching) works on the normalized text; every
// span that leaves the text layer is mapped back to ORIGINAL bytes with
// NormalizedText::ToOriginal().
//
// Normalization (one map-producing pass; nothing edits text without updating
// the map):
//   * invalid UTF-8 is validated first and each maximal subpart of an
//     ill-formed sequence (Unicode "U+FFFD substitution of maximal
//     subparts": a bad lead byte, or a truncated sequence) is replaced by
//     U+FFFD (never passed to ICU raw);
//   * NFKC_Casefold (ICU Normalizer2 + icu::Edits), with an ASCII fast path:
//     ASCII stretches are lower-cased by hand and only the non-ASCII
//     stretches (plus the printable ASCII character before each, which a
//     combining mark may compose with) go to ICU; stretches made only of the
//     characters folded by hand below skip ICU too;
//   * CRLF and lone CR become LF (U+0085, U+2028, U+2029 too); tabs, other
//     ASCII control characters, no-break and other Unicode spaces become
//     ' '; runs of spaces collapse to one space (newlines are kept);
//   * dashes (U+2010..U+2015, U+2212, U+FE58, U+FE63, U+FF0D) become '-';
//   * typographic single quotes, primes and the modifier apostrophe
//     (U+2018..U+201B, U+2032, U+2035, U+02BC) become '\'', double ones
//     (U+201C..U+201F, U+2033, U+2036) become '"' ("l'hermitte", "can't");
//   * zero-width characters (U+200B..U+200D, U+2060, U+FEFF) become ' ' so
//     they cannot glue two words together (NFKC would delete them); soft
//     hyphen U+00AD is deleted.
//
// Offset map contract: for every normalized byte i, the source character of
// that byte occupies original bytes [begin_of(i), end_of(i)) (all bytes of
// one normalized character share the range; a collapsed run of spaces maps
// to the whole run; both arrays are non-decreasing and begin < end). A
// normalized span [b, e) maps to the tight original span [begin_of(b),
// end_of(e - 1)); an empty span [b, b) maps to [begin_of(b), begin_of(b))
// where begin_of(size()) == original.size().
//
// Thread-safety: Normalize() is a pure function, safe to call concurrently.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.h"

namespace myelex {

struct NormalizedText {
  std::string text;  // the normalized text (valid UTF-8)

  // begin[i] / end[i]: original byte range of the source character of
  // normalized byte i. begin has size text.size() + 1 (the extra entry is the
  // original size); end has size text.size().
  std::vector<uint32_t> begin;
  std::vector<uint32_t> end;

  // Original byte offsets where invalid UTF-8 sequences began (each was
  // replaced by U+FFFD). Empty for valid input.
  std::vector<uint32_t> invalid_utf8;

  // Maps a normalized span back to the original bytes (see contract above).
  // REQUIRES: s.end <= text.size().
  Span ToOriginal(NormSpan s) const;

  // Maps an original span to the smallest normalized span whose source
  // characters overlap it (used by `myelex assert` for caller-supplied
  // targets). Offsets past the end are clamped.
  NormSpan ToNormalized(Span s) const;
};

// Normalizes `original` as described above. Never fails.
NormalizedText Normalize(std::string_view original);

}  // namespace myelex
