// Finding assembly: mentions + ConText + levels -> Findings, exam facts and
// the report's own recommendations.
//
// Thread-safety: pure function over const inputs.
#pragma once

#include <vector>

#include "context/context.h"
#include "findings/finding.h"
#include "lexicon/compiled_lexicon.h"
#include "match/matcher.h"
#include "text/document.h"

namespace myelex {

struct FindingsResult {
  ContextResult context;  // cues (for --emit-cues/explain) and assertions
  std::vector<Finding> findings;
  ExamFacts exam;
  std::vector<ReportRecommendation> report_recommends;
};

FindingsResult AssembleFindings(const Document& doc,
                                const CompiledLexicon& lexicon,
                                const std::vector<Mention>& mentions);

}  // namespace myelex
