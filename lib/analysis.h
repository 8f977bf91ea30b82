// Analysis: everything Analyze() produces for one report; a plain value
// that the writers format and tests compare.
#pragma once

#include <string>
#include <vector>

#include "context/context.h"
#include "findings/finding.h"
#include "guideline/decision.h"
#include "match/matcher.h"
#include "text/document.h"

namespace myelex {

// A non-fatal problem with the input that did not stop the analysis.
struct Warning {
  std::string code;     // e.g. "invalid_utf8"
  std::string message;  // names offsets, never quotes report text
};

struct Analysis {
  std::string id;
  Document document;
  std::vector<Mention> mentions;
  ContextResult context;
  std::vector<Finding> findings;
  ExamFacts exam;
  std::vector<ReportRecommendation> report_recommends;
  Decision decision;
  std::vector<Warning> warnings;
};

}  // namespace myelex
