// The shipped target and attribute lexicons (lexicons/*.tsv) through the
// whole analyzer: at least three surface forms per contract concept, the
// abbreviation and wording traps of domain.md 2.1/2.7, exam facts and the
// report's own recommendations.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "analyzer.h"
#include "gtest/gtest.h"
#include "testing/test_util.h"

namespace myelex {
namespace {

class ShippedLexicons : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    AnalyzerOptions options;
    options.lexicon_dir = testing::SourcePath("lexicons");
    std::unique_ptr<Analyzer> analyzer;
    Status s = Analyzer::Create(options, &analyzer);
    ASSERT_TRUE(s.ok()) << s.ToString();
    analyzer_ = analyzer.release();
  }
  static void TearDownTestSuite() {
    delete analyzer_;
    analyzer_ = nullptr;
  }

  static Analysis Analyze(const std::string& text) {
    return analyzer_->Analyze("test", text);
  }

  // The findings of `concept` in `text` (analyzed as a FINDINGS section).
  static std::vector<Finding> Find(const std::string& sentence,
                                   const std::string& concept) {
    Analysis a = Analyze("FINDINGS: " + sentence);
    std::vector<Finding> out;
    for (const Finding& f : a.findings) {
      if (f.concept == concept) out.push_back(f);
    }
    return out;
  }

  static const Analyzer* analyzer_;
};

const Analyzer* ShippedLexicons::analyzer_ = nullptr;

struct Surface {
  const char* concept;
  const char* sentence;
};

// Every row must yield at least one finding of its concept.
const Surface kSurfaces[] = {
    // cord
    {"cord_signal_abnormality",
     "There is T2 hyperintensity in the cord at C5-6."},
    {"cord_signal_abnormality", "Increased T2 signal within the cord at C4."},
    {"cord_signal_abnormality", "Abnormal cord signal at C3-4."},
    {"cord_signal_abnormality", "Intramedullary signal abnormality at C5."},
    {"cord_signal_abnormality", "STIR hyperintense focus in the dorsal cord."},
    {"cord_signal_abnormality", "Cord oedema from C3 to C5."},
    {"cord_signal_abnormality", "Owl-eye appearance on axial images."},
    {"cord_signal_abnormality", "T1 hypointensity in the cord at C5."},
    {"myelomalacia", "Myelomalacia at C5-6."},
    {"myelomalacia", "Mild myelomalasia at C6/7."},
    {"myelomalacia", "Focal myleomalacia at C4."},
    {"myelomalacia", "Gliosis within the cord at C5."},
    {"myelomalacia", "Myelomalacic change at C6."},
    {"cord_compression", "The disc flattens the cord at C5-6."},
    {"cord_compression", "A protrusion indenting the ventral cord."},
    {"cord_compression", "Mass effect upon the cord at C4-5."},
    {"cord_compression", "The cord is compressed at C5-6."},
    {"cord_compression", "Osteophytes effacing the cord."},
    {"cord_compression", "Mild flattening of the left hemicord."},
    {"cord_compression", "The disc may mildly indent the cord contour."},
    {"cord_contact", "The cord touches the osteophyte at C5-6."},
    {"cord_lesion", "Stable demyelinating plaques at C2 and C5."},
    {"cord_lesion", "The C3 lesion is unchanged."},
    {"myelitis",
     "Dorsal subpial enhancement suggests spinal cord sarcoidosis."},
    {"myelopathy",
     "The faint signal may represent early myelopathy or artefact."},
    {"cord_compression", "Severe cord compression at C6-7."},
    {"cord_contact", "The protrusion abuts the cord."},
    {"cord_contact", "A ridge contacts the ventral cord."},
    {"cord_contact", "The bulge touches the cord without deformity."},
    {"cord_atrophy", "Cord atrophy at C5."},
    {"cord_atrophy", "The cord is atrophic at C5-6."},
    {"cord_atrophy", "Volume loss of the cord at C4."},
    {"syrinx", "Small syrinx from C5 to C7."},
    {"syrinx", "Syringomyelia."},
    {"syrinx", "Hydromyelia at C6."},
    {"syrinx", "Mildly dilated central canal at C6."},
    {"cord_enhancement", "Intramedullary enhancement at C4."},
    {"cord_enhancement", "Enhancement within the cord at C5."},
    {"cord_enhancement", "Pancake-like enhancement below the stenosis."},
    {"cord_lesion", "Intramedullary lesion at C3."},
    {"cord_lesion", "Cord contusion at C5."},
    {"cord_lesion", "Enhancing lesion within the cord."},
    {"cord_lesion", "A demyelinating plaque at C2."},
    {"myelopathy", "Findings compatible with myelopathy."},
    {"myelopathy", "Myelopathic changes."},
    {"myelopathy", "Cervical spondylotic myelopathy."},
    {"myelopathy", "Consistent with CSM."},
    {"myelopathy", "Degenerative cervical myelopathy (DCM)."},
    // canal
    {"canal_stenosis", "Central canal stenosis at C5-6."},
    {"canal_stenosis", "Spinal canal narrowing at C4-5."},
    {"canal_stenosis", "OPLL narrows the canal to 8 mm."},
    {"canal_stenosis", "Compromise of the canal at C3-4."},
    {"canal_stenosis", "Severe stenosis at C5-6."},
    {"canal_stenosis", "The canal is moderately narrowed."},
    {"canal_stenosis", "Borderline stenosis at C4-5."},
    {"csf_effacement", "Effacement of the ventral CSF at C5-6."},
    {"csf_effacement", "The bulge effaces the anterior subarachnoid space."},
    {"csf_effacement", "Obliteration of CSF around the cord."},
    {"csf_effacement", "No CSF around the cord at C5-6."},
    // causes
    {"disc_herniation", "Disc bulge at C4-5."},
    {"disc_herniation", "Central protrusion at C5-6."},
    {"disc_herniation", "Right paracentral protusion."},
    {"disc_herniation", "Large extrusion at C6-7."},
    {"disc_herniation", "Disk herniation at C5-6."},
    {"disc_herniation", "Broad-based buldge."},
    {"disc_osteophyte_complex", "Disc-osteophyte complex at C5-6."},
    {"disc_osteophyte_complex", "Disk osteophyte complex."},
    {"disc_osteophyte_complex", "Spondylotic ridge at C6-7."},
    {"disc_osteophyte_complex", "Posterior osteophite at C5."},
    {"opll", "OPLL from C3 to C5."},
    {"opll", "Ossification of the posterior longitudinal ligament."},
    {"opll", "Ossified PLL at C4."},
    {"ligamentum_flavum_hypertrophy", "Ligamentum flavum hypertrophy."},
    {"ligamentum_flavum_hypertrophy", "Thickening of the ligamentum flavum."},
    {"ligamentum_flavum_hypertrophy", "Ligamentum flavum buckling at C5-6."},
    {"spondylolisthesis", "Grade 1 anterolisthesis of C4 on C5."},
    {"spondylolisthesis", "Mild retrolisthesis at C5-6."},
    {"spondylolisthesis", "Degenerative spondylolithesis."},
    // foramina
    {"foraminal_stenosis", "Left neural foraminal stenosis at C5-6."},
    {"foraminal_stenosis", "Moderate foramenal narrowing."},
    {"foraminal_stenosis", "Narrowing of the left neural foramen."},
    {"foraminal_stenosis", "Bilateral NFN at C6-7."},
    {"foraminal_stenosis", "Severe neuroforaminal narrowing on the right."},
    {"foraminal_stenosis", "Neural foramina: moderate left stenosis."},
    {"cord_compression", "Mass effect on the thecal sac and cord."},
    {"csf_effacement", "The CSF ventral to the cord is effaced."},
    // context
    {"demyelinating_disease", "Known multiple sclerosis."},
    {"demyelinating_disease", "Lesion typical of MS."},
    {"demyelinating_disease", "Possible NMOSD."},
    {"demyelinating_disease", "MOGAD is a consideration."},
    {"demyelinating_disease", "Consider ADEM."},
    {"demyelinating_disease", "Findings suggest demyelination."},
    {"myelitis", "Transverse myelitis."},
    {"myelitis", "Inflammatory myelopathy."},
    {"myelitis", "Neurosarcoidosis is possible."},
    {"spinal_infection", "Epidural abscess at C5."},
    {"spinal_infection", "Discitis-osteomyelitis at C5-6."},
    {"spinal_infection", "Prevertebral phlegmon."},
    {"spinal_infection", "Spondylodiscitis."},
    {"spinal_neoplasm", "Osseous metastasis at C6."},
    {"spinal_neoplasm", "Intramedullary tumour."},
    {"spinal_neoplasm", "Ependymoma."},
    {"spinal_neoplasm", "Leptomeningeal disease."},
    {"cord_ischemia", "Cord infarction."},
    {"cord_ischemia", "Spinal cord ischemia."},
    {"cord_ischemia", "Anterior spinal artery infarct."},
    {"cord_ischemia", "Ischaemia of the cord."},
    {"vascular_malformation", "Dural arteriovenous fistula."},
    {"vascular_malformation", "Suspected dAVF."},
    {"vascular_malformation", "AVM of the cord."},
    {"vascular_malformation", "Intramedullary cavernoma at C4."},
    {"mri_contraindication", "The patient has a pacemaker."},
    {"mri_contraindication", "AICD in place."},
    {"mri_contraindication", "Spinal cord stimulator."},
    {"mri_contraindication", "SCS leads in the thoracic spine."},
    {"mri_contraindication", "Metallic foreign body in the orbit."},
    {"mri_contraindication", "Severe claustrophobia."},
    {"mri_contraindication", "The patient could not tolerate the MRI."},
    {"study_limited", "Motion artifact degrades the axial images."},
    {"study_limited", "The study is limited by motion."},
    {"study_limited", "Nondiagnostic axial images."},
    {"study_limited", "Susceptibility artifact from hardware."},
    {"study_limited", "The cord is not well visualized."},
    {"postoperative", "Prior ACDF at C5-6."},
    {"postoperative", "Laminectomy from C3 to C6."},
    {"postoperative", "Anterior plate and screws."},
    {"postoperative", "Postoperative changes."},
    {"clinical_myelopathy", "Gait instability."},
    {"clinical_myelopathy", "Hand clumsiness."},
    {"clinical_myelopathy", "Positive Hoffman sign."},
    {"clinical_myelopathy", "Bilateral Hoffmann's sign."},
    {"clinical_myelopathy", "Hyperreflexia and clonus."},
    {"clinical_myelopathy", "Upgoing toes."},
    {"clinical_myelopathy", "Lhermitte sign."},
    {"clinical_myelopathy", "mJOA score 11."},
    {"clinical_myelopathy", "Difficulty buttoning shirts."},
};

TEST_F(ShippedLexicons, EverySurfaceFormYieldsItsConcept) {
  for (const Surface& s : kSurfaces) {
    EXPECT_FALSE(Find(s.sentence, s.concept).empty())
        << s.concept << " not found in: " << s.sentence;
  }
}

TEST_F(ShippedLexicons, EveryContractConceptHasThreeSurfaceForms) {
  const char* contract[] = {"cord_signal_abnormality",
                            "myelomalacia",
                            "cord_compression",
                            "cord_contact",
                            "cord_atrophy",
                            "syrinx",
                            "cord_enhancement",
                            "cord_lesion",
                            "myelopathy",
                            "canal_stenosis",
                            "csf_effacement",
                            "disc_herniation",
                            "disc_osteophyte_complex",
                            "opll",
                            "ligamentum_flavum_hypertrophy",
                            "spondylolisthesis",
                            "foraminal_stenosis",
                            "demyelinating_disease",
                            "myelitis",
                            "spinal_infection",
                            "spinal_neoplasm",
                            "cord_ischemia",
                            "vascular_malformation",
                            "mri_contraindication",
                            "study_limited",
                            "postoperative",
                            "clinical_myelopathy"};
  for (const char* concept : contract) {
    int n = 0;
    for (const Surface& s : kSurfaces) n += std::string(s.concept) == concept;
    EXPECT_GE(n, 3) << concept;
    EXPECT_NE(GroupOf(concept), ConceptGroup::kOther) << concept;
  }
}

// Each row's sentence must NOT yield `concept` (domain.md 2.1, 2.7).
const Surface kTraps[] = {
    {"myelopathy", "Tenderness over the left SCM."},
    {"myelopathy", "History of DCM with AICD."},
    {"myelopathy", "Dilated cardiomyopathy."},
    {"mri_contraindication", "ICD-10 code M47.12."},
    {"mri_contraindication", "ICD 10: M50.12."},
    {"mri_contraindication", "Diagnosis (icd10): cervicalgia."},
    {"mri_contraindication", "The patient has an MR-conditional pacemaker."},
    {"mri_contraindication",
     "The pacemaker is MRI conditional and was scanned per protocol."},
    {"canal_stenosis", "Dilated central canal of the cord at C6."},
    {"canal_stenosis", "SCS leads in the thoracic spine."},
    {"canal_stenosis", "History of aortic stenosis."},
    {"canal_stenosis", "Neural foramina: moderate left stenosis."},
    {"cord_compression", "The protrusion indents the thecal sac."},
    {"cord_compression", "Impingement of the exiting C6 nerve root."},
    {"cord_compression", "The protrusion abuts the cord."},
    {"cord_compression", "The disc contacts the ventral cord."},
    {"demyelinating_disease", "Sagittal T2 TR/TE 3000/90 ms."},
    {"vascular_malformation", "Vertebral artery flow voids are preserved."},
    {"postoperative", "Congenital fusion of C2 and C3."},
    {"cord_signal_abnormality", "T2 hyperintense signal within the disc."},
    {"cord_signal_abnormality", "Endplate oedema at C5-6."},
    {"cord_signal_abnormality", "Increased T2 signal in the disc at C6-7."},
    {"cord_compression", "Compression fracture of C7."},
    {"cord_compression", "Flattening of the normal cervical lordosis."},
    {"cord_enhancement", "Peripherally enhancing epidural collection."},
    {"vascular_malformation", "Serpiginous perimedullary flow voids."},
    {"study_limited", "Myelomalacia versus CSF pulsation artifact."},
    {"syrinx", "Prominent central canal, a normal variant."},
    // An artifact named as the explanation of an appearance is not a limit
    // of the study.
    {"study_limited",
     "A thin central line in the cord, most likely representing truncation "
     "(Gibbs) artifact."},
    {"study_limited", "The faint focus is felt to be CSF flow artefact."},
    {"study_limited", "Dorsal signal attributed to pulsation artifact."},
    // Triggers out of context: a sign is not the diagnosis, other organs
    // and the brain are not the cord, a nerve root is not the cord, a
    // protocol name is not a diagnosis.
    {"cord_ischemia", "Pencil-like T2 hyperintensity in the ventral cord."},
    {"myelitis", "History of pulmonary sarcoidosis treated with steroids."},
    {"cord_signal_abnormality",
     "Scattered T1 hypointense foci within the C4 and C5 vertebral bodies."},
    {"cord_lesion", "Sclerotic lesion at C7, likely a bone island."},
    {"cord_atrophy", "Mild age-related volume loss of the brain."},
    {"cord_atrophy", "Generalized cerebral volume loss."},
    {"cord_enhancement", "A juxtacortical lesion shows open-ring enhancement."},
    {"cord_compression",
     "The extrusion causes compression of the traversing left S1 root."},
    {"demyelinating_disease", "Cervical spine MRI, MS protocol."},
    // Word pieces: a rule never matches inside a longer word.
    {"postoperative", "No restricted diffusion on diffusion-weighted images."},
    {"postoperative", "Small right facet joint effusion at C3-4."},
    {"myelitis", "Vertebral osteomyelitis of C6 with discitis."},
    {"myelitis", "Known neuromyelitis optica spectrum disorder."},
};

TEST_F(ShippedLexicons, TrapsDoNotYieldTheWrongConcept) {
  for (const Surface& s : kTraps) {
    EXPECT_TRUE(Find(s.sentence, s.concept).empty())
        << s.concept << " wrongly found in: " << s.sentence;
  }
}

TEST_F(ShippedLexicons, SpineContextDcmIsMyelopathy) {
  Analysis a = Analyze("INDICATION: R/O DCM.\nFINDINGS: Disc bulge.");
  bool found = false;
  for (const Finding& f : a.findings) {
    if (f.concept == "myelopathy") {
      found = true;
      EXPECT_TRUE(f.hypothetical);
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(ShippedLexicons, CertaintyOfPhrasesThatCarryTheirOwnPolarity) {
  struct Case {
    const char* sentence;
    const char* concept;
    Certainty want;
  } cases[] = {
      {"No CSF around the cord at C5-6.", "csf_effacement",
       Certainty::kDefinite},
      {"The cord is normal in caliber and signal.", "cord_signal_abnormality",
       Certainty::kNegated},
      {"The foramina are patent.", "foraminal_stenosis", Certainty::kNegated},
      {"The patient could not tolerate the MRI.", "mri_contraindication",
       Certainty::kDefinite},
      {"Without cord contact.", "cord_contact", Certainty::kNegated},
      {"Borderline stenosis at C4-5.", "canal_stenosis", Certainty::kDefinite},
      {"Cord signal normal.", "cord_signal_abnormality", Certainty::kNegated},
      {"Spinal cord: normal signal.", "cord_signal_abnormality",
       Certainty::kNegated},
      {"The cord is free of signal abnormality.", "cord_signal_abnormality",
       Certainty::kNegated},
      {"No abnormal enhancement.", "cord_enhancement", Certainty::kNegated},
      {"Non-enhancing cord lesion.", "cord_enhancement", Certainty::kNegated},
      {"The cord signal cannot be reliably assessed.", "study_limited",
       Certainty::kDefinite},
      {"Solid fusion without significant artifact.", "study_limited",
       Certainty::kNegated},
      {"Cord contact without compression.", "cord_compression",
       Certainty::kNegated},
      {"CSF is preserved dorsal to the cord.", "csf_effacement",
       Certainty::kNegated},
      // Negation families: passive "is not X-ed", "without X-ing it", a
      // preserved outline, "does not limit", and "canal OK/free/capacious".
      {"At C3-4 the hemicord is not indented.", "cord_compression",
       Certainty::kNegated},
      {"Cord not displaced at C6-7.", "cord_compression", Certainty::kNegated},
      {"The bar contacts the ventral cord without flattening it.",
       "cord_compression", Certainty::kNegated},
      {"Normal cord contour at every level.", "cord_compression",
       Certainty::kNegated},
      {"The central canal is not stenotic.", "canal_stenosis",
       Certainty::kNegated},
      {"Central canal fine.", "canal_stenosis", Certainty::kNegated},
      {"The canal is of adequate calibre.", "canal_stenosis",
       Certainty::kNegated},
      {"Exit foramina open bilaterally.", "foraminal_stenosis",
       Certainty::kNegated},
      {"Left foramen not narrowed.", "foraminal_stenosis", Certainty::kNegated},
      {"Swallowing motion does not degrade the examination.", "study_limited",
       Certainty::kNegated},
      {"Minor non-limiting pulsation of the CSF; the exam is not limited.",
       "study_limited", Certainty::kNegated},
      {"The canal at C4-5 is patent.", "canal_stenosis", Certainty::kNegated},
      {"The cord at C6-7 is not flattened.", "cord_compression",
       Certainty::kNegated},
      {"Cord enlargement without extrinsic compression.", "cord_compression",
       Certainty::kNegated},
      // CT myelography: the contrast column is the CSF space.
      {"Osteophytes efface the dorsal contrast column at C4-5.",
       "csf_effacement", Certainty::kDefinite},
      {"Near-complete obliteration of the intrathecal contrast at C6-7.",
       "csf_effacement", Certainty::kDefinite},
      {"No contrast outlining the cord at C5-6.", "csf_effacement",
       Certainty::kDefinite},
      {"Ventral contrast thinned at C3-4.", "csf_effacement",
       Certainty::kDefinite},
      {"At C4-5 the cord, which is flattened, fills the canal.",
       "cord_compression", Certainty::kDefinite},
  };
  for (const Case& c : cases) {
    std::vector<Finding> f = Find(c.sentence, c.concept);
    ASSERT_EQ(f.size(), 1u) << c.sentence;
    EXPECT_EQ(f[0].certainty, c.want)
        << c.sentence << ": got " << ToString(f[0].certainty);
  }
}

TEST_F(ShippedLexicons, CoordinatedPhrasesNameBothFindings) {
  const char* sentences[] = {
      "No canal or foraminal stenosis.",
      "Patent canal and foramina.",
      "Canal and foramina are capacious.",
      "Mild central and foraminal stenosis.",
      "No significant stenosis of the canal or foramina.",
  };
  for (const char* sentence : sentences) {
    EXPECT_EQ(Find(sentence, "canal_stenosis").size(), 1u) << sentence;
    EXPECT_EQ(Find(sentence, "foraminal_stenosis").size(), 1u) << sentence;
  }
  EXPECT_EQ(Find("No cord compression or signal abnormality.",
                 "cord_signal_abnormality")
                .size(),
            1u);
}

TEST_F(ShippedLexicons, SeverityAndLateralityWords) {
  struct Case {
    const char* sentence;
    const char* concept;
    const char* severity;
    const char* laterality;
  } cases[] = {
      {"Mild-moderate canal stenosis.", "canal_stenosis", "mild_to_moderate",
       ""},
      {"Moderate to severe canal stenosis.", "canal_stenosis",
       "moderate_to_severe", ""},
      {"High-grade canal stenosis.", "canal_stenosis", "severe", ""},
      {"Borderline canal stenosis.", "canal_stenosis", "minimal", ""},
      {"Marked bilateral foraminal narrowing.", "foraminal_stenosis", "severe",
       "bilateral"},
      {"B/L foraminal stenosis.", "foraminal_stenosis", "", "bilateral"},
      {"Moderate right foraminal narrowing.", "foraminal_stenosis", "moderate",
       "right"},
      {"Foraminal stenosis, right more than left.", "foraminal_stenosis", "",
       "bilateral"},
  };
  for (const Case& c : cases) {
    std::vector<Finding> f = Find(c.sentence, c.concept);
    ASSERT_EQ(f.size(), 1u) << c.sentence;
    EXPECT_EQ(f[0].severity, c.severity) << c.sentence;
    EXPECT_EQ(f[0].laterality, c.laterality) << c.sentence;
  }
}

TEST_F(ShippedLexicons, DomainExampleSentences) {
  // domain.md section 6, sentence 23.
  Analysis a = Analyze(
      "FINDINGS: Multilevel spondylosis from C3 through C7, possibly with "
      "mild cord compression at C5-6 and C6-7, and moderate left foraminal "
      "narrowing at C5-6.");
  const Finding* comp = nullptr;
  const Finding* foram = nullptr;
  for (const Finding& f : a.findings) {
    if (f.concept == "cord_compression") comp = &f;
    if (f.concept == "foraminal_stenosis") foram = &f;
  }
  ASSERT_NE(comp, nullptr);
  EXPECT_EQ(comp->levels, std::vector<std::string>({"C5-C6", "C6-C7"}));
  EXPECT_EQ(comp->severity, "mild");
  ASSERT_NE(foram, nullptr);
  EXPECT_EQ(foram->levels, std::vector<std::string>({"C5-C6"}));
  EXPECT_EQ(foram->laterality, "left");
  EXPECT_EQ(foram->severity, "moderate");

  // Sentence 12: a vertebral span and "these levels".
  a = Analyze(
      "FINDINGS: Susceptibility artifact from C5-C7 anterior fusion hardware "
      "obscures the cord at these levels.");
  bool limited = false;
  for (const Finding& f : a.findings) {
    if (f.concept == "study_limited") {
      limited = true;
      EXPECT_EQ(f.levels, std::vector<std::string>({"C5-C6", "C6-C7"}));
    }
  }
  EXPECT_TRUE(limited);
}

// Terse, British and template headers (lexicons/sections.tsv), and a
// history that runs into an unlabelled body (lib/text/sectionizer.cc): the
// stenosis is a current fact of the body, not a question of the history.
TEST_F(ShippedLexicons, SectionHeadersOfTerseAndTemplateReports) {
  struct Case {
    const char* report;
    SectionKind want;  // the section of the first canal_stenosis finding
  } cases[] = {
      {"Hx: arm tingling.\nModerate canal stenosis at C4-5.",
       SectionKind::kFindings},
      {"Clinical request: ?radiculopathy\n\nModerate canal stenosis at C6-7.",
       SectionKind::kFindings},
      {"Indications: neck pain\nVertebrae: normal heights.\nModerate canal "
       "stenosis at C3-4.",
       SectionKind::kFindings},
      {"Reason for MRI: neck pain\nC4-5: moderate canal stenosis.",
       SectionKind::kFindings},
      {"Report:\nModerate canal stenosis at C5-6.", SectionKind::kFindings},
      {"History: neck pain\nImp: moderate canal stenosis at C5-6.",
       SectionKind::kImpression},
      {"Comment: moderate canal stenosis at C5-6.", SectionKind::kImpression},
      {"Opinion: moderate canal stenosis at C5-6.", SectionKind::kImpression},
  };
  for (const auto& c : cases) {
    Analysis a = Analyze(c.report);
    const Finding* stenosis = nullptr;
    for (const Finding& f : a.findings) {
      if (f.concept == "canal_stenosis") {
        stenosis = &f;
        break;
      }
    }
    ASSERT_NE(stenosis, nullptr) << c.report;
    EXPECT_EQ(stenosis->section, c.want) << c.report;
    EXPECT_FALSE(stenosis->hypothetical) << c.report;
  }
}

// A diagnosis the referrer only suspects is the question of the study; a
// known diagnosis and a suspected sign are facts (lib/findings/assemble.cc).
TEST_F(ShippedLexicons, SuspectedDiagnosisInTheHistoryIsTheQuestion) {
  struct Case {
    const char* report;
    const char* concept;
    bool hypothetical;
  } cases[] = {
      {"INDICATION: Leg numbness. Possible multiple sclerosis.\nFINDINGS: "
       "Normal.",
       "demyelinating_disease", true},
      {"INDICATION: Fever, likely discitis.\nFINDINGS: Normal.",
       "spinal_infection", true},
      {"INDICATION: Known multiple sclerosis.\nFINDINGS: Normal.",
       "demyelinating_disease", false},
      {"INDICATION: Neck pain. Hyperreflexia?\nFINDINGS: Normal.",
       "clinical_myelopathy", false},
      {"HISTORY: Degenerative cervical myelopathy, surgical planning.\n"
       "FINDINGS: Normal.",
       "myelopathy", false},
      {"HISTORY: ?Degenerative cervical myelopathy.\nFINDINGS: Normal.",
       "myelopathy", true},
  };
  for (const auto& c : cases) {
    Analysis a = Analyze(c.report);
    const Finding* f = nullptr;
    for (const Finding& x : a.findings) {
      if (x.concept == c.concept) f = &x;
    }
    ASSERT_NE(f, nullptr) << c.report;
    EXPECT_EQ(f->hypothetical, c.hypothetical) << c.report;
  }
}

// Levels (corpus/README.md conventions): a clause without a level takes its
// sentence's; "the operated levels" are the surgery's; an elliptical
// conjunct ("and mild at C3-4") is a finding of its own; "C5 C6" is a disc.
TEST_F(ShippedLexicons, LevelsOfClausesSurgeryAndEllipsis) {
  auto levels_of = [](const Analysis& a, const std::string& concept) {
    std::vector<std::vector<std::string>> out;
    for (const Finding& f : a.findings) {
      if (f.concept == concept) out.push_back(f.levels);
    }
    return out;
  };
  using Levels = std::vector<std::vector<std::string>>;
  EXPECT_EQ(levels_of(Analyze("FINDINGS: Severe canal stenosis at C3-4; cord "
                              "compression cannot be excluded."),
                      "cord_compression"),
            Levels({{"C3-C4"}}));
  Levels limited = levels_of(Analyze("HISTORY: Prior C4-C6 ACDF.\nFINDINGS: "
                                     "Susceptibility artifact obscures the "
                                     "cord at the operated levels."),
                             "study_limited");
  ASSERT_FALSE(limited.empty());
  for (const auto& l : limited) {
    EXPECT_EQ(l, std::vector<std::string>({"C4-C5", "C5-C6"}));
  }
  Analysis a =
      Analyze("FINDINGS: Moderate canal stenosis at C6-7 and mild at C3-4.");
  EXPECT_EQ(levels_of(a, "canal_stenosis"), Levels({{"C6-C7"}, {"C3-C4"}}));
  for (const Finding& f : a.findings) {
    if (f.concept != "canal_stenosis") continue;
    EXPECT_EQ(f.severity, f.levels[0] == "C3-C4" ? "mild" : "moderate");
  }
  EXPECT_EQ(levels_of(Analyze("FINDINGS: At C5 C6 there is moderate canal "
                              "stenosis."),
                      "canal_stenosis"),
            Levels({{"C5-C6"}}));
}

TEST_F(ShippedLexicons, ExamFacts) {
  struct Case {
    const char* report;
    Modality modality;
    bool cervical;
    int contrast;  // -1 unknown, 0 false, 1 true
    bool applicable;
  } cases[] = {
      {"EXAM: MRI CERVICAL SPINE WITHOUT CONTRAST\nFINDINGS: Normal.",
       Modality::kMri, true, 0, true},
      {"EXAM: MRI C-SPINE W/WO CONTRAST\nFINDINGS: Normal.", Modality::kMri,
       true, 1, true},
      {"PROCEDURE: CT MYELOGRAM CERVICAL SPINE\nFINDINGS: Normal.",
       Modality::kCtMyelogram, true, -1, true},
      {"EXAM: CT CERVICAL SPINE WITHOUT CONTRAST\nFINDINGS: Normal.",
       Modality::kCt, true, 0, true},
      {"EXAM: MRI LUMBAR SPINE\nFINDINGS: L4-5 protrusion.", Modality::kMri,
       false, -1, false},
      {"EXAM: MRI BRAIN WITH AND WITHOUT CONTRAST\nFINDINGS: Normal.",
       Modality::kMri, false, 1, false},
      {"EXAM: XR CERVICAL SPINE 3 VIEWS\nFINDINGS: Normal.",
       Modality::kRadiograph, true, -1, false},
      {"EXAM: CT CERVICAL SPINE\nCOMPARISON: Prior MRI of the cervical "
       "spine.\nFINDINGS: Normal.",
       Modality::kCt, true, -1, true},
  };
  for (const Case& c : cases) {
    Analysis a = Analyze(c.report);
    EXPECT_EQ(a.exam.modality, c.modality) << c.report;
    EXPECT_EQ(a.exam.cervical, c.cervical) << c.report;
    EXPECT_EQ(a.exam.applicable, c.applicable) << c.report;
    if (c.contrast < 0) {
      EXPECT_FALSE(a.exam.contrast.has_value()) << c.report;
    } else {
      ASSERT_TRUE(a.exam.contrast.has_value()) << c.report;
      EXPECT_EQ(*a.exam.contrast, c.contrast == 1) << c.report;
    }
  }
}

TEST_F(ShippedLexicons, ReportRecommends) {
  struct Case {
    const char* impression;
    std::vector<std::string> want;
  } cases[] = {
      {"Recommend CT myelogram for further evaluation of possible cord "
       "compression at C6-7.",
       {"ct_myelography"}},
      {"Further evaluation with CT myelography could be considered.",
       {"ct_myelography"}},
      {"Consider MRI with and without contrast.", {"mri_with_contrast"}},
      {"If symptoms persist, MRI with and without contrast could be obtained "
       "to evaluate for demyelinating disease.",
       {"mri_with_contrast"}},
      {"Flexion-extension radiographs may be helpful.", {"radiographs"}},
      {"Recommend follow-up MRI in 6 months.", {"follow_up_imaging"}},
      {"Clinical correlation is recommended.", {"clinical_correlation"}},
      {"Correlate clinically.", {"clinical_correlation"}},
      {"Neurosurgical consultation is recommended.", {"surgical_consultation"}},
      {"Correlation with axial GRE images is suggested.", {}},
      {"Severe stenosis at C5-6, confirming the prior MRI findings.", {}},
      {"Recommend clinical correlation and CT myelogram.",
       {"clinical_correlation", "ct_myelography"}},
  };
  for (const Case& c : cases) {
    Analysis a = Analyze(std::string("EXAM: MRI cervical spine\nIMPRESSION: ") +
                         c.impression);
    std::vector<std::string> got;
    for (const ReportRecommendation& r : a.report_recommends) {
      got.push_back(r.value);
    }
    EXPECT_EQ(got, c.want) << c.impression;
  }
  // A CT myelogram that was performed is not a recommendation.
  Analysis a = Analyze("EXAM: CT MYELOGRAM CERVICAL SPINE\nFINDINGS: Normal.");
  EXPECT_TRUE(a.report_recommends.empty());
}

// Wording families radiologists use that earlier rules misread: negated
// limitations, device status, hedges on a degree, label rows, normal
// wording and enhancement outside the cord.
TEST_F(ShippedLexicons, NegatedLimitationsAreNotDefinite) {
  const char* sentences[] = {
      "Some patient motion, which does not limit assessment of the cord.",
      "Metal artifact from the plate is not limiting.",
      "Mild respiratory motion artifact, not limiting.",
      "Blooming artifact does not obscure the spinal cord.",
      "Non-limiting swallowing motion at C4-5.",
  };
  for (const char* sentence : sentences) {
    for (const Finding& f : Find(sentence, "study_limited")) {
      EXPECT_NE(f.certainty, Certainty::kDefinite) << sentence;
    }
  }
  // A limitation that is stated stays definite.
  std::vector<Finding> f = Find(
      "Severe motion artifact limits evaluation of the cord.", "study_limited");
  ASSERT_FALSE(f.empty());
  EXPECT_EQ(f[0].certainty, Certainty::kDefinite);
}

TEST_F(ShippedLexicons, DeviceStatusAndMriContraindication) {
  const char* definite[] = {
      "His defibrillator is not MR compatible.",
      "MRI cannot be performed given the implanted pump.",
      "She is unable to undergo MRI.",
      "MR imaging is contraindicated.",
      "Legacy MR-unsafe pacemaker in situ.",
  };
  for (const char* sentence : definite) {
    std::vector<Finding> f = Find(sentence, "mri_contraindication");
    ASSERT_FALSE(f.empty()) << sentence;
    bool any_definite = false;
    for (const Finding& x : f) {
      any_definite |= x.certainty == Certainty::kDefinite;
    }
    EXPECT_TRUE(any_definite) << sentence;
  }
  const char* conditional[] = {
      "The pacemaker was programmed to MRI safe mode before scanning.",
      "The ICD is MR conditional.",
  };
  for (const char* sentence : conditional) {
    EXPECT_TRUE(Find(sentence, "mri_contraindication").empty()) << sentence;
  }
}

TEST_F(ShippedLexicons, HedgeOnTheUpperBoundOfADegreeKeepsTheDegree) {
  std::vector<Finding> f = Find(
      "At C6-7 there is at least moderate, possibly severe canal "
      "stenosis.",
      "canal_stenosis");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].certainty, Certainty::kDefinite);
  EXPECT_EQ(f[0].severity, "moderate");
  f = Find("Mild, perhaps moderate narrowing of the canal at C3-4.",
           "canal_stenosis");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].certainty, Certainty::kDefinite);
  EXPECT_EQ(f[0].severity, "mild");
  // A hedge on the stenosis itself still hedges it.
  f = Find("Possibly severe canal stenosis at C5-6.", "canal_stenosis");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].certainty, Certainty::kPossible);
}

TEST_F(ShippedLexicons, LabelRowsNormalWordingAndEnhancementOutsideTheCord) {
  struct Case {
    const char* sentence;
    const char* concept;
    Certainty want;
  } cases[] = {
      {"Central canal: moderate narrowing.", "canal_stenosis",
       Certainty::kDefinite},
      {"Spinal canal: mild stenosis at C3-4.", "canal_stenosis",
       Certainty::kDefinite},
      {"The cord returns normal signal throughout.", "cord_signal_abnormality",
       Certainty::kNegated},
      {"The myelon is without signal alteration.", "cord_signal_abnormality",
       Certainty::kNegated},
      {"Normal cord caliber and signal.", "cord_signal_abnormality",
       Certainty::kNegated},
      {"Canal adequate at C2-3.", "canal_stenosis", Certainty::kNegated},
      {"CSF is still seen around the cord at C4-5.", "csf_effacement",
       Certainty::kNegated},
      {"CSF is still seen around the cord at C4-5.", "cord_compression",
       Certainty::kNegated},
      {"The spur is closely applied to the cord at C5-6.", "cord_contact",
       Certainty::kDefinite},
      {"The bar abuts the ventral cord surface.", "cord_contact",
       Certainty::kDefinite},
      {"A third, small T2 hyperintense lesion is seen within the cord at C2.",
       "cord_lesion", Certainty::kDefinite},
      {"The intramedullary lesion at C4 shows incomplete ring enhancement.",
       "cord_enhancement", Certainty::kDefinite},
  };
  for (const Case& c : cases) {
    std::vector<Finding> f = Find(c.sentence, c.concept);
    ASSERT_EQ(f.size(), 1u) << c.sentence;
    EXPECT_EQ(f[0].certainty, c.want)
        << c.sentence << ": got " << ToString(f[0].certainty);
  }
  const Surface absent[] = {
      {"cord_enhancement", "Disc-space enhancement at C5-6 with discitis."},
      {"cord_enhancement", "Avid endplate enhancement at C6-7."},
      {"canal_stenosis", "Congenitally narrow canal."},
      {"canal_stenosis", "Developmentally small spinal canal."},
  };
  for (const Surface& s : absent) {
    EXPECT_TRUE(Find(s.sentence, s.concept).empty()) << s.sentence;
  }
}

TEST_F(ShippedLexicons, ClinicalMyelopathyNeedsAHallmark) {
  Analysis a = Analyze(
      "EXAM: MRI CERVICAL SPINE\nREASON FOR EXAM: neck pain, mJOA 13, "
      "paresthesias\nFINDINGS: Normal.");
  int found = 0;
  for (const Finding& f : a.findings) {
    if (f.concept == "clinical_myelopathy") {
      ++found;
      EXPECT_EQ(f.certainty, Certainty::kDefinite);
    }
  }
  EXPECT_EQ(found, 1);
  a = Analyze(
      "EXAM: MRI CERVICAL SPINE\nHISTORY: Bilateral leg weakness, sensory "
      "level at T6, urinary retention.\nFINDINGS: Normal.");
  for (const Finding& f : a.findings) {
    EXPECT_NE(f.concept, "clinical_myelopathy");
  }
}

TEST_F(ShippedLexicons, CtMyelogramExamWordings) {
  const char* exams[] = {
      "EXAM: CT C-SPINE WITH INTRATHECAL CONTRAST",
      "EXAM: CT CERVICAL SPINE POST MYELOGRAM",
      "EXAM: Post-myelography CT, cervical",
      "EXAM: CTM CERVICAL",
      "EXAM: CERVICAL MYELOGRAM AND POST-MYELOGRAM CT",
  };
  for (const char* exam : exams) {
    Analysis a = Analyze(std::string(exam) + "\nFINDINGS: Normal.");
    EXPECT_EQ(a.exam.modality, Modality::kCtMyelogram) << exam;
  }
}

}  // namespace
}  // namespace myelex
