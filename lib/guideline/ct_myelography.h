// The guideline module: findings + exam facts -> Decision (contract §3).
//
// Rule ids, one line each (sources in domain.md §5/§7; texts in the .cc):
//   R0  not applicable (not a cervical-spine MRI/CT/CT myelogram) -> none
//   R1  clinical myelopathy + definite/equivocal cord findings -> surgical
//       referral (never suppressed), except a non-compressive cause with
//       nothing compressive seen
//   R1b infection/tumour compressing the cord -> surgical referral
//   R2  equivocal or cord signal/lesion + non-compressive differential, no
//       contrast yet -> MRI with contrast (+ DWI for ischemia)
//   R2c R2 + MRI contraindicated -> manual review
//   R3  MRI contraindicated + cord/canal finding or myelopathy asked -> CT
//       myelography
//   R4  study limited (MRI or unknown) -> CT myelography
//   R5  equivocal, no non-compressive differential (MRI or unknown) -> CT
//       myelography
//   R5b equivocal or cord finding on plain CT -> MRI
//   R6  definite myelopathic imaging without clinical myelopathy -> none,
//       correlate clinically
//   R7  otherwise -> none
// Precedence for the recommendation: R0 > R2c > R2 > R3/R4/R5 > R5b > none.
#pragma once

#include <vector>

#include "findings/finding.h"
#include "guideline/decision.h"

namespace myelex {

// Policy knobs; the defaults are the contract's.
struct GuidelineOptions {
  // Whether a `probable` finding counts as definite (the contract default)
  // or as equivocal.
  bool probable_is_definite = true;
  // Whether a differential stated as `unlikely` ("less likely") still puts a
  // non-compressive cause in the differential (contract default: no).
  bool unlikely_differential_counts = false;
};

// Decides the recommendation for one report. Never fails.
Decision Decide(const std::vector<Finding>& findings, const ExamFacts& exam,
                const std::vector<ReportRecommendation>& report_recommends,
                const GuidelineOptions& options = GuidelineOptions());

}  // namespace myelex
