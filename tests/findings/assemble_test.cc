// AssembleFindings over tiny inline lexicons (never the shipped ones; see
// concepts_test.cc for those): overlap resolution, level, severity,
// laterality and measurement attachment, the history-section policy, cue
// handling inside a finding's phrase, and the report's own recommendations.
#include "findings/assemble.h"

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lexicon/compiled_lexicon.h"
#include "lexicon/lexicon_parser.h"
#include "match/matcher.h"
#include "testing/test_util.h"

namespace myelex {
namespace {

// Rows are written with '|' between fields for readability; only the first
// `columns - 1` bars separate fields, so patterns may use alternation.
std::string Rows(int columns, const std::vector<std::string>& rows) {
  std::string out;
  for (std::string r : rows) {
    int bars = 0;
    for (char& c : r) {
      if (c == '|' && bars < columns - 1) {
        c = '\t';
        ++bars;
      }
    }
    out += r + "\n";
  }
  return out;
}

const char kSections[] =
    "id\tsection\tliteral\tpattern\n"
    "section.exam\texam\texam\texam\n"
    "section.history\thistory\tindication\tindication|clinical history\n"
    "section.technique\ttechnique\ttechnique\ttechnique\n"
    "section.comparison\tcomparison\tcomparison\tcomparison\n"
    "section.findings\tfindings\tfindings\tfindings\n"
    "section.impression\timpression\timpression\timpression\n";

std::string Modifiers() {
  return "id\tcategory\tdirection\tcertainty\tscope\tliteral\tpattern\n" +
         Rows(7,
              {
                  "neg.no|negation|forward|negated|12|no|-",
                  "neg.not|negation|forward|negated|6|not|-",
                  "neg.without|negation|forward|negated|12|without|-",
                  "hedge.questionable|hedge|forward|possible|8|questionable|-",
                  "hedge.possible|hedge|forward|possible|8|possible|-",
                  "hist.history_of|historical|forward|-|6|history of|-",
                  "hist.prior|historical|forward|-|3|prior|-",
                  "hyp.rule_out|hypothetical|forward|-|8|r/o|\\br/o\\b",
                  "term.semicolon|terminate|-|-|-|;|;",
              });
}

std::string Targets() {
  return "id\tconcept\tliteral\tpattern\n" +
         Rows(
             4,
             {
                 "t.compression|cord_compression|cord compression|"
                 "(?:mildly )?flattens the cord|cord "
                 "(?:compression|flattening)",
                 "t.signal|cord_signal_abnormality|t2 hyperintensity|"
                 "t2 hyperintensity",
                 "t.doc|disc_osteophyte_complex|disc-osteophyte complex|-",
                 "t.stenosis|canal_stenosis|canal stenosis|"
                 "(?:central )?canal stenosis|narrows the canal",
                 "t.stenosis_bare|canal_stenosis|stenosis|-",
                 "t.foraminal|foraminal_stenosis|foraminal narrowing|"
                 "foraminal (?:narrowing|stenosis)",
                 "t.central_and_foraminal|canal_stenosis|central and foraminal|"
                 "central and foraminal stenosis",
                 "t.central_and_foraminal2|foraminal_stenosis|"
                 "central and foraminal|central and (?:foraminal) stenosis",
                 "t.foramina_patent|foraminal_stenosis|foramina are patent|-",
                 "t.myelopathy|myelopathy|myelopathy|-",
                 "t.hoffmann|clinical_myelopathy|hoffmann|-",
                 "t.pacemaker|mri_contraindication|pacemaker|-",
                 "t.intolerance|mri_contraindication|could not tolerate|"
                 "could not tolerate (?:the )?mri",
                 "t.protrusion|disc_herniation|protrusion|-",
                 "trap.mr_conditional|ignore|mr-conditional pacemaker|-",
             });
}

std::string Attributes() {
  return "id\tattribute\tvalue\tliteral\tpattern\n" +
         Rows(5,
              {
                  "sev.mild|severity|mild|mild|\\bmild(?:ly)?\\b",
                  "sev.moderate|severity|moderate|moderate|-",
                  "sev.severe|severity|severe|severe|-",
                  "sev.mild_to_moderate|severity|mild_to_moderate|"
                  "mild to moderate|-",
                  "sev.minimal|severity|minimal|borderline|-",
                  "lat.left|laterality|left|left|-",
                  "lat.right|laterality|right|right|-",
                  "lat.bilateral|laterality|bilateral|bilateral|-",
                  "lat.left_greater|laterality|bilateral|left greater than "
                  "right|-",
                  "pol.patent|polarity|negated|patent|-",
                  "lvl.elsewhere|level_scope|other_levels|elsewhere|-",
                  "pol.could_not|polarity|affirmed|could not tolerate|-",
                  "exam.mri|modality|mri|mri|-",
                  "exam.ct|modality|ct|ct|-",
                  "exam.ctm|modality|ct_myelogram|ct myelogram|-",
                  "exam.cervical|region|cervical|cervical spine|-",
                  "exam.lumbar|region|lumbar|lumbar spine|-",
                  "exam.with|contrast|true|with contrast|-",
                  "exam.without|contrast|false|without contrast|-",
                  "rec.ctm|recommends|ct_myelography|recommend ct myelogram|-",
                  "rec.ct|recommends|ct|recommend ct|-",
                  "rec.cc|recommends|clinical_correlation|clinical "
                  "correlation|-",
                  "rec.fu|recommends|follow_up_imaging|follow-up mri|-",
              });
}

class AssembleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Lexicon lexicon;
    std::vector<std::string> problems;
    ASSERT_OK(
        ParseLexicon(kSections, "sections.tsv", &lexicon.rules, &problems));
    ASSERT_OK(
        ParseLexicon(Modifiers(), "modifiers.tsv", &lexicon.rules, &problems));
    ASSERT_OK(
        ParseLexicon(Targets(), "targets.tsv", &lexicon.rules, &problems));
    ASSERT_OK(ParseLexicon(Attributes(), "attributes.tsv", &lexicon.rules,
                           &problems));
    ASSERT_OK(CompiledLexicon::Create(std::move(lexicon), &lexicon_));
  }

  const FindingsResult& Run(const std::string& text) {
    doc_ = Document::Build(text, lexicon_->text_rules());
    mentions_ = Match(*lexicon_, doc_);
    result_ = AssembleFindings(doc_, *lexicon_, mentions_);
    return result_;
  }

  // The findings of `concept`, in text order.
  std::vector<Finding> Of(const std::string& concept) const {
    std::vector<Finding> out;
    for (const Finding& f : result_.findings) {
      if (f.concept == concept) out.push_back(f);
    }
    return out;
  }

  std::string TextOf(const Finding& f) const {
    return std::string(doc_.OriginalText(f.span));
  }

  std::unique_ptr<CompiledLexicon> lexicon_;
  Document doc_;
  std::vector<Mention> mentions_;
  FindingsResult result_;
};

using Levels = std::vector<std::string>;

TEST_F(AssembleTest, TopicLevelAndAnaphoraAcrossAClause) {
  Run("At C5-C6, a disc-osteophyte complex mildly flattens the cord; there "
      "is questionable T2 hyperintensity in the cord at this level.");
  std::vector<Finding> comp = Of("cord_compression");
  ASSERT_EQ(comp.size(), 1u);
  EXPECT_EQ(comp[0].levels, Levels({"C5-C6"}));
  EXPECT_EQ(comp[0].severity, "mild");
  EXPECT_EQ(comp[0].certainty, Certainty::kDefinite);
  EXPECT_EQ(TextOf(comp[0]), "mildly flattens the cord");
  std::vector<Finding> signal = Of("cord_signal_abnormality");
  ASSERT_EQ(signal.size(), 1u);
  EXPECT_EQ(signal[0].levels, Levels({"C5-C6"}));
  EXPECT_EQ(signal[0].certainty, Certainty::kPossible);
  ASSERT_EQ(Of("disc_osteophyte_complex").size(), 1u);
  EXPECT_EQ(Of("disc_osteophyte_complex")[0].levels, Levels({"C5-C6"}));
}

TEST_F(AssembleTest, LevelListAndNearestEarlierLevel) {
  Run("Mild to moderate canal stenosis at C3-4, C4-5, and C5-6, most "
      "pronounced at C4-5 where there is mild cord flattening.");
  std::vector<Finding> stenosis = Of("canal_stenosis");
  ASSERT_EQ(stenosis.size(), 1u);
  EXPECT_EQ(stenosis[0].levels, Levels({"C3-C4", "C4-C5", "C5-C6"}));
  EXPECT_EQ(stenosis[0].severity, "mild_to_moderate");
  std::vector<Finding> comp = Of("cord_compression");
  ASSERT_EQ(comp.size(), 1u);
  EXPECT_EQ(comp[0].levels, Levels({"C4-C5"}));
  EXPECT_EQ(comp[0].severity, "mild");
}

TEST_F(AssembleTest, EachFindingTakesTheLevelRightAfterIt) {
  Run("Moderate left foraminal narrowing at C5-6 and severe right foraminal "
      "narrowing at C6-7.");
  std::vector<Finding> f = Of("foraminal_stenosis");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].levels, Levels({"C5-C6"}));
  EXPECT_EQ(f[0].severity, "moderate");
  EXPECT_EQ(f[0].laterality, "left");
  EXPECT_EQ(f[1].levels, Levels({"C6-C7"}));
  EXPECT_EQ(f[1].severity, "severe");
  EXPECT_EQ(f[1].laterality, "right");
}

TEST_F(AssembleTest, LevelParagraphHeaderAppliesToItsSentences) {
  Run("FINDINGS:\nC5-6: Moderate canal stenosis. Cord flattening is "
      "present.\nC6-7: Protrusion.");
  ASSERT_EQ(Of("canal_stenosis").size(), 1u);
  EXPECT_EQ(Of("canal_stenosis")[0].levels, Levels({"C5-C6"}));
  EXPECT_EQ(Of("canal_stenosis")[0].section, SectionKind::kFindings);
  ASSERT_EQ(Of("cord_compression").size(), 1u);
  EXPECT_EQ(Of("cord_compression")[0].levels, Levels({"C5-C6"}));
  ASSERT_EQ(Of("disc_herniation").size(), 1u);
  EXPECT_EQ(Of("disc_herniation")[0].levels, Levels({"C6-C7"}));
}

TEST_F(AssembleTest, VertebralLevelsStayVertebrae) {
  Run("T2 hyperintensity in the cord at C4.");
  ASSERT_EQ(Of("cord_signal_abnormality").size(), 1u);
  EXPECT_EQ(Of("cord_signal_abnormality")[0].levels, Levels({"C4"}));
}

TEST_F(AssembleTest, NoLevelWhenTheSentenceNamesNone) {
  Run("FINDINGS: Cord compression.");
  ASSERT_EQ(Of("cord_compression").size(), 1u);
  EXPECT_TRUE(Of("cord_compression")[0].levels.empty());
}

TEST_F(AssembleTest, ComparisonOfLateralityIsBilateral) {
  Run("Foraminal stenosis at C5-6, left greater than right.");
  ASSERT_EQ(Of("foraminal_stenosis").size(), 1u);
  EXPECT_EQ(Of("foraminal_stenosis")[0].laterality, "bilateral");
}

TEST_F(AssembleTest, SeverityBeforeAnotherFindingIsNotBorrowed) {
  Run("Cord compression at C5-6, moderate foraminal narrowing at C6-7.");
  ASSERT_EQ(Of("cord_compression").size(), 1u);
  EXPECT_EQ(Of("cord_compression")[0].severity, "");
  ASSERT_EQ(Of("foraminal_stenosis").size(), 1u);
  EXPECT_EQ(Of("foraminal_stenosis")[0].severity, "moderate");
}

TEST_F(AssembleTest, BorderlineStenosisIsMinimalAndDefinite) {
  Run("Borderline canal stenosis at C4-5.");
  ASSERT_EQ(Of("canal_stenosis").size(), 1u);
  EXPECT_EQ(Of("canal_stenosis")[0].severity, "minimal");
  EXPECT_EQ(Of("canal_stenosis")[0].certainty, Certainty::kDefinite);
}

TEST_F(AssembleTest, MeasurementAfterTheCanal) {
  Run("Ossified ligament narrows the canal to 8 mm at C4.");
  ASSERT_EQ(Of("canal_stenosis").size(), 1u);
  ASSERT_TRUE(Of("canal_stenosis")[0].measurement_mm.has_value());
  EXPECT_DOUBLE_EQ(*Of("canal_stenosis")[0].measurement_mm, 8);
  EXPECT_EQ(Of("canal_stenosis")[0].levels, Levels({"C4"}));
}

TEST_F(AssembleTest, LongestTargetWinsAnOverlap) {
  Run("Central canal stenosis at C5-6.");
  ASSERT_EQ(result_.findings.size(), 1u);
  EXPECT_EQ(TextOf(result_.findings[0]), "Central canal stenosis");
}

TEST_F(AssembleTest, IdenticalSpanKeepsOneFindingPerConcept) {
  Run("Mild central and foraminal stenosis at C6-7.");
  ASSERT_EQ(Of("canal_stenosis").size(), 1u);
  ASSERT_EQ(Of("foraminal_stenosis").size(), 1u);
  EXPECT_EQ(Of("canal_stenosis")[0].span, Of("foraminal_stenosis")[0].span);
  EXPECT_EQ(Of("canal_stenosis")[0].levels, Levels({"C6-C7"}));
  EXPECT_EQ(result_.findings.size(), 2u);  // "stenosis" alone is dropped
}

TEST_F(AssembleTest, IgnoreRuleSuppressesTheTargetItOverlaps) {
  Run("The patient has an MR-conditional pacemaker. A pacemaker is noted.");
  std::vector<Finding> f = Of("mri_contraindication");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(TextOf(f[0]), "pacemaker");
  EXPECT_GT(f[0].span.begin, 40u);  // the second sentence's
}

TEST_F(AssembleTest, AffirmedPolarityKeepsANegativeWordInsideThePhrase) {
  Run("The patient could not tolerate the MRI.");
  ASSERT_EQ(Of("mri_contraindication").size(), 1u);
  EXPECT_EQ(Of("mri_contraindication")[0].certainty, Certainty::kDefinite);
}

TEST_F(AssembleTest, LevelCarriesThroughTheParagraphAndAcrossClauses) {
  Run("FINDINGS: At C4-C5, mild protrusion; moderate foraminal narrowing. "
      "Canal stenosis.\n\nCord compression.");
  ASSERT_EQ(Of("foraminal_stenosis").size(), 1u);
  EXPECT_EQ(Of("foraminal_stenosis")[0].levels, Levels({"C4-C5"}));
  ASSERT_EQ(Of("canal_stenosis").size(), 1u);
  EXPECT_EQ(Of("canal_stenosis")[0].levels, Levels({"C4-C5"}));
  ASSERT_EQ(Of("cord_compression").size(), 1u);
  EXPECT_TRUE(Of("cord_compression")[0].levels.empty());  // new paragraph
}

TEST_F(AssembleTest, LevelsListedBeforeTheFindingAreAllItsLevels) {
  Run("Severe left C5-6 and moderate left C6-7 foraminal narrowing.");
  ASSERT_EQ(Of("foraminal_stenosis").size(), 1u);
  EXPECT_EQ(Of("foraminal_stenosis")[0].levels, Levels({"C5-C6", "C6-C7"}));
  EXPECT_EQ(Of("foraminal_stenosis")[0].laterality, "left");
}

TEST_F(AssembleTest, ElsewhereTakesNoTopicLevel) {
  Run("FINDINGS: At C3-4, severe canal stenosis. Mild canal stenosis "
      "elsewhere.");
  std::vector<Finding> f = Of("canal_stenosis");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].levels, Levels({"C3-C4"}));
  EXPECT_TRUE(f[1].levels.empty());
}

TEST_F(AssembleTest, InlineLevelHeaderNeverAttachesBackwards) {
  Run("FINDINGS: Foraminal narrowing on the left. C5-6: canal stenosis.");
  ASSERT_EQ(Of("foraminal_stenosis").size(), 1u);
  EXPECT_TRUE(Of("foraminal_stenosis")[0].levels.empty());
}

TEST_F(AssembleTest, NegativePolarityPhraseIsNegated) {
  Run("At C4-5 the foramina are patent. No cord compression.");
  ASSERT_EQ(Of("foraminal_stenosis").size(), 1u);
  EXPECT_EQ(Of("foraminal_stenosis")[0].certainty, Certainty::kNegated);
  EXPECT_EQ(Of("foraminal_stenosis")[0].levels, Levels({"C4-C5"}));
  ASSERT_EQ(Of("cord_compression").size(), 1u);
  EXPECT_EQ(Of("cord_compression")[0].certainty, Certainty::kNegated);
}

TEST_F(AssembleTest, HistoryImagingConceptsAreQuestionsButSignsAreFacts) {
  Run("INDICATION: R/O myelopathy. Hoffmann sign. Pacemaker.\n"
      "FINDINGS: No cord compression.");
  ASSERT_EQ(Of("myelopathy").size(), 1u);
  EXPECT_TRUE(Of("myelopathy")[0].hypothetical);
  EXPECT_EQ(Of("myelopathy")[0].section, SectionKind::kHistory);
  ASSERT_EQ(Of("clinical_myelopathy").size(), 1u);
  EXPECT_FALSE(Of("clinical_myelopathy")[0].hypothetical);
  EXPECT_EQ(Of("clinical_myelopathy")[0].certainty, Certainty::kDefinite);
  EXPECT_TRUE(Of("clinical_myelopathy")[0].levels.empty());
  ASSERT_EQ(Of("mri_contraindication").size(), 1u);
  EXPECT_FALSE(Of("mri_contraindication")[0].hypothetical);
  ASSERT_EQ(Of("cord_compression").size(), 1u);
  EXPECT_FALSE(Of("cord_compression")[0].hypothetical);
}

TEST_F(AssembleTest, BareImagingFindingInTheIndicationIsAQuestion) {
  Run("INDICATION: Canal stenosis.\nFINDINGS: Protrusion at C5-6.");
  ASSERT_EQ(Of("canal_stenosis").size(), 1u);
  EXPECT_TRUE(Of("canal_stenosis")[0].hypothetical);
}

TEST_F(AssembleTest, StatedMyelopathyDiagnosisInTheIndicationIsAFact) {
  Run("INDICATION: Cervical myelopathy. Hoffmann sign.\nFINDINGS: "
      "Protrusion.");
  ASSERT_EQ(Of("myelopathy").size(), 1u);
  EXPECT_FALSE(Of("myelopathy")[0].hypothetical);
  EXPECT_EQ(Of("myelopathy")[0].section, SectionKind::kHistory);
}

TEST_F(AssembleTest, KnownHistoryInTheIndicationIsHistoricalNotAQuestion) {
  Run("INDICATION: History of myelopathy.");
  ASSERT_EQ(Of("myelopathy").size(), 1u);
  EXPECT_TRUE(Of("myelopathy")[0].historical);
  EXPECT_FALSE(Of("myelopathy")[0].hypothetical);
}

TEST_F(AssembleTest, FindingsAreInTextOrderWithOriginalSpans) {
  std::string text =
      "FINDINGS:  Protrusion  at C4-5.\r\nCORD COMPRESSION at C5-6.";
  Run(text);
  ASSERT_EQ(result_.findings.size(), 2u);
  EXPECT_EQ(result_.findings[0].concept, "disc_herniation");
  EXPECT_EQ(result_.findings[1].concept, "cord_compression");
  EXPECT_LT(result_.findings[0].span.begin, result_.findings[1].span.begin);
  EXPECT_EQ(TextOf(result_.findings[1]), "CORD COMPRESSION");
  EXPECT_EQ(result_.findings[1].levels, Levels({"C5-C6"}));
  EXPECT_EQ(result_.context.assertions.size(), result_.findings.size());
}

TEST_F(AssembleTest, ReportRecommendsAreDistinctInOrderAndSkipNegated) {
  Run("EXAM: CT myelogram of the cervical spine.\n"
      "IMPRESSION: Recommend CT myelogram. Clinical correlation. Recommend "
      "CT myelogram again. No follow-up MRI.");
  std::vector<std::string> values;
  for (const ReportRecommendation& r : result_.report_recommends) {
    values.push_back(r.value);
  }
  // "recommend ct" is shadowed by the longer "recommend ct myelogram".
  EXPECT_EQ(values, std::vector<std::string>(
                        {"ct_myelography", "clinical_correlation"}));
}

TEST_F(AssembleTest, ExamFactsComeWithTheFindings) {
  Run("EXAM: MRI cervical spine without contrast.\nFINDINGS: Protrusion.");
  EXPECT_EQ(result_.exam.modality, Modality::kMri);
  EXPECT_TRUE(result_.exam.cervical);
  ASSERT_TRUE(result_.exam.contrast.has_value());
  EXPECT_FALSE(*result_.exam.contrast);
  EXPECT_TRUE(result_.exam.applicable);
}

TEST_F(AssembleTest, EmptyReportGivesNothing) {
  Run("");
  EXPECT_TRUE(result_.findings.empty());
  EXPECT_TRUE(result_.report_recommends.empty());
  EXPECT_FALSE(result_.exam.applicable);
}

}  // namespace
}  // namespace myelex
