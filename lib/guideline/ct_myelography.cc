#include "guideline/ct_myelography.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

#include "findings/spinal_level.h"

namespace myelex {

namespace {

// Sources (domain.md section 7). Where a rule is a decision-support reading
// or an extension rather than a guideline statement, the citation says so.
constexpr char kAcr[] =
    "ACR Appropriateness Criteria, Myelopathy, 2021 update (Agarwal et al., "
    "J Am Coll Radiol 2021;18(5S):S73-S82)";
constexpr char kAcrProblemSolving[] =
    "Decision-support reading of the ACR Appropriateness Criteria, "
    "Myelopathy, 2021 update (Agarwal et al., J Am Coll Radiol "
    "2021;18(5S):S73-S82), which rate CT myelography 'may be appropriate' "
    "(problem solving); not ACR's own words";
constexpr char kAcrContraindicated[] =
    "ACR Appropriateness Criteria, Myelopathy (Seidenwurm, AJNR "
    "2008;29(5):1032-1034: CT myelography for problem solving or when MRI is "
    "unavailable or contraindicated; 2021 update, Agarwal et al., J Am Coll "
    "Radiol 2021;18(5S):S73-S82)";
constexpr char kAcrContrast[] =
    "ACR Appropriateness Criteria, Myelopathy, 2021 update (Agarwal et al., "
    "J Am Coll Radiol 2021;18(5S):S73-S82: MRI without and with IV contrast "
    "usually appropriate); ACR Demyelinating Diseases; ACR Suspected Spine "
    "Infection (2021)";
constexpr char kSurgical[] =
    "McCormick et al., J Am Board Fam Med 2020;33(2):303-313; Fehlings et "
    "al., Global Spine J 2017;7(3 Suppl):70S-83S";
constexpr char kExtension[] =
    "Decision-support policy, not a guideline statement; context: ACR "
    "Appropriateness Criteria, Myelopathy, 2021 update (Agarwal et al., J Am "
    "Coll Radiol 2021;18(5S):S73-S82)";
constexpr char kEmergency[] =
    "Decision-support policy, not a guideline statement; context: ACR "
    "Appropriateness Criteria, Suspected Spine Infection (2021) and "
    "Myelopathy, 2021 update (Agarwal et al., J Am Coll Radiol "
    "2021;18(5S):S73-S82)";
constexpr char kDegenerative[] =
    "Nakashima et al., Spine 2015;40(6):392-398 (degenerative findings are "
    "common in adults without symptoms); ACR Appropriateness Criteria, "
    "Myelopathy, 2021 update (Agarwal et al., J Am Coll Radiol "
    "2021;18(5S):S73-S82)";

bool In(std::string_view concept, std::initializer_list<std::string_view> set) {
  for (std::string_view c : set) {
    if (concept == c) return true;
  }
  return false;
}

bool IsCord(std::string_view c) {
  return In(c, {"cord_signal_abnormality", "myelomalacia", "cord_compression",
                "cord_atrophy", "myelopathy"});
}
bool IsDefiniteMyeloConcept(std::string_view c) {
  return In(c, {"cord_compression", "cord_signal_abnormality", "myelomalacia"});
}
bool IsDdx(std::string_view c) {
  return In(c, {"demyelinating_disease", "myelitis", "spinal_infection",
                "spinal_neoplasm", "cord_ischemia", "vascular_malformation"});
}

// 0 for unstated (or unknown) severity, else minimal = 1 .. severe = 6.
int SeverityRank(std::string_view s) {
  static constexpr std::string_view kOrder[] = {
      "minimal", "mild", "mild_to_moderate", "moderate", "moderate_to_severe",
      "severe"};
  for (int i = 0; i < 6; ++i) {
    if (s == kOrder[i]) return i + 1;
  }
  return 0;
}
bool ModerateOrWorseOrUnstated(std::string_view s) {
  int rank = SeverityRank(s);
  return rank == 0 || rank >= 4;
}

// The derived facts of contract section 3, each as the indices of the
// findings it rests on (empty = the fact does not hold).
struct Facts {
  std::vector<int> equivocal;
  std::vector<int> definite_myelo;
  std::vector<int> ddx;
  std::vector<int> ischemia;
  std::vector<int> mri_contra;
  std::vector<int> clin_myelo;
  std::vector<int> study_limited;     // definite/probable
  std::vector<int> asked_in_history;  // hypothetical myelopathy/CORD
  std::vector<int> cord_or_canal;     // CORD or canal_stenosis >= possible
  std::vector<int> cord_any;          // CORD >= possible
  std::vector<int> signal_or_lesion;  // cord signal / cord lesion >= possible
  std::vector<int> compressive;       // R1 exception: compression seen
  std::vector<int> severe_canal;      // severe canal stenosis, def/prob
  std::vector<int> infection_or_tumour;  // definite/probable
  std::vector<int> definite_compression;
};

class Deriver {
 public:
  Deriver(const std::vector<Finding>& findings, const GuidelineOptions& options)
      : findings_(findings), options_(options) {}

  Facts Derive() const {
    Facts x;
    for (int i = 0; i < static_cast<int>(findings_.size()); ++i) {
      const Finding& f = findings_[i];
      std::string_view c = f.concept;
      Certainty e = Effective(f);
      bool pos = e >= Certainty::kProbable;  // definite or probable
      bool any = e >= Certainty::kPossible;
      if (AskedInHistory(f)) x.asked_in_history.push_back(i);
      if (IsDdx(c) && CountsAsDdx(f)) {
        Certainty floor = options_.unlikely_differential_counts
                              ? Certainty::kUnlikely
                              : Certainty::kPossible;
        if (e >= floor) {
          x.ddx.push_back(i);
          if (c == "cord_ischemia") x.ischemia.push_back(i);
        }
      }
      if (!Counts(f)) continue;
      if (IsEquivocal(i)) x.equivocal.push_back(i);
      if (pos && IsDefiniteMyeloConcept(c)) x.definite_myelo.push_back(i);
      if (pos && c == "mri_contraindication") x.mri_contra.push_back(i);
      if (pos && c == "clinical_myelopathy") x.clin_myelo.push_back(i);
      if (pos && c == "study_limited") x.study_limited.push_back(i);
      if (any && (IsCord(c) || c == "canal_stenosis")) {
        x.cord_or_canal.push_back(i);
      }
      if (any && IsCord(c)) x.cord_any.push_back(i);
      if (any && (c == "cord_signal_abnormality" || c == "cord_lesion")) {
        x.signal_or_lesion.push_back(i);
      }
      if (any &&
          (c == "cord_compression" ||
           (c == "canal_stenosis" && ModerateOrWorseOrUnstated(f.severity)))) {
        x.compressive.push_back(i);
      }
      if (pos && c == "canal_stenosis" &&
          std::string_view(f.severity) == "severe") {
        x.severe_canal.push_back(i);
      }
      if (pos && (c == "spinal_infection" || c == "spinal_neoplasm")) {
        x.infection_or_tumour.push_back(i);
      }
      if (pos && c == "cord_compression") {
        x.definite_compression.push_back(i);
      }
    }
    return x;
  }

 private:
  // Policy: with probable_is_definite == false a probable finding counts as
  // equivocal (possible).
  Certainty Effective(const Finding& f) const {
    if (f.certainty == Certainty::kProbable && !options_.probable_is_definite) {
      return Certainty::kPossible;
    }
    return f.certainty;
  }

  // A current fact about the patient.
  static bool Counts(const Finding& f) {
    return !f.historical && !f.hypothetical &&
           f.experiencer == Experiencer::kPatient;
  }

  // Known diagnoses in the history count for the differential.
  static bool CountsAsDdx(const Finding& f) {
    return !f.hypothetical && f.experiencer == Experiencer::kPatient;
  }

  // "r/o myelopathy", "?cord compression", "eval for myelopathy".
  static bool AskedInHistory(const Finding& f) {
    return f.section == SectionKind::kHistory && f.hypothetical &&
           f.experiencer == Experiencer::kPatient &&
           f.certainty != Certainty::kNegated && IsCord(f.concept);
  }

  // Whether a definite/probable `by` states the same thing as a possible
  // `of` (contract section 3).
  static bool SameThing(std::string_view of, std::string_view by) {
    if (of == by) return true;
    bool of_signal = of == "cord_signal_abnormality" || of == "myelomalacia";
    bool by_signal = by == "cord_signal_abnormality" || by == "myelomalacia";
    if (of_signal && by_signal) return true;
    return of == "myelopathy" && IsDefiniteMyeloConcept(by);
  }

  static bool LevelsMeet(const Finding& a, const Finding& b) {
    return a.levels.empty() || b.levels.empty() ||
           AnyOverlap(a.levels, b.levels);
  }

  // REQUIRES: Counts(findings_[i]).
  bool IsEquivocal(int i) const {
    const Finding& f = findings_[i];
    const std::string_view concept = f.concept;
    Certainty e = Effective(f);
    if (concept == "study_limited") return e >= Certainty::kProbable;
    if (e != Certainty::kPossible) return false;
    bool candidate = IsCord(concept) || (concept == "canal_stenosis" &&
                                         ModerateOrWorseOrUnstated(f.severity));
    if (!candidate) return false;
    for (const Finding& g : findings_) {
      if (Counts(g) && Effective(g) >= Certainty::kProbable &&
          SameThing(f.concept, g.concept) && LevelsMeet(f, g)) {
        return false;  // only the interpretation is uncertain
      }
    }
    return true;
  }

  const std::vector<Finding>& findings_;
  const GuidelineOptions& options_;
};

std::vector<int> Union(std::initializer_list<const std::vector<int>*> parts) {
  std::vector<int> out;
  for (const std::vector<int>* p : parts)
    out.insert(out.end(), p->begin(), p->end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// An imaging rule whose condition held; the one with the highest precedence
// sets the recommendation.
struct Candidate {
  int tier;  // precedence: lower wins (R2c 0, R2 1, R3/R4/R5 2, R5b 3)
  Recommendation recommendation;
  Reason reason;
};

bool IsImagingStep(std::string_view v) {
  return In(v, {"ct_myelography", "mri_with_contrast", "mri", "radiographs",
                "ct", "follow_up_imaging"});
}

// Whether the report's own next step `v` is the one we recommend (see the
// header for the mapping).
bool SameStep(Recommendation ours, std::string_view v) {
  switch (ours) {
    case Recommendation::kCtMyelography:
      return v == "ct_myelography";
    case Recommendation::kMriWithContrast:
      return v == "mri_with_contrast";
    case Recommendation::kMri:
      return v == "mri" || v == "mri_with_contrast" || v == "follow_up_imaging";
    case Recommendation::kManualReview:
      return v == "mri_with_contrast" || v == "ct_myelography";
    case Recommendation::kNone:
      return false;
  }
  return false;
}

Concordance ComputeConcordance(
    Recommendation ours, const std::vector<ReportRecommendation>& theirs) {
  if (ours == Recommendation::kNone) return Concordance::kNotApplicable;
  bool any_imaging = false;
  for (const ReportRecommendation& r : theirs) {
    if (!IsImagingStep(r.value)) continue;
    any_imaging = true;
    if (SameStep(ours, r.value)) return Concordance::kConcordant;
  }
  return any_imaging ? Concordance::kDiscordant : Concordance::kSilent;
}

}  // namespace

Decision Decide(const std::vector<Finding>& findings, const ExamFacts& exam,
                const std::vector<ReportRecommendation>& report_recommends,
                const GuidelineOptions& options) {
  Decision d;
  const Facts x = Deriver(findings, options).Derive();
  const bool equivocal = !x.equivocal.empty();
  const bool ddx = !x.ddx.empty();
  const bool mri_contra = !x.mri_contra.empty();
  const bool contrast_given = exam.contrast.value_or(false);
  const bool mri_or_unknown =
      exam.modality == Modality::kMri || exam.modality == Modality::kUnknown;
  d.equivocal = equivocal;

  // R1: clinical myelopathy with definite/equivocal imaging -> referral,
  // unless a non-compressive cause explains it and nothing compresses.
  // Out of scope (R0), only definite cord findings speak for R1: canal
  // stenosis or an equivocal reading of a lumbar or brain study says nothing
  // about the cervical cord.
  const bool r1_imaging =
      !x.definite_myelo.empty() ||
      (exam.applicable && (equivocal || !x.severe_canal.empty()));
  const bool r1_noncompressive = ddx && x.compressive.empty();
  if (!x.clin_myelo.empty() && r1_imaging && !r1_noncompressive) {
    d.surgical_referral = true;
    d.reasons.push_back(
        {"R1",
         "Clinical signs of myelopathy with definite or equivocal cord "
         "compromise on imaging: refer promptly to spine surgery; further "
         "imaging must not delay the referral.",
         kSurgical,
         Union({&x.clin_myelo, &x.definite_myelo, &x.equivocal,
                &x.severe_canal})});
  }
  // R1b: infection or tumour compressing the cord.
  if (!x.infection_or_tumour.empty() && !x.definite_compression.empty()) {
    d.surgical_referral = true;
    d.reasons.push_back(
        {"R1b",
         "Infection or tumour compressing the spinal cord is an emergency: "
         "refer promptly to spine surgery.",
         kEmergency, Union({&x.infection_or_tumour, &x.definite_compression})});
  }

  if (!exam.applicable) {
    // R0: out of scope. Only the referral rules above still speak (the
    // contract: R1 is never suppressed); no imaging rule is evaluated and the
    // study is not called equivocal.
    std::string why = exam.not_applicable_reason.empty()
                          ? "the report is not a cervical-spine MRI, CT or CT "
                            "myelogram"
                          : exam.not_applicable_reason;
    d.reasons.insert(d.reasons.begin(),
                     {"R0",
                      "Not applicable: " + why + ".",
                      "Scope of this module; " + std::string(kAcr),
                      {}});
    d.equivocal = false;
    d.concordance = Concordance::kNotApplicable;
    return d;
  }

  // Imaging rules, collected with their precedence.
  std::vector<Candidate> candidates;
  const bool r2_core = (equivocal || !x.signal_or_lesion.empty()) && ddx;
  const std::vector<int> r2_findings =
      Union({&x.equivocal, &x.signal_or_lesion, &x.ddx});
  const bool r2 = r2_core && !contrast_given;
  if (r2 && mri_contra) {
    candidates.push_back(
        {0,
         Recommendation::kManualReview,
         {"R2c",
          "A non-compressive cause needs contrast MRI but MRI is "
          "contraindicated, and CT myelography cannot characterize intrinsic "
          "cord disease: manual review.",
          kExtension, Union({&r2_findings, &x.mri_contra})}});
  }
  if (r2) {
    std::string text =
        "Equivocal or intrinsic cord finding with a non-compressive cause in "
        "the differential: MRI without and with IV contrast.";
    if (!x.ischemia.empty()) {
      text.pop_back();
      text += ", with diffusion-weighted imaging for possible cord ischemia.";
    }
    candidates.push_back({1,
                          Recommendation::kMriWithContrast,
                          {"R2", text, kAcrContrast, r2_findings}});
  }
  const bool ctm_done = exam.modality == Modality::kCtMyelogram;
  const bool r3 =
      mri_contra && (!x.cord_or_canal.empty() || !x.asked_in_history.empty());
  if (r3 && !ctm_done) {
    candidates.push_back(
        {2,
         Recommendation::kCtMyelography,
         {"R3",
          "MRI is contraindicated or could not be completed and myelopathy is "
          "in question: CT myelography is the alternative (not radiographs or "
          "CT without myelography).",
          kAcrContraindicated,
          Union({&x.mri_contra, &x.cord_or_canal, &x.asked_in_history})}});
  }
  if (!x.study_limited.empty() && mri_or_unknown) {
    candidates.push_back(
        {2,
         Recommendation::kCtMyelography,
         {"R4",
          "The MRI is limited for the cord: CT myelography; if the limitation "
          "is patient motion, a repeat MRI with motion mitigation may be "
          "tried first.",
          kAcrProblemSolving, x.study_limited}});
  }
  if (equivocal && !ddx && mri_or_unknown) {
    candidates.push_back(
        {2,
         Recommendation::kCtMyelography,
         {"R5",
          "The MRI is equivocal for myelopathy and no non-compressive cause "
          "is in the differential: CT myelography for problem solving.",
          kAcrProblemSolving, x.equivocal}});
  }
  if ((equivocal || !x.cord_any.empty()) && exam.modality == Modality::kCt &&
      !ddx && !mri_contra) {
    candidates.push_back(
        {3,
         Recommendation::kMri,
         {"R5b",
          "Equivocal or cord finding on CT without myelography: MRI, the "
          "preferred study of the spinal cord.",
          kAcr, Union({&x.equivocal, &x.cord_any})}});
  }

  std::stable_sort(
      candidates.begin(), candidates.end(),
      [](const Candidate& a, const Candidate& b) { return a.tier < b.tier; });
  if (!candidates.empty()) {
    const Candidate& winner = candidates.front();
    d.recommendation = winner.recommendation;
    d.dwi = winner.recommendation == Recommendation::kMriWithContrast &&
            !x.ischemia.empty();
    for (const Candidate& c : candidates) {
      Reason r = c.reason;
      if (c.tier != winner.tier) {
        r.text = "Superseded by " + winner.reason.rule + ": " + r.text;
      }
      d.reasons.push_back(std::move(r));
    }
  }

  // Notes for imaging rules that cannot apply to this exam.
  if (r2_core && contrast_given) {
    // R2b: contrast already given; repeat contrast imaging is not asked
    // for. DWI is still advised for ischemia unless MRI is contraindicated.
    std::string text =
        "IV contrast was already given on this study, so contrast imaging is "
        "not repeated for the non-compressive differential";
    if (!x.ischemia.empty() && !mri_contra) {
      d.dwi = true;
      text += "; add diffusion-weighted imaging for possible cord ischemia";
    }
    d.reasons.push_back({"R2b", text + ".", kExtension, r2_findings});
  }
  if (ctm_done && (r3 || (equivocal && !ddx))) {
    d.reasons.push_back(
        {"R0b",
         "The exam is already a CT myelogram, so CT myelography is not "
         "recommended again.",
         kExtension, Union({&x.mri_contra, &x.cord_or_canal})});
  }

  // R6/R7: the fall-through when no imaging rule decided the
  // recommendation.
  if (d.recommendation == Recommendation::kNone) {
    if (!x.definite_myelo.empty() && x.clin_myelo.empty()) {
      d.reasons.push_back(
          {"R6",
           "Definite cord compression or cord signal change without reported "
           "clinical myelopathy: correlate clinically for myelopathic signs "
           "and refer to spine surgery if present.",
           kSurgical, x.definite_myelo});
    } else if (d.reasons.empty()) {
      d.reasons.push_back(
          {"R7",
           "No further imaging step is indicated (degenerative findings "
           "alone do not call for one).",
           kDegenerative,
           {}});
    }
  }

  d.concordance = ComputeConcordance(d.recommendation, report_recommends);
  if (equivocal || mri_contra) {
    for (const ReportRecommendation& r : report_recommends) {
      if (r.value == "radiographs" || r.value == "ct") d.pitfall = true;
    }
  }
  return d;
}

}  // namespace myelex
