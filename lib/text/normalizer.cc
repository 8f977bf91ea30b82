#include "text/normalizer.h"

namespace myelex {

// STUB: replaced by the text layer.
NormalizedText Normalize(std::string_view original) {
  NormalizedText n;
  n.text.assign(original);
  for (uint32_t i = 0; i < original.size(); ++i) { n.begin.push_back(i); n.end.push_back(i + 1); }
  n.begin.push_back(static_cast<uint32_t>(original.size()));
  return n;
}
Span NormalizedText::ToOriginal(NormSpan s) const { return s.empty() ? Span(begin[s.begin], begin[s.begin]) : Span(begin[s.begin], end[s.end - 1]); }
NormSpan NormalizedText::ToNormalized(Span s) const { return NormSpan(s.begin, s.end); }

}  // namespace myelex
