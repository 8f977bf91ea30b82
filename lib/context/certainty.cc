#include "context/certainty.h"

namespace myelex {

bool IsCertaintyCategory(Category c) {
  return c == Category::kNegation || c == Category::kHedge;
}

bool IsFlagCategory(Category c) {
  return c == Category::kHistorical || c == Category::kHypothetical ||
         c == Category::kExperiencer;
}

Certainty NestedCertainty(Certainty outer, Certainty inner) {
  return CertaintyRank(outer) < CertaintyRank(inner) ? outer : inner;
}

int ChooseCertainty(const std::vector<CertaintyCandidate>& candidates) {
  int best = -1;
  for (int i = 0; i < static_cast<int>(candidates.size()); ++i) {
    const CertaintyCandidate& c = candidates[i];
    if (best < 0) {
      best = i;
      continue;
    }
    const CertaintyCandidate& b = candidates[best];
    if (c.distance < b.distance ||
        (c.distance == b.distance &&
         CertaintyRank(c.certainty) < CertaintyRank(b.certainty))) {
      best = i;
    }
  }
  return best;
}

}  // namespace myelex
