#include "output/explain_writer.h"

#include <memory>
#include <string>
#include <string_view>

#include "gtest/gtest.h"
#include "output/output_test_util.h"

namespace myelex {
namespace {

using output_testing::AnalysisBuilder;
using output_testing::Find;
using output_testing::StandardAnalysis;
using output_testing::TestLexicon;

bool Contains(const std::string& s, std::string_view needle) {
  return s.find(needle) != std::string::npos;
}

class ExplainWriterTest : public ::testing::Test {
 protected:
  void SetUp() override { lexicon_ = TestLexicon(); }
  std::string Explain(const Analysis& a, bool color = false) {
    std::string out;
    AppendExplain(a, *lexicon_, color, &out);
    return out;
  }
  std::unique_ptr<CompiledLexicon> lexicon_;
};

TEST_F(ExplainWriterTest, MarksFindingsCuesAndScopesInTheText) {
  const std::string out = Explain(StandardAnalysis(*lexicon_));
  EXPECT_TRUE(Contains(out,
                       "FINDINGS: The disc {hedge.may: may} <hedge.may: "
                       "[cord_compression|possible: indent the cord] at "
                       "C4-5>.\n"))
      << out;
  EXPECT_TRUE(Contains(out,
                       "IMPRESSION: {neg.no: No} <neg.no: "
                       "[cord_signal_abnormality|negated: cord signal "
                       "abnormality]>.\n"))
      << out;
  EXPECT_FALSE(Contains(out, "\x1b"));
}

TEST_F(ExplainWriterTest, ListsFindingsWithAttributesAndCues) {
  Analysis a = StandardAnalysis(*lexicon_);
  a.findings[1].historical = true;
  a.findings[1].experiencer = Experiencer::kOther;
  const std::string out = Explain(a);
  EXPECT_TRUE(Contains(out, "Findings (2)\n")) << out;
  EXPECT_TRUE(Contains(out,
                       "  #0 cord_compression possible\n"
                       "     section findings; levels C4-C5; severity "
                       "mild; laterality -\n"
                       "     text [23,38) \"indent the cord\" rule "
                       "cord.indent\n"
                       "     cues hedge.may\n"))
      << out;
  EXPECT_TRUE(Contains(out,
                       "  #1 cord_signal_abnormality negated historical "
                       "experiencer=other\n"
                       "     section impression; levels -; severity -; "
                       "laterality left; measurement 7.5 mm\n"))
      << out;
}

TEST_F(ExplainWriterTest, ShowsExamDecisionAndReasonsWithEvidence) {
  const std::string out = Explain(StandardAnalysis(*lexicon_));
  EXPECT_TRUE(Contains(out,
                       "  modality mri; cervical true; contrast not "
                       "stated; applicable true\n"))
      << out;
  EXPECT_TRUE(Contains(out,
                       "  recommendation ct_myelography\n"
                       "  equivocal true; dwi false; surgical_referral "
                       "false\n"
                       "  concordance silent; pitfall false\n"))
      << out;
  EXPECT_TRUE(Contains(out,
                       "  R5: Equivocal cord finding on MRI.\n"
                       "      citation: ACR 2021\n"
                       "      evidence #0 cord_compression|possible "
                       "[23,38) \"indent the cord\"\n"))
      << out;
  EXPECT_TRUE(Contains(
      out, "  report recommends clinical_correlation, ct_myelography\n"));
}

TEST_F(ExplainWriterTest, CrossingSpansStayBalanced) {
  AnalysisBuilder b(*lexicon_, "x", "may indent the cord signal abnormality");
  const std::string& t = b.text();
  // The scope nests inside the first finding; the two findings cross, so
  // the second is closed and reopened where the first ends.
  b.AddCue("hedge.may", Find(t, "may"), Find(t, "indent the"));
  b.AddFinding("cord.indent", Span(4, 26), Certainty::kPossible,
               SectionKind::kFindings);
  b.AddFinding("cord.signal", Find(t, "cord signal abnormality"),
               Certainty::kDefinite, SectionKind::kFindings);
  const std::string out = Explain(b.analysis());
  const std::string line = out.substr(out.find("{hedge.may"));
  const std::string text_line = line.substr(0, line.find('\n'));
  EXPECT_EQ(text_line,
            "{hedge.may: may} [cord_compression|possible: <hedge.may: indent "
            "the> [cord_signal_abnormality|definite: cord signal]]"
            "[cord_signal_abnormality|definite:  abnormality]");
}

TEST_F(ExplainWriterTest, ScopesAreShownWithoutEdgeWhitespace) {
  AnalysisBuilder b(*lexicon_, "w", "may  indent the cord \n");
  const std::string& t = b.text();
  // The scope as ConText may give it: from the cue's end to the line end.
  b.AddCue("hedge.may", Find(t, "may"),
           Span(3, static_cast<uint32_t>(t.size())));
  const std::string out = Explain(b.analysis());
  EXPECT_TRUE(
      Contains(out, "{hedge.may: may}  <hedge.may: indent the cord> \n"))
      << out;
}

TEST_F(ExplainWriterTest, ColorModeUsesAnsiAndNeutralizesReportEscapes) {
  AnalysisBuilder b(*lexicon_, "c", "indent the cord \x1b[31mred\x1b[0m");
  b.AddFinding("cord.indent", Find(b.text(), "indent the cord"),
               Certainty::kPossible, SectionKind::kFindings);
  const std::string plain = Explain(b.analysis(), false);
  EXPECT_FALSE(Contains(plain, "\x1b"));
  EXPECT_TRUE(Contains(plain, "\xEF\xBF\xBD[31mred"));
  const std::string color = Explain(b.analysis(), true);
  EXPECT_TRUE(Contains(color, "\x1b[1;33m[cord_compression|possible: "));
  EXPECT_FALSE(Contains(color, "\x1b[31mred"));
}

TEST_F(ExplainWriterTest, BlockedCueIsLabelled) {
  AnalysisBuilder b(*lexicon_, "b", "no change in the cord");
  b.AddCue("neg.no", Find(b.text(), "no"), Span(), /*blocked=*/true);
  const std::string out = Explain(b.analysis());
  EXPECT_TRUE(Contains(out, "{neg.no (blocked): no} change")) << out;
}

TEST_F(ExplainWriterTest, ShowsWarningsAndNotApplicableReason) {
  Analysis a = StandardAnalysis(*lexicon_);
  a.exam.applicable = false;
  a.exam.not_applicable_reason = "lumbar spine study";
  a.warnings.push_back({"invalid_utf8", "invalid UTF-8 at byte offset 4"});
  const std::string out = Explain(a);
  EXPECT_TRUE(Contains(out, "applicable false (\"lumbar spine study\")"));
  EXPECT_TRUE(Contains(out,
                       "Warnings\n  invalid_utf8: invalid UTF-8 at byte "
                       "offset 4\n"));
}

TEST_F(ExplainWriterTest, IsDeterministic) {
  const Analysis a = StandardAnalysis(*lexicon_);
  EXPECT_EQ(Explain(a, true), Explain(a, true));
  EXPECT_EQ(Explain(a), Explain(a));
}

}  // namespace
}  // namespace myelex
