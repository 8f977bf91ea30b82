// The guideline module: findings + exam facts -> Decision (contract §3).
//
// Pipeline position: last analysis stage; reads Finding/ExamFacts values
// only (no text, no lexicons). Thread-safety: Decide() is a pure function.
//
// Facts count only when current (not historical), about the patient and not
// hypothetical; a known diagnosis of NONCOMPRESSIVE_DDX in the history counts
// although historical. The derived facts (EQUIVOCAL with its override rule,
// DEFINITE_MYELO, NONCOMPRESSIVE_DDX, MRI_CONTRA, CLIN_MYELO, "myelopathy
// asked in the history" = a hypothetical CORD finding in SectionKind::kHistory)
// are exactly the contract's.
//
// Rules: id, when -> output; why (source). Sources: domain.md §5 and §7.
//   R0  not applicable -> none, reason = exam.not_applicable_reason. No
//       imaging rule is evaluated and equivocal stays false; R1/R1b still
//       set surgical_referral (the contract: R1 is never suppressed; a
//       thoracic MRI with cord compression in a myelopathic patient still
//       needs the surgeon), R1 then on definite/probable cord findings only.
//       Why: the module covers cervical-spine MRI/CT/CT myelography (ACR
//       Myelopathy 2021 update, Agarwal et al.).
//   R1  CLIN_MYELO and (DEFINITE_MYELO or EQUIVOCAL or definite/probable
//       severe canal_stenosis), unless NONCOMPRESSIVE_DDX and nothing
//       compressive is seen -> surgical_referral (never suppressed by an
//       imaging rule). Why: symptomatic DCM is treated surgically and delay
//       costs function; a myelitis or infarct needs a neurologist and contrast
//       MRI instead (McCormick et al. 2020; Fehlings et al. 2017).
//   R1b definite/probable spinal_infection or spinal_neoplasm with
//       definite/probable cord_compression -> surgical_referral. Why: an
//       abscess or tumour compressing the cord is an emergency (decision-
//       support policy; context ACR Suspected Spine Infection 2021).
//   R2  (EQUIVOCAL or cord_signal_abnormality/cord_lesion >= possible) and
//       NONCOMPRESSIVE_DDX and exam.contrast != true -> mri_with_contrast;
//       dwi when cord_ischemia is in the differential. Why: contrast
//       characterizes demyelination, inflammation, infection and tumour; DWI
//       shows infarct (ACR Myelopathy 2021: MRI without and with contrast
//       usually appropriate; ACR Demyelinating Diseases; ACR Spine Infection).
//   R2b (note, an extension) R2's condition but contrast already given -> no
//       repeat contrast study; R2 does not fire and the next rules decide
//       (R5/R5b are blocked by the differential, so usually `none`). dwi is
//       still set for cord ischemia unless MRI_CONTRA: a contrast study does
//       not show an infarct and says nothing of whether DWI was acquired.
//       Literal to the contract, exam.contrast blocks R2 whatever the
//       modality (a contrast-enhanced plain CT included).
//   R2c R2's condition and MRI_CONTRA -> manual_review; dwi false (DWI is an
//       MRI sequence). Why: CT myelography cannot characterize intrinsic cord
//       disease and contrast MRI cannot be done (decision-support policy).
//   R3  MRI_CONTRA and (CORD or canal_stenosis >= possible, or myelopathy
//       asked in the history) -> ct_myelography. Why: CT myelography is the
//       alternative when MRI cannot be done; radiographs and plain CT cannot
//       show the cord (ACR Myelopathy 2008 table, Seidenwurm: "problem
//       solving or MRI unavailable or contraindicated").
//   R4  study_limited definite/probable on MRI (or unknown modality) ->
//       ct_myelography; the reason says a repeat MRI with motion mitigation
//       may be tried first when the limit is motion. Why: a nondiagnostic
//       MRI is effectively equivocal; CT tolerates hardware (policy reading of
//       ACR: CT myelography "may be appropriate").
//   R5  EQUIVOCAL, no NONCOMPRESSIVE_DDX, MRI (or unknown) -> ct_myelography.
//       Why: problem solving for canal/cord compression, DOC/OPLL, bony
//       encroachment — a decision-support reading of ACR (CT myelography
//       "may be appropriate"), not ACR's own words.
//   R5b (EQUIVOCAL or CORD >= possible) on a plain CT, no NONCOMPRESSIVE_DDX,
//       no MRI_CONTRA -> mri. Why: MRI is the preferred study of the cord
//       (ACR Myelopathy 2021 update).
//   R0b (note) the exam is already a CT myelogram and R3 (or an equivocal
//       finding without a differential) would have asked for CT myelography
//       -> not recommended again (contract: never ct_myelography then).
//   R6  DEFINITE_MYELO without CLIN_MYELO, when no imaging rule decided ->
//       none; correlate clinically, refer if signs are present. Why: the
//       imaging is not equivocal and the decision is clinical (McCormick et
//       al. 2020; Fehlings et al. 2017).
//   R7  no rule fired -> none. Why: degenerative findings are common in
//       asymptomatic adults (Nakashima et al., Spine 2015).
// Precedence for the recommendation: R0 > R2c > R2 > R3/R4/R5 > R5b > none.
// Never radiographs or CT without myelography (not even representable).
//
// Reasons: every rule whose condition held, in precedence order (the winner
// first; lower-precedence imaging rules are kept with the text prefix
// "Superseded by <rule>: "), then the R2b/R0b notes, then R6/R7. Each has
// the indices of the findings it rests on.
//
// Audit fields:
//   concordance: not_applicable when ours is none; else silent when the
//     report recommends no imaging step (clinical_correlation and
//     surgical_consultation are not imaging steps); concordant when one of
//     its imaging steps is ours: ct_myelography <-> ct_myelography,
//     mri_with_contrast <-> mri_with_contrast, ours mri <-> mri,
//     mri_with_contrast or follow_up_imaging (any MRI answers "get an MRI";
//     follow-up of a CT is taken as MRI), ours manual_review <->
//     mri_with_contrast or ct_myelography (the two pathways the reviewer
//     weighs); discordant otherwise (e.g. ours mri_with_contrast, theirs mri:
//     the contrast is the point).
//   pitfall: the report recommends radiographs or ct while the case is
//     EQUIVOCAL or MRI_CONTRA.
#pragma once

#include <vector>

#include "findings/finding.h"
#include "guideline/decision.h"

namespace myelex {

// Policy knobs; the defaults are the contract's. Plain value (leveldb
// Options style): copy and change the fields you need.
struct GuidelineOptions {
  // Whether a `probable` finding counts as definite (default true, the
  // contract) or as equivocal (false: "likely myelomalacia" then makes the
  // study equivocal and no longer overrides a possible finding).
  bool probable_is_definite = true;
  // Whether a differential stated as `unlikely` ("less likely") still puts a
  // non-compressive cause in the differential (default false, the contract;
  // domain.md's source policy would say true).
  bool unlikely_differential_counts = false;
};

// Decides the recommendation for one report. Never fails. `findings` may
// be empty; indices in the reasons refer to it.
Decision Decide(const std::vector<Finding>& findings, const ExamFacts& exam,
                const std::vector<ReportRecommendation>& report_recommends,
                const GuidelineOptions& options = GuidelineOptions());

}  // namespace myelex
