#include "guideline/decision.h"

namespace myelex {

const char* ToString(Recommendation r) {
  switch (r) {
    case Recommendation::kCtMyelography:
      return "ct_myelography";
    case Recommendation::kMriWithContrast:
      return "mri_with_contrast";
    case Recommendation::kMri:
      return "mri";
    case Recommendation::kManualReview:
      return "manual_review";
    case Recommendation::kNone:
      return "none";
  }
  return "none";
}

const char* ToString(Concordance c) {
  switch (c) {
    case Concordance::kConcordant:
      return "concordant";
    case Concordance::kDiscordant:
      return "discordant";
    case Concordance::kSilent:
      return "silent";
    case Concordance::kNotApplicable:
      return "not_applicable";
  }
  return "not_applicable";
}

}  // namespace myelex
