// ReadExamFacts over a tiny inline lexicon: modality, cervical region,
// contrast, applicability, and which sections may describe the exam.
#include "findings/exam.h"

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

const char kLexicon[] =
    "id\tsection\tliteral\tpattern\n"
    "section.exam\texam\texam\texam\n"
    "section.history\thistory\tindication\tindication\n"
    "section.technique\ttechnique\ttechnique\ttechnique\n"
    "section.comparison\tcomparison\tcomparison\tcomparison\n"
    "section.findings\tfindings\tfindings\tfindings\n"
    "section.impression\timpression\timpression\timpression\n";

const char kAttributes[] =
    "id\tattribute\tvalue\tliteral\tpattern\n"
    "m.mri\tmodality\tmri\tmri\t\\b(?:mri|mr)\\b\n"
    "m.ct\tmodality\tct\tct\t-\n"
    "m.ctm\tmodality\tct_myelogram\tct myelogram\t\\bct myelogram\\b|"
    "\\bmyelogram\\b\n"
    "m.xr\tmodality\tradiograph\tradiographs\t\\b(?:radiographs?|xr)\\b\n"
    "r.cervical\tregion\tcervical\tcervical\t\\b(?:cervical|c-spine)\\b\n"
    "r.lumbar\tregion\tlumbar\tlumbar\t-\n"
    "r.brain\tregion\tbrain\tbrain\t-\n"
    "c.with\tcontrast\ttrue\twith and without contrast\t"
    "\\b(?:with and without|with) contrast\\b|\\bgadolinium\\b\n"
    "c.without\tcontrast\tfalse\twithout contrast\t"
    "\\bwithout contrast\\b|\\bw/o\\b\n"
    "c.enh\tcontrast_evidence\ttrue\tenhancement\t\\benhanc(?:ement|ing)\\b\n";

class ExamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Lexicon lexicon;
    std::vector<std::string> problems;
    ASSERT_OK(
        ParseLexicon(kLexicon, "sections.tsv", &lexicon.rules, &problems));
    ASSERT_OK(
        ParseLexicon(kAttributes, "attributes.tsv", &lexicon.rules, &problems));
    ASSERT_OK(CompiledLexicon::Create(std::move(lexicon), &lexicon_));
  }

  ExamFacts Read(const std::string& text) {
    doc_ = Document::Build(text, lexicon_->text_rules());
    return ReadExamFacts(doc_, *lexicon_, Match(*lexicon_, doc_));
  }

  std::unique_ptr<CompiledLexicon> lexicon_;
  Document doc_;
};

TEST_F(ExamTest, CervicalMriWithoutContrast) {
  ExamFacts e = Read("EXAM: MRI C-SPINE W/O\nFINDINGS: Normal.");
  EXPECT_EQ(e.modality, Modality::kMri);
  EXPECT_TRUE(e.cervical);
  ASSERT_TRUE(e.contrast.has_value());
  EXPECT_FALSE(*e.contrast);
  EXPECT_TRUE(e.applicable);
  EXPECT_TRUE(e.not_applicable_reason.empty());
  ASSERT_FALSE(e.evidence.empty());
  EXPECT_EQ(doc_.OriginalText(e.evidence[0]), "MRI");
}

TEST_F(ExamTest, WithAndWithoutContrastIsContrast) {
  ExamFacts e = Read("EXAM: MRI cervical spine with and without contrast.");
  ASSERT_TRUE(e.contrast.has_value());
  EXPECT_TRUE(*e.contrast);
}

TEST_F(ExamTest, ContrastIsUnknownWhenNotStated) {
  ExamFacts e = Read("EXAM: MRI cervical spine.\nFINDINGS: Disc bulge.");
  EXPECT_FALSE(e.contrast.has_value());
}

TEST_F(ExamTest, EnhancementInTheFindingsImpliesContrast) {
  ExamFacts e = Read(
      "EXAM: MRI cervical spine.\nFINDINGS: No abnormal "
      "enhancement.");
  ASSERT_TRUE(e.contrast.has_value());
  EXPECT_TRUE(*e.contrast);
}

TEST_F(ExamTest, CtMyelogramIsItsOwnModality) {
  ExamFacts e = Read("EXAM: CT MYELOGRAM CERVICAL SPINE\nFINDINGS: Stenosis.");
  EXPECT_EQ(e.modality, Modality::kCtMyelogram);
  EXPECT_TRUE(e.applicable);
}

TEST_F(ExamTest, MyelogramAnywhereInTheExamLineMakesACtMyelogram) {
  ExamFacts e = Read("EXAM: CT cervical spine post myelogram.");
  EXPECT_EQ(e.modality, Modality::kCtMyelogram);
}

TEST_F(ExamTest, PlainCtIsApplicable) {
  ExamFacts e = Read("EXAM: CT cervical spine without contrast.");
  EXPECT_EQ(e.modality, Modality::kCt);
  EXPECT_TRUE(e.applicable);
}

TEST_F(ExamTest, PriorMriInComparisonAndHistoryIsNotTheExam) {
  ExamFacts e = Read(
      "INDICATION: Abnormal MRI of the cervical spine.\n"
      "COMPARISON: MRI 2019.\n"
      "EXAM: CT cervical spine.\n");
  EXPECT_EQ(e.modality, Modality::kCt);
}

TEST_F(ExamTest, LumbarStudyIsNotApplicable) {
  ExamFacts e = Read("EXAM: MRI lumbar spine.\nFINDINGS: L4-5 protrusion.");
  EXPECT_EQ(e.modality, Modality::kMri);
  EXPECT_FALSE(e.cervical);
  EXPECT_FALSE(e.applicable);
  EXPECT_NE(e.not_applicable_reason.find("lumbar"), std::string::npos);
}

TEST_F(ExamTest, BrainStudyIsNotApplicable) {
  ExamFacts e = Read("EXAM: MRI brain with contrast.");
  EXPECT_FALSE(e.cervical);
  EXPECT_FALSE(e.applicable);
}

TEST_F(ExamTest, RadiographsAreNotApplicable) {
  ExamFacts e = Read("EXAM: XR cervical spine 2 views.");
  EXPECT_EQ(e.modality, Modality::kRadiograph);
  EXPECT_TRUE(e.cervical);
  EXPECT_FALSE(e.applicable);
  EXPECT_NE(e.not_applicable_reason.find("radiograph"), std::string::npos);
}

TEST_F(ExamTest, FirstLinesStandInForAMissingExamSection) {
  ExamFacts e = Read("MRI CERVICAL SPINE\n\nINDICATION: Neck pain.");
  EXPECT_EQ(e.modality, Modality::kMri);
  EXPECT_TRUE(e.applicable);
}

TEST_F(ExamTest, TechniqueDescribesTheExamWhenNothingElseDoes) {
  ExamFacts e = Read(
      "INDICATION: Neck pain.\nTECHNIQUE: Sagittal and axial MR images of "
      "the cervical spine with gadolinium.\nFINDINGS: Normal.");
  EXPECT_EQ(e.modality, Modality::kMri);
  EXPECT_TRUE(e.cervical);
  ASSERT_TRUE(e.contrast.has_value());
  EXPECT_TRUE(*e.contrast);
}

TEST_F(ExamTest, UnknownModalityAboutTheCervicalSpineIsApplicable) {
  ExamFacts e = Read("FINDINGS:\nC4-5: Disc bulge.\nC5-6: Protrusion.");
  EXPECT_EQ(e.modality, Modality::kUnknown);
  EXPECT_TRUE(e.cervical);
  EXPECT_TRUE(e.applicable);
}

TEST_F(ExamTest, UnknownModalityAboutTheLumbarSpineIsNot) {
  ExamFacts e = Read("FINDINGS:\nL4-5: Disc bulge.\nL5-S1: Protrusion.");
  EXPECT_FALSE(e.cervical);
  EXPECT_FALSE(e.applicable);
}

}  // namespace
}  // namespace myelex
