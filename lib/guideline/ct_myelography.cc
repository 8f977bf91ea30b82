#include "guideline/ct_myelography.h"

namespace myelex {
// STUB
Decision Decide(const std::vector<Finding>&, const ExamFacts&, const std::vector<ReportRecommendation>&, const GuidelineOptions&) { return {}; }
}  // namespace myelex
