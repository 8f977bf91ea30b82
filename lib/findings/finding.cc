#include "findings/finding.h"

namespace myelex {

const char* ToString(ConceptGroup g) {
  switch (g) {
    case ConceptGroup::kCord: return "cord";
    case ConceptGroup::kCanal: return "canal";
    case ConceptGroup::kCauses: return "causes";
    case ConceptGroup::kForamina: return "foramina";
    case ConceptGroup::kContext: return "context";
    case ConceptGroup::kOther: return "other";
  }
  return "other";
}

// STUB: replaced by the findings layer.
ConceptGroup GroupOf(const std::string&) { return ConceptGroup::kOther; }

const char* ToString(Modality m) {
  switch (m) {
    case Modality::kMri: return "mri";
    case Modality::kCt: return "ct";
    case Modality::kCtMyelogram: return "ct_myelogram";
    case Modality::kRadiograph: return "radiograph";
    case Modality::kOther: return "other";
    case Modality::kUnknown: return "unknown";
  }
  return "unknown";
}

}  // namespace myelex
