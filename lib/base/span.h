// Byte spans.
//
// A Span is a half-open byte range [begin, end) into the ORIGINAL report bytes
// exactly as they were read (before any normalization). Every offset that
// leaves the text layer (findings, cues, output) is a Span.
//
// A NormSpan is a half-open range into the NORMALIZED text (NFKC_Casefold,
// whitespace and dash cleanup). It never reaches findings, output or the
// guideline: Document::ToOriginal() converts it. The two are distinct types so
// the compiler rejects mixing them.
//
// Both are plain values. REQUIRES: begin <= end (asserted on construction).
#pragma once

#include <cassert>
#include <cstdint>

namespace myelex {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  Span() = default;
  Span(uint32_t b, uint32_t e) : begin(b), end(e) { assert(b <= e); }
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool operator==(const Span& o) const {
    return begin == o.begin && end == o.end;
  }
  bool operator!=(const Span& o) const { return !(*this == o); }
  bool operator<(const Span& o) const {
    return begin != o.begin ? begin < o.begin : end < o.end;
  }
};

struct NormSpan {
  uint32_t begin = 0;
  uint32_t end = 0;

  NormSpan() = default;
  NormSpan(uint32_t b, uint32_t e) : begin(b), end(e) { assert(b <= e); }
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool Contains(const NormSpan& o) const {
    return begin <= o.begin && o.end <= end;
  }
  bool Overlaps(const NormSpan& o) const {
    return begin < o.end && o.begin < end;
  }
  bool operator==(const NormSpan& o) const {
    return begin == o.begin && end == o.end;
  }
  bool operator!=(const NormSpan& o) const { return !(*this == o); }
  bool operator<(const NormSpan& o) const {
    return begin != o.begin ? begin < o.begin : end < o.end;
  }
};

}  // namespace myelex
