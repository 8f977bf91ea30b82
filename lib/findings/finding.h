// Findings: one clinical fact about the report, plus the exam facts and what
// the report itself recommends.
//
// Pipeline position: assembled from target mentions, ConText assertions,
// spinal levels, severity and laterality; read by the guideline and the
// writers. All spans are ORIGINAL-byte spans.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/span.h"
#include "context/context.h"
#include "lexicon/rule.h"
#include "text/document.h"

namespace myelex {

// Concept groups of contract section 2.
enum class ConceptGroup { kCord, kCanal, kCauses, kForamina, kContext, kOther };
const char* ToString(ConceptGroup g);  // "cord", "canal", ...
ConceptGroup GroupOf(const std::string& concept);

struct Finding {
  std::string concept;  // contract concept code
  Certainty certainty = Certainty::kDefinite;
  bool historical = false;
  bool hypothetical = false;
  Experiencer experiencer = Experiencer::kPatient;
  std::vector<std::string> levels;  // canonical: "C5-C6", "C5", "C7-T1"
  std::string severity;    // "", minimal, mild, mild_to_moderate, moderate,
                           // moderate_to_severe, severe
  std::string laterality;  // "", left, right, bilateral
  std::optional<double> measurement_mm;  // e.g. canal AP diameter
  SectionKind section = SectionKind::kNone;
  Span span;              // the target phrase, original bytes
  int rule = -1;          // target rule index
  int sentence = -1;      // sentence index
  std::vector<int> cues;  // indices into Analysis::cues (ContextResult::cues)
};

enum class Modality { kMri, kCt, kCtMyelogram, kRadiograph, kOther, kUnknown };
const char* ToString(Modality m);  // "mri", "ct", "ct_myelogram", ...

struct ExamFacts {
  Modality modality = Modality::kUnknown;
  bool cervical = false;
  std::optional<bool> contrast;  // IV contrast given; nullopt if not stated
  bool applicable = false;
  std::string not_applicable_reason;  // why, when !applicable
  std::vector<Span> evidence;         // the spans the facts were read from
};

// What the report itself recommends (contract `report_recommends`).
struct ReportRecommendation {
  std::string value;  // ct_myelography, mri_with_contrast, mri, radiographs,
                      // ct, follow_up_imaging, clinical_correlation,
                      // surgical_consultation
  Span span;
  int rule = -1;
};

}  // namespace myelex
