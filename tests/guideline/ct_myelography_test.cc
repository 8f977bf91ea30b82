#include "guideline/ct_myelography.h"

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace myelex {
namespace {

constexpr Certainty kDef = Certainty::kDefinite;
constexpr Certainty kProb = Certainty::kProbable;
constexpr Certainty kPoss = Certainty::kPossible;
constexpr Certainty kUnl = Certainty::kUnlikely;
constexpr Certainty kNeg = Certainty::kNegated;

Finding F(const char* concept, Certainty certainty,
          std::vector<std::string> levels = {}, const char* severity = "") {
  Finding f;
  f.concept = concept;
  f.certainty = certainty;
  f.levels = std::move(levels);
  f.severity = severity;
  f.section = SectionKind::kFindings;
  return f;
}

Finding Historical(Finding f) {
  f.historical = true;
  f.section = SectionKind::kHistory;
  return f;
}

// "r/o myelopathy" in the clinical history.
Finding Asked(Finding f) {
  f.hypothetical = true;
  f.section = SectionKind::kHistory;
  return f;
}

Finding Hypothetical(Finding f) {
  f.hypothetical = true;
  return f;
}

Finding FamilyMember(Finding f) {
  f.experiencer = Experiencer::kOther;
  return f;
}

ExamFacts Exam(Modality modality, bool applicable = true) {
  ExamFacts e;
  e.modality = modality;
  e.cervical = applicable;
  e.applicable = applicable;
  return e;
}

ExamFacts Mri() { return Exam(Modality::kMri); }
ExamFacts PlainCt() { return Exam(Modality::kCt); }
ExamFacts CtMyelogram() { return Exam(Modality::kCtMyelogram); }

ExamFacts WithContrast(ExamFacts e, bool contrast) {
  e.contrast = contrast;
  return e;
}

std::vector<ReportRecommendation> Recs(std::vector<std::string> values) {
  std::vector<ReportRecommendation> out;
  for (std::string& v : values) {
    ReportRecommendation r;
    r.value = std::move(v);
    out.push_back(std::move(r));
  }
  return out;
}

bool HasRule(const Decision& d, const std::string& rule) {
  return std::any_of(d.reasons.begin(), d.reasons.end(),
                     [&](const Reason& r) { return r.rule == rule; });
}

const Reason* FindReason(const Decision& d, const std::string& rule) {
  for (const Reason& r : d.reasons) {
    if (r.rule == rule) return &r;
  }
  return nullptr;
}

std::string RuleList(const Decision& d) {
  std::string out;
  for (const Reason& r : d.reasons) out += r.rule + " ";
  return out;
}

GuidelineOptions ProbableIsEquivocal() {
  GuidelineOptions o;
  o.probable_is_definite = false;
  return o;
}

GuidelineOptions UnlikelyDifferentialCounts() {
  GuidelineOptions o;
  o.unlikely_differential_counts = true;
  return o;
}

// One row of the decision table test.
struct Case {
  std::string name;
  std::vector<Finding> findings;
  ExamFacts exam;
  GuidelineOptions options;
  Recommendation want;
  bool equivocal;
  bool referral;
  bool dwi;
  std::vector<std::string> rules;   // must fire
  std::vector<std::string> absent;  // must not fire
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

using R = Recommendation;

std::vector<Case> Cases() {
  const GuidelineOptions kDefault;
  ExamFacts lumbar = Exam(Modality::kMri, /*applicable=*/false);
  lumbar.not_applicable_reason = "lumbar spine MRI";
  return {
      // R7 and R6: nothing equivocal.
      {"R7_DegenerativeOnly",
       {F("disc_herniation", kDef, {"C5-C6"}),
        F("canal_stenosis", kDef, {"C5-C6"}, "mild"),
        F("foraminal_stenosis", kDef, {"C5-C6"}, "severe")},
       Mri(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R7"},
       {"R6"}},
      {"R7_EverythingNegated",
       {F("cord_compression", kNeg, {"C5-C6"}),
        F("cord_signal_abnormality", kNeg), F("myelomalacia", kUnl)},
       Mri(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R7"},
       {"R5"}},
      {"R6_DefiniteCompressionWithoutClinicalSigns",
       {F("cord_compression", kDef, {"C5-C6"})},
       Mri(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R6"},
       {"R7", "R1"}},
      // R5.
      {"R5_PossibleCordCompression",
       {F("cord_compression", kPoss, {"C5-C6"})},
       Mri(),
       kDefault,
       R::kCtMyelography,
       true,
       false,
       false,
       {"R5"},
       {}},
      {"R5_PossibleModerateStenosis",
       {F("canal_stenosis", kPoss, {"C4-C5"}, "moderate")},
       Mri(),
       kDefault,
       R::kCtMyelography,
       true,
       false,
       false,
       {"R5"},
       {}},
      {"R5_PossibleStenosisOfUnstatedSeverity",
       {F("canal_stenosis", kPoss, {"C4-C5"})},
       Mri(),
       kDefault,
       R::kCtMyelography,
       true,
       false,
       false,
       {"R5"},
       {}},
      {"NoR5_PossibleMildStenosis",
       {F("canal_stenosis", kPoss, {"C4-C5"}, "mild_to_moderate")},
       Mri(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R7"},
       {"R5"}},
      {"R5_UnknownModality",
       {F("cord_signal_abnormality", kPoss, {"C6-C7"})},
       Exam(Modality::kUnknown),
       kDefault,
       R::kCtMyelography,
       true,
       false,
       false,
       {"R5"},
       {}},
      {"R5_PossibleMyelopathyAlone",
       {F("myelopathy", kPoss)},
       Mri(),
       kDefault,
       R::kCtMyelography,
       true,
       false,
       false,
       {"R5"},
       {}},
      // R0.
      {"R0_LumbarMri",
       {F("cord_compression", kPoss), F("clinical_myelopathy", kDef),
        F("canal_stenosis", kDef, {"L4-L5"}, "severe")},
       lumbar,
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R0"},
       {"R1", "R5", "R7"}},
      {"R0_ThoracicMriWithDefiniteCompressionStillRefers",
       {F("cord_compression", kDef, {"T6-T7"}), F("clinical_myelopathy", kDef)},
       Exam(Modality::kMri, false),
       kDefault,
       R::kNone,
       false,
       true,
       false,
       {"R0", "R1"},
       {"R5", "R6", "R7"}},
      // R2 and its edges.
      {"R2_EquivocalSignalWithDemyelinationBeatsR5",
       {F("cord_signal_abnormality", kPoss, {"C3"}),
        F("demyelinating_disease", kPoss)},
       Mri(),
       kDefault,
       R::kMriWithContrast,
       true,
       false,
       false,
       {"R2"},
       {"R5"}},
      {"R2_DefiniteSignalWithMyelitis",
       {F("cord_signal_abnormality", kDef, {"C2-C3", "C3-C4"}),
        F("myelitis", kPoss)},
       Mri(),
       kDefault,
       R::kMriWithContrast,
       false,
       false,
       false,
       {"R2"},
       {"R6"}},
      {"R2_PossibleCordLesionWithNeoplasm",
       {F("cord_lesion", kPoss, {"C4"}), F("spinal_neoplasm", kProb)},
       Mri(),
       kDefault,
       R::kMriWithContrast,
       false,
       false,
       false,
       {"R2"},
       {}},
      {"R2_IschemiaAddsDwi",
       {F("cord_signal_abnormality", kDef, {"C4-C5", "C5-C6"}),
        F("cord_ischemia", kPoss)},
       Mri(),
       kDefault,
       R::kMriWithContrast,
       false,
       false,
       true,
       {"R2"},
       {}},
      {"R2_ContrastExplicitlyNotGiven",
       {F("cord_signal_abnormality", kPoss), F("vascular_malformation", kPoss)},
       WithContrast(Mri(), false),
       kDefault,
       R::kMriWithContrast,
       true,
       false,
       false,
       {"R2"},
       {}},
      {"R2_NeedsACordFinding",
       {F("demyelinating_disease", kPoss),
        F("canal_stenosis", kDef, {"C5-C6"}, "mild")},
       Mri(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R7"},
       {"R2"}},
      {"R2_ContrastAlreadyGiven",
       {F("cord_signal_abnormality", kPoss, {"C3"}),
        F("demyelinating_disease", kPoss)},
       WithContrast(Mri(), true),
       kDefault,
       R::kNone,
       true,
       false,
       false,
       {"R2b"},
       {"R2", "R5", "R7"}},
      {"R2b_ContrastGivenIschemiaStillAddsDwi",
       {F("cord_signal_abnormality", kDef, {"C4"}), F("cord_ischemia", kPoss)},
       WithContrast(Mri(), true),
       kDefault,
       R::kNone,
       false,
       false,
       true,
       {"R2b"},
       {"R2"}},
      {"R2c_BeatsR2WhenMriContraindicated",
       {F("cord_signal_abnormality", kPoss, {"C3"}), F("myelitis", kPoss),
        F("mri_contraindication", kDef)},
       PlainCt(),
       kDefault,
       R::kManualReview,
       true,
       false,
       false,
       {"R2c", "R2"},
       {}},
      {"R2c_NoDwiWhenMriContraindicated",
       {F("cord_signal_abnormality", kDef, {"C4"}), F("cord_ischemia", kPoss),
        F("mri_contraindication", kProb)},
       PlainCt(),
       kDefault,
       R::kManualReview,
       false,
       false,
       false,
       {"R2c"},
       {}},
      {"R2_BeatsR5bOnPlainCt",
       {F("cord_compression", kPoss, {"C5-C6"}), F("spinal_neoplasm", kPoss)},
       PlainCt(),
       kDefault,
       R::kMriWithContrast,
       true,
       false,
       false,
       {"R2"},
       {"R5b"}},
      {"R2_BeatsR4",
       {F("study_limited", kDef), F("cord_signal_abnormality", kDef, {"C4"}),
        F("demyelinating_disease", kProb)},
       Mri(),
       kDefault,
       R::kMriWithContrast,
       true,
       false,
       false,
       {"R2", "R4"},
       {}},
      // R3.
      {"R3_PlainCtWithContraindicationGetsCtMyelographyNotMri",
       {F("mri_contraindication", kDef),
        F("canal_stenosis", kPoss, {"C4-C5"}, "severe")},
       PlainCt(),
       kDefault,
       R::kCtMyelography,
       true,
       false,
       false,
       {"R3"},
       {"R5b"}},
      {"R3_DefiniteStenosisWithContraindication",
       {F("mri_contraindication", kDef),
        F("canal_stenosis", kDef, {"C5-C6"}, "mild")},
       PlainCt(),
       kDefault,
       R::kCtMyelography,
       false,
       false,
       false,
       {"R3"},
       {}},
      {"R3_MyelopathyAskedInHistory",
       {F("mri_contraindication", kDef), Asked(F("myelopathy", kDef))},
       PlainCt(),
       kDefault,
       R::kCtMyelography,
       false,
       false,
       false,
       {"R3"},
       {}},
      {"NoR3_HypotheticalOutsideHistory",
       {F("mri_contraindication", kDef), Hypothetical(F("myelopathy", kDef))},
       PlainCt(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R7"},
       {"R3"}},
      {"NoR3_ContraindicationAlone",
       {F("mri_contraindication", kDef), F("cord_compression", kNeg)},
       PlainCt(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R7"},
       {"R3"}},
      {"NoR3_PossibleContraindicationDoesNotCount",
       {F("mri_contraindication", kPoss), F("cord_compression", kPoss)},
       PlainCt(),
       kDefault,
       R::kMri,
       true,
       false,
       false,
       {"R5b"},
       {"R3"}},
      {"MrConditionalPacemakerTakesTheOrdinaryPath",
       {F("cord_compression", kPoss, {"C6-C7"})},
       Mri(),
       kDefault,
       R::kCtMyelography,
       true,
       false,
       false,
       {"R5"},
       {"R3"}},
      // R4.
      {"R4_MotionDegradedMri",
       {F("study_limited", kDef)},
       Mri(),
       kDefault,
       R::kCtMyelography,
       true,
       false,
       false,
       {"R4", "R5"},
       {}},
      {"NoR4_StudyLimitedOnCt",
       {F("study_limited", kProb)},
       PlainCt(),
       kDefault,
       R::kMri,
       true,
       false,
       false,
       {"R5b"},
       {"R4"}},
      {"NoR4_PossiblyLimitedStudy",
       {F("study_limited", kPoss)},
       Mri(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R7"},
       {"R4"}},
      // R5b.
      {"R5b_EquivocalPlainCt",
       {F("cord_compression", kPoss, {"C5-C6"})},
       PlainCt(),
       kDefault,
       R::kMri,
       true,
       false,
       false,
       {"R5b"},
       {"R5", "R3"}},
      {"R5b_DefiniteCordFindingOnPlainCt",
       {F("cord_compression", kDef, {"C5-C6"})},
       PlainCt(),
       kDefault,
       R::kMri,
       false,
       false,
       false,
       {"R5b"},
       {"R6"}},
      // CT myelogram.
      {"CtMyelogramNeverGetsCtMyelography",
       {F("cord_compression", kPoss, {"C5-C6"})},
       CtMyelogram(),
       kDefault,
       R::kNone,
       true,
       false,
       false,
       {"R0b"},
       {"R5", "R7"}},
      {"CtMyelogramWithContraindicationNeverGetsCtMyelography",
       {F("mri_contraindication", kDef),
        F("canal_stenosis", kDef, {"C5-C6"}, "severe")},
       CtMyelogram(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R0b"},
       {"R3"}},
      // R1.
      {"R1_ClinicalSignsAndDefiniteCompression",
       {F("clinical_myelopathy", kDef), F("cord_compression", kDef, {"C5-C6"})},
       Mri(),
       kDefault,
       R::kNone,
       false,
       true,
       false,
       {"R1"},
       {"R6"}},
      {"R1_FiresTogetherWithCtMyelography",
       {F("clinical_myelopathy", kDef),
        F("cord_compression", kPoss, {"C5-C6"})},
       Mri(),
       kDefault,
       R::kCtMyelography,
       true,
       true,
       false,
       {"R1", "R5"},
       {}},
      {"R1_FiresTogetherWithManualReview",
       {F("clinical_myelopathy", kProb), F("cord_compression", kDef, {"C5-C6"}),
        F("cord_signal_abnormality", kPoss, {"C2"}),
        Historical(F("demyelinating_disease", kDef)),
        F("mri_contraindication", kDef)},
       PlainCt(),
       kDefault,
       R::kManualReview,
       true,
       true,
       false,
       {"R1", "R2c"},
       {}},
      {"R1_SevereStenosis",
       {F("clinical_myelopathy", kDef),
        F("canal_stenosis", kDef, {"C5-C6"}, "severe")},
       Mri(),
       kDefault,
       R::kNone,
       false,
       true,
       false,
       {"R1"},
       {}},
      {"NoR1_ModerateStenosis",
       {F("clinical_myelopathy", kDef),
        F("canal_stenosis", kDef, {"C5-C6"}, "moderate_to_severe")},
       Mri(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R7"},
       {"R1"}},
      {"NoR1_PossibleClinicalSigns",
       {F("clinical_myelopathy", kPoss),
        F("cord_compression", kDef, {"C5-C6"})},
       Mri(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R6"},
       {"R1"}},
      {"NoR1_MyelitisWithoutCompression",
       {F("clinical_myelopathy", kDef),
        F("cord_signal_abnormality", kDef, {"C3", "C4"}), F("myelitis", kPoss),
        F("cord_compression", kNeg)},
       Mri(),
       kDefault,
       R::kMriWithContrast,
       false,
       false,
       false,
       {"R2"},
       {"R1"}},
      {"R1_MyelitisWithPossibleStenosisStillRefers",
       {F("clinical_myelopathy", kDef),
        F("cord_signal_abnormality", kDef, {"C4"}), F("myelitis", kPoss),
        F("canal_stenosis", kPoss, {"C4-C5"})},
       Mri(),
       kDefault,
       R::kMriWithContrast,
       true,
       true,
       false,
       {"R1", "R2"},
       {}},
      {"R1_HistoricalClinicalSignsDoNotCount",
       {Historical(F("clinical_myelopathy", kDef)),
        F("cord_compression", kDef, {"C5-C6"})},
       Mri(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R6"},
       {"R1"}},
      // R1b.
      {"R1b_AbscessCompressingTheCord",
       {F("spinal_infection", kProb, {"C4-C5", "C5-C6"}),
        F("cord_compression", kDef, {"C5"})},
       WithContrast(Mri(), true),
       kDefault,
       R::kNone,
       false,
       true,
       false,
       {"R1b"},
       {"R1"}},
      {"NoR1b_PossibleInfection",
       {F("spinal_infection", kPoss), F("cord_compression", kDef, {"C5"})},
       WithContrast(Mri(), true),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R6"},
       {"R1b"}},
      // The override rule.
      {"Override_SameLevelSignalByMyelomalacia",
       {F("cord_signal_abnormality", kDef, {"C5-C6"}),
        F("myelomalacia", kPoss, {"C5-C6"})},
       Mri(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R6"},
       {"R5"}},
      {"Override_MyelomalaciaDefiniteOverridesPossibleSignal",
       {F("myelomalacia", kProb, {"C5-C6"}),
        F("cord_signal_abnormality", kPoss, {"C5-C6"})},
       Mri(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R6"},
       {"R5"}},
      {"Override_VertebraOverlapsDisc",
       {F("cord_signal_abnormality", kDef, {"C5"}),
        F("myelomalacia", kPoss, {"C5-C6"})},
       Mri(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R6"},
       {"R5"}},
      {"NoOverride_AdjacentDiscLevels",
       {F("cord_compression", kDef, {"C3-C4"}),
        F("cord_compression", kPoss, {"C4-C5"})},
       Mri(),
       kDefault,
       R::kCtMyelography,
       true,
       false,
       false,
       {"R5"},
       {}},
      {"Override_DefiniteWithoutLevels",
       {F("cord_compression", kDef), F("cord_compression", kPoss, {"C4-C5"})},
       Mri(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R6"},
       {"R5"}},
      {"Override_PossibleWithoutLevels",
       {F("cord_compression", kPoss), F("cord_compression", kDef, {"C6-C7"})},
       Mri(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R6"},
       {"R5"}},
      {"NoOverride_ByAnotherConcept",
       {F("cord_compression", kDef, {"C5-C6"}),
        F("cord_signal_abnormality", kPoss, {"C5-C6"})},
       Mri(),
       kDefault,
       R::kCtMyelography,
       true,
       false,
       false,
       {"R5"},
       {}},
      {"NoOverride_ByANegatedStatement",
       {F("cord_compression", kNeg, {"C5-C6"}),
        F("cord_compression", kPoss, {"C5-C6"})},
       Mri(),
       kDefault,
       R::kCtMyelography,
       true,
       false,
       false,
       {"R5"},
       {}},
      {"NoOverride_ByAHistoricalStatement",
       {Historical(F("cord_compression", kDef, {"C5-C6"})),
        F("cord_compression", kPoss, {"C5-C6"})},
       Mri(),
       kDefault,
       R::kCtMyelography,
       true,
       false,
       false,
       {"R5"},
       {}},
      {"Override_PossibleStenosisByDefiniteStenosis",
       {F("canal_stenosis", kDef, {"C5-C6"}, "mild"),
        F("canal_stenosis", kPoss, {"C5-C6"}, "moderate")},
       Mri(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R7"},
       {"R5"}},
      {"Override_MyelopathyByDefiniteCompression",
       {F("myelopathy", kPoss), F("cord_compression", kDef, {"C5-C6"})},
       Mri(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R6"},
       {"R5"}},
      {"NoOverride_MyelopathyByDefiniteStenosis",
       {F("myelopathy", kPoss), F("canal_stenosis", kDef, {"C5-C6"}, "severe")},
       Mri(),
       kDefault,
       R::kCtMyelography,
       true,
       false,
       false,
       {"R5"},
       {}},
      // Facts that do not count.
      {"HistoricalFindingIgnored",
       {Historical(F("cord_compression", kPoss, {"C5-C6"}))},
       Mri(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R7"},
       {"R5"}},
      {"HypotheticalFindingIgnored",
       {Hypothetical(F("cord_compression", kPoss, {"C5-C6"}))},
       Mri(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R7"},
       {"R5"}},
      {"FamilyHistoryOfMsIgnored",
       {FamilyMember(F("demyelinating_disease", kDef)),
        F("cord_signal_abnormality", kPoss, {"C3"})},
       Mri(),
       kDefault,
       R::kCtMyelography,
       true,
       false,
       false,
       {"R5"},
       {"R2"}},
      {"HypotheticalDifferentialIgnored",
       {Asked(F("demyelinating_disease", kDef)),
        F("cord_signal_abnormality", kPoss, {"C3"})},
       Mri(),
       kDefault,
       R::kCtMyelography,
       true,
       false,
       false,
       {"R5"},
       {"R2"}},
      {"HistoricalKnownMsCountsForTheDifferential",
       {Historical(F("demyelinating_disease", kDef)),
        F("cord_signal_abnormality", kPoss, {"C3"})},
       Mri(),
       kDefault,
       R::kMriWithContrast,
       true,
       false,
       false,
       {"R2"},
       {"R5"}},
      // Policy options.
      {"Policy_ProbableIsDefiniteByDefault",
       {F("myelomalacia", kProb, {"C5-C6"})},
       Mri(),
       kDefault,
       R::kNone,
       false,
       false,
       false,
       {"R6"},
       {"R5"}},
      {"Policy_ProbableAsEquivocal",
       {F("myelomalacia", kProb, {"C5-C6"})},
       Mri(),
       ProbableIsEquivocal(),
       R::kCtMyelography,
       true,
       false,
       false,
       {"R5"},
       {"R6"}},
      {"Policy_ProbableAsEquivocalNoLongerOverrides",
       {F("cord_compression", kProb, {"C5-C6"}),
        F("cord_compression", kPoss, {"C5-C6"})},
       Mri(),
       ProbableIsEquivocal(),
       R::kCtMyelography,
       true,
       false,
       false,
       {"R5"},
       {}},
      {"Policy_UnlikelyDifferentialIgnoredByDefault",
       {F("cord_signal_abnormality", kPoss, {"C4"}),
        F("demyelinating_disease", kUnl)},
       Mri(),
       kDefault,
       R::kCtMyelography,
       true,
       false,
       false,
       {"R5"},
       {"R2"}},
      {"Policy_UnlikelyDifferentialCounts",
       {F("cord_signal_abnormality", kPoss, {"C4"}),
        F("demyelinating_disease", kUnl)},
       Mri(),
       UnlikelyDifferentialCounts(),
       R::kMriWithContrast,
       true,
       false,
       false,
       {"R2"},
       {"R5"}},
      {"Policy_NegatedDifferentialNeverCounts",
       {F("cord_signal_abnormality", kPoss, {"C4"}), F("myelitis", kNeg)},
       Mri(),
       UnlikelyDifferentialCounts(),
       R::kCtMyelography,
       true,
       false,
       false,
       {"R5"},
       {"R2"}},
  };
}

class GuidelineTable : public ::testing::TestWithParam<Case> {};

TEST_P(GuidelineTable, Decides) {
  const Case& c = GetParam();
  Decision d = Decide(c.findings, c.exam, {}, c.options);
  EXPECT_EQ(ToString(d.recommendation), std::string(ToString(c.want)))
      << RuleList(d);
  EXPECT_EQ(d.equivocal, c.equivocal) << RuleList(d);
  EXPECT_EQ(d.surgical_referral, c.referral) << RuleList(d);
  EXPECT_EQ(d.dwi, c.dwi) << RuleList(d);
  for (const std::string& rule : c.rules) {
    EXPECT_TRUE(HasRule(d, rule)) << rule << " missing; fired: " << RuleList(d);
  }
  for (const std::string& rule : c.absent) {
    EXPECT_FALSE(HasRule(d, rule)) << rule << " fired: " << RuleList(d);
  }
}

INSTANTIATE_TEST_SUITE_P(Guideline, GuidelineTable,
                         ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return info.param.name;
                         });

TEST(Guideline, EveryReasonHasOneLineTextACitationAndValidFindings) {
  for (const Case& c : Cases()) {
    Decision d = Decide(c.findings, c.exam, {}, c.options);
    ASSERT_FALSE(d.reasons.empty()) << c.name;
    for (const Reason& r : d.reasons) {
      EXPECT_FALSE(r.rule.empty()) << c.name;
      EXPECT_FALSE(r.text.empty()) << c.name << " " << r.rule;
      EXPECT_EQ(r.text.find('\n'), std::string::npos) << c.name;
      EXPECT_FALSE(r.citation.empty()) << c.name << " " << r.rule;
      for (int i : r.findings) {
        EXPECT_GE(i, 0) << c.name;
        EXPECT_LT(i, static_cast<int>(c.findings.size())) << c.name;
      }
    }
  }
}

TEST(Guideline, ReasonPointsAtTheFindingItRestsOn) {
  std::vector<Finding> f = {F("disc_herniation", kDef, {"C4-C5"}),
                            F("cord_compression", kPoss, {"C5-C6"})};
  Decision d = Decide(f, Mri(), {});
  const Reason* r5 = FindReason(d, "R5");
  ASSERT_NE(r5, nullptr);
  EXPECT_EQ(r5->findings, std::vector<int>({1}));
}

TEST(Guideline, R5CitationSaysItIsADecisionSupportReading) {
  Decision d = Decide({F("cord_compression", kPoss)}, Mri(), {});
  const Reason* r5 = FindReason(d, "R5");
  ASSERT_NE(r5, nullptr);
  EXPECT_NE(r5->citation.find("Decision-support reading"), std::string::npos);
  EXPECT_NE(r5->citation.find("may be appropriate"), std::string::npos);
  EXPECT_NE(r5->citation.find("Agarwal"), std::string::npos);
}

TEST(Guideline, R4SaysRepeatMriWithMotionMitigationMayBeTriedFirst) {
  Decision d = Decide({F("study_limited", kDef)}, Mri(), {});
  const Reason* r4 = FindReason(d, "R4");
  ASSERT_NE(r4, nullptr);
  EXPECT_NE(r4->text.find("motion mitigation"), std::string::npos);
}

TEST(Guideline, R0SaysWhyTheReportIsNotApplicable) {
  ExamFacts e = Exam(Modality::kMri, false);
  e.not_applicable_reason = "lumbar spine MRI";
  Decision d = Decide({}, e, Recs({"ct_myelography"}));
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(d.reasons[0].rule, "R0");
  EXPECT_NE(d.reasons[0].text.find("lumbar spine MRI"), std::string::npos);
  EXPECT_EQ(d.concordance, Concordance::kNotApplicable);
}

TEST(Guideline, R1CitesTheSurgicalSources) {
  Decision d = Decide(
      {F("clinical_myelopathy", kDef), F("cord_compression", kDef, {"C5-C6"})},
      Mri(), {});
  const Reason* r1 = FindReason(d, "R1");
  ASSERT_NE(r1, nullptr);
  EXPECT_NE(r1->citation.find("McCormick"), std::string::npos);
  EXPECT_NE(r1->citation.find("Fehlings"), std::string::npos);
  EXPECT_EQ(r1->findings, std::vector<int>({0, 1}));
}

TEST(Guideline, SupersededRuleIsMarkedAndTheWinnerComesFirst) {
  Decision d = Decide({F("cord_signal_abnormality", kPoss),
                       F("myelitis", kPoss), F("mri_contraindication", kDef)},
                      PlainCt(), {});
  ASSERT_GE(d.reasons.size(), 2u);
  EXPECT_EQ(d.reasons[0].rule, "R2c");
  const Reason* r2 = FindReason(d, "R2");
  ASSERT_NE(r2, nullptr);
  EXPECT_EQ(r2->text.rfind("Superseded by R2c", 0), 0u);
}

TEST(Guideline, NeverRecommendsRadiographsOrPlainCt) {
  // The recommendation enum cannot express them; check the texts of the
  // winning rules do not propose them either.
  for (const Case& c : Cases()) {
    Decision d = Decide(c.findings, c.exam, {}, c.options);
    for (const Reason& r : d.reasons) {
      EXPECT_EQ(r.text.find("obtain radiographs"), std::string::npos);
    }
  }
}

// Concordance and pitfall.

TEST(Guideline, ConcordantWhenTheReportRecommendsCtMyelography) {
  Decision d = Decide({F("cord_compression", kPoss, {"C6-C7"})}, Mri(),
                      Recs({"clinical_correlation", "ct_myelography"}));
  EXPECT_EQ(d.recommendation, Recommendation::kCtMyelography);
  EXPECT_EQ(d.concordance, Concordance::kConcordant);
  EXPECT_FALSE(d.pitfall);
}

TEST(Guideline, DiscordantWhenTheReportRecommendsAnotherImagingStep) {
  Decision d = Decide({F("cord_compression", kPoss, {"C6-C7"})}, Mri(),
                      Recs({"follow_up_imaging"}));
  EXPECT_EQ(d.concordance, Concordance::kDiscordant);
  d = Decide({F("cord_signal_abnormality", kPoss), F("myelitis", kPoss)}, Mri(),
             Recs({"mri"}));
  EXPECT_EQ(d.recommendation, Recommendation::kMriWithContrast);
  EXPECT_EQ(d.concordance, Concordance::kDiscordant);
}

TEST(Guideline, SilentWhenTheReportRecommendsNoImagingStep) {
  Decision d = Decide({F("cord_compression", kPoss)}, Mri(),
                      Recs({"clinical_correlation", "surgical_consultation"}));
  EXPECT_EQ(d.concordance, Concordance::kSilent);
  d = Decide({F("cord_compression", kPoss)}, Mri(), {});
  EXPECT_EQ(d.concordance, Concordance::kSilent);
}

TEST(Guideline, NotApplicableConcordanceWhenWeRecommendNothing) {
  Decision d =
      Decide({F("cord_compression", kDef)}, Mri(), Recs({"ct_myelography"}));
  EXPECT_EQ(d.recommendation, Recommendation::kNone);
  EXPECT_EQ(d.concordance, Concordance::kNotApplicable);
}

TEST(Guideline, AnyMriRecommendationMatchesOurMri) {
  Decision d = Decide({F("cord_compression", kPoss)}, PlainCt(),
                      Recs({"mri_with_contrast"}));
  EXPECT_EQ(d.recommendation, Recommendation::kMri);
  EXPECT_EQ(d.concordance, Concordance::kConcordant);
  d = Decide({F("cord_compression", kPoss)}, PlainCt(), Recs({"mri"}));
  EXPECT_EQ(d.concordance, Concordance::kConcordant);
}

TEST(Guideline, PitfallWhenAnEquivocalCaseIsSentForRadiographs) {
  Decision d = Decide({F("cord_compression", kPoss, {"C5-C6"})}, Mri(),
                      Recs({"radiographs"}));
  EXPECT_TRUE(d.pitfall);
  EXPECT_EQ(d.concordance, Concordance::kDiscordant);
}

TEST(Guideline, PitfallWhenAnMriContraindicatedCaseIsSentForPlainCt) {
  Decision d = Decide({F("mri_contraindication", kDef),
                       F("canal_stenosis", kDef, {"C5-C6"}, "severe")},
                      PlainCt(), Recs({"ct"}));
  EXPECT_EQ(d.recommendation, Recommendation::kCtMyelography);
  EXPECT_TRUE(d.pitfall);
}

TEST(Guideline, NoPitfallForRadiographsInAClearCase) {
  Decision d = Decide({F("cord_compression", kDef, {"C5-C6"})}, Mri(),
                      Recs({"radiographs"}));
  EXPECT_FALSE(d.pitfall);
}

TEST(Guideline, ToStringsMatchTheContract) {
  EXPECT_STREQ(ToString(Recommendation::kCtMyelography), "ct_myelography");
  EXPECT_STREQ(ToString(Recommendation::kMriWithContrast), "mri_with_contrast");
  EXPECT_STREQ(ToString(Recommendation::kMri), "mri");
  EXPECT_STREQ(ToString(Recommendation::kManualReview), "manual_review");
  EXPECT_STREQ(ToString(Recommendation::kNone), "none");
  EXPECT_STREQ(ToString(Concordance::kConcordant), "concordant");
  EXPECT_STREQ(ToString(Concordance::kDiscordant), "discordant");
  EXPECT_STREQ(ToString(Concordance::kSilent), "silent");
  EXPECT_STREQ(ToString(Concordance::kNotApplicable), "not_applicable");
}

}  // namespace
}  // namespace myelex
