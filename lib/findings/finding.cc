#include "findings/finding.h"

#include <string_view>

namespace myelex {

const char* ToString(ConceptGroup g) {
  switch (g) {
    case ConceptGroup::kCord:
      return "cord";
    case ConceptGroup::kCanal:
      return "canal";
    case ConceptGroup::kCauses:
      return "causes";
    case ConceptGroup::kForamina:
      return "foramina";
    case ConceptGroup::kContext:
      return "context";
    case ConceptGroup::kOther:
      return "other";
  }
  return "other";
}

ConceptGroup GroupOf(const std::string& concept) {
  // The contract's concept codes (section 2) plus the extra causes this
  // project extracts. Anything else (e.g. "ignore") is kOther.
  // string_view entries: a comparison checks the length before any byte.
  static constexpr struct {
    std::string_view concept;
    ConceptGroup group;
  } kGroups[] = {
      {"cord_signal_abnormality", ConceptGroup::kCord},
      {"myelomalacia", ConceptGroup::kCord},
      {"cord_compression", ConceptGroup::kCord},
      {"cord_contact", ConceptGroup::kCord},
      {"cord_atrophy", ConceptGroup::kCord},
      {"syrinx", ConceptGroup::kCord},
      {"cord_enhancement", ConceptGroup::kCord},
      {"cord_lesion", ConceptGroup::kCord},
      {"myelopathy", ConceptGroup::kCord},
      {"canal_stenosis", ConceptGroup::kCanal},
      {"csf_effacement", ConceptGroup::kCanal},
      {"disc_herniation", ConceptGroup::kCauses},
      {"disc_osteophyte_complex", ConceptGroup::kCauses},
      {"opll", ConceptGroup::kCauses},
      {"ligamentum_flavum_hypertrophy", ConceptGroup::kCauses},
      {"spondylolisthesis", ConceptGroup::kCauses},
      {"uncovertebral_hypertrophy", ConceptGroup::kCauses},
      {"facet_arthropathy", ConceptGroup::kCauses},
      {"degenerative_disc_disease", ConceptGroup::kCauses},
      {"ossification_ligamentum_flavum", ConceptGroup::kCauses},
      {"foraminal_stenosis", ConceptGroup::kForamina},
      {"demyelinating_disease", ConceptGroup::kContext},
      {"myelitis", ConceptGroup::kContext},
      {"spinal_infection", ConceptGroup::kContext},
      {"spinal_neoplasm", ConceptGroup::kContext},
      {"cord_ischemia", ConceptGroup::kContext},
      {"vascular_malformation", ConceptGroup::kContext},
      {"mri_contraindication", ConceptGroup::kContext},
      {"study_limited", ConceptGroup::kContext},
      {"postoperative", ConceptGroup::kContext},
      {"clinical_myelopathy", ConceptGroup::kContext},
  };
  for (const auto& entry : kGroups) {
    if (concept == entry.concept) return entry.group;
  }
  return ConceptGroup::kOther;
}

const char* ToString(Modality m) {
  switch (m) {
    case Modality::kMri:
      return "mri";
    case Modality::kCt:
      return "ct";
    case Modality::kCtMyelogram:
      return "ct_myelogram";
    case Modality::kRadiograph:
      return "radiograph";
    case Modality::kOther:
      return "other";
    case Modality::kUnknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace myelex
