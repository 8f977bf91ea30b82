// The guideline decision (contract section 3): rules R0..R7, their
// precedence, and the audit fields.
//
// Clinical rationale per rule lives in ct_myelography.h next to the code.
#pragma once

#include <string>
#include <vector>

namespace myelex {

enum class Recommendation {
  kCtMyelography,
  kMriWithContrast,
  kMri,
  kManualReview,
  kNone,
};
const char* ToString(Recommendation r);  // "ct_myelography", ...

enum class Concordance { kConcordant, kDiscordant, kSilent, kNotApplicable };
const char* ToString(Concordance c);  // "concordant", ...

struct Reason {
  std::string rule;           // "R5"
  std::string text;           // one line, plain English
  std::string citation;       // the source
  std::vector<int> findings;  // indices into the findings vector
};

struct Decision {
  bool equivocal = false;
  Recommendation recommendation = Recommendation::kNone;
  bool dwi = false;
  bool surgical_referral = false;
  std::vector<Reason> reasons;
  Concordance concordance = Concordance::kNotApplicable;
  bool pitfall = false;
};

}  // namespace myelex
