// Whole-pipeline properties over the shipped lexicons and the corpus:
// spans are original bytes, indices are in range, output is deterministic.
#include "analyzer.h"

#include <string>
#include <vector>

#include "base/file.h"
#include "gtest/gtest.h"
#include "output/jsonl_writer.h"
#include "testing/test_util.h"

namespace myelex {
namespace {

class AnalyzerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    AnalyzerOptions options;
    options.lexicon_dir = testing::SourcePath("lexicons");
    Status s = Analyzer::Create(options, &analyzer_);
    ASSERT_TRUE(s.ok()) << s.ToString();
    ASSERT_OK(ListFiles(testing::SourcePath("corpus"), ".txt", &reports_));
  }
  static void TearDownTestSuite() { analyzer_.reset(); }

  static std::string Read(const std::string& path) {
    std::string text;
    EXPECT_OK(ReadFileToString(path, &text));
    return text;
  }

  static std::unique_ptr<Analyzer> analyzer_;
  static std::vector<std::string> reports_;
};

std::unique_ptr<Analyzer> AnalyzerTest::analyzer_;
std::vector<std::string> AnalyzerTest::reports_;

TEST_F(AnalyzerTest, CreateFailsOnAMissingLexiconDirectory) {
  AnalyzerOptions options;
  options.lexicon_dir = testing::SourcePath("no/such/lexicons");
  std::unique_ptr<Analyzer> a;
  EXPECT_FALSE(Analyzer::Create(options, &a).ok());
  EXPECT_EQ(a, nullptr);
}

TEST_F(AnalyzerTest, EveryCorpusSpanIsOriginalBytesAndEveryIndexInRange) {
  ASSERT_GT(reports_.size(), 10u);
  size_t findings = 0;
  for (const std::string& path : reports_) {
    SCOPED_TRACE(path);
    const std::string text = Read(path);
    Analysis a = analyzer_->Analyze(path, text);
    EXPECT_EQ(a.document.original(), text);
    for (const Finding& f : a.findings) {
      ++findings;
      ASSERT_LE(f.span.begin, f.span.end);
      ASSERT_LE(f.span.end, text.size());
      EXPECT_FALSE(f.span.empty()) << f.concept;
      ASSERT_GE(f.rule, 0);
      ASSERT_LT(f.rule, static_cast<int>(analyzer_->lexicon().rules().size()));
      ASSERT_GE(f.sentence, 0);
      ASSERT_LT(f.sentence, static_cast<int>(a.document.sentences().size()));
      for (int c : f.cues) {
        ASSERT_GE(c, 0);
        ASSERT_LT(c, static_cast<int>(a.context.cues.size()));
      }
    }
    for (const Cue& c : a.context.cues) {
      ASSERT_GE(c.mention, 0);
      ASSERT_LT(c.mention, static_cast<int>(a.mentions.size()));
      const Span s = a.mentions[c.mention].span;
      ASSERT_LE(s.end, text.size());
    }
    for (const Reason& r : a.decision.reasons) {
      EXPECT_FALSE(r.rule.empty());
      EXPECT_FALSE(r.text.empty());
      EXPECT_FALSE(r.citation.empty()) << r.rule;
      for (int i : r.findings) {
        ASSERT_GE(i, 0);
        ASSERT_LT(i, static_cast<int>(a.findings.size())) << r.rule;
      }
    }
    EXPECT_FALSE(a.decision.reasons.empty())
        << "every decision explains itself";
  }
  EXPECT_GT(findings, reports_.size()) << "the corpus should yield findings";
}

TEST_F(AnalyzerTest, SameInputGivesByteIdenticalOutput) {
  WriteOptions options;
  options.emit_cues = true;
  options.lexicon = &analyzer_->lexicon();
  for (const std::string& path : reports_) {
    const std::string text = Read(path);
    std::string first, second;
    AppendJsonl(analyzer_->Analyze(path, text), options, &first);
    AppendJsonl(analyzer_->Analyze(path, text), options, &second);
    ASSERT_EQ(first, second) << path;
  }
}

TEST_F(AnalyzerTest, EmptyAndWhitespaceReportsAreNotApplicableAndExplained) {
  for (const char* text : {"", "   \n\n\t ", "\xEF\xBB\xBF"}) {
    Analysis a = analyzer_->Analyze("x", text);
    EXPECT_TRUE(a.findings.empty());
    EXPECT_FALSE(a.exam.applicable);
    EXPECT_EQ(a.decision.recommendation, Recommendation::kNone);
    EXPECT_FALSE(a.decision.reasons.empty());
  }
}

TEST_F(AnalyzerTest, InvalidUtf8IsAnalyzedWithAWarningNamingTheOffset) {
  std::string text =
      "MRI CERVICAL SPINE\nFINDINGS: Possible cord compression at C5-6. "
      "\xFF\xFE end.";
  Analysis a = analyzer_->Analyze("bad", text);
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_EQ(a.warnings[0].code, "invalid_utf8");
  const std::string offset = std::to_string(text.find('\xFF'));
  EXPECT_NE(a.warnings[0].message.find(offset), std::string::npos);
  EXPECT_EQ(a.warnings[0].message.find("cord"), std::string::npos)
      << "warnings never quote report text";
}

}  // namespace
}  // namespace myelex
