#include "text/sectionizer.h"

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "testing/test_util.h"
#include "text/normalizer.h"

namespace myelex {
namespace {

// A small rule set written inline (unit tests never load lexicons/).
std::vector<SectionRule> TestRules() {
  return {
      {"section.exam", SectionKind::kExam, "exam(?:ination)?|procedure"},
      {"section.history", SectionKind::kHistory,
       "(clinical )?history|indications?|reason for exam"},
      {"section.technique", SectionKind::kTechnique, "technique"},
      {"section.comparison", SectionKind::kComparison, "comparisons?"},
      {"section.findings", SectionKind::kFindings, "findings"},
      {"section.impression", SectionKind::kImpression,
       "impressions?|conclusions?"},
      {"section.signed", SectionKind::kOther, "electronically signed[^\\n:]*"},
  };
}

class SectionizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK(SectionHeaderMatcher::Create(TestRules(), &matcher_));
  }

  // Renders the sections of `original` as "kind|header|body", the body
  // trimmed of spaces, newlines and commas.
  std::vector<std::string> Render(const std::string& original) {
    const std::string text = Normalize(original).text;
    std::vector<std::string> out;
    for (const Section& s : FindSections(text, *matcher_)) {
      std::string body = text.substr(s.body.begin, s.body.size());
      const size_t b = body.find_first_not_of(" \n,");
      const size_t e = body.find_last_not_of(" \n,");
      body = b == std::string::npos ? "" : body.substr(b, e - b + 1);
      out.push_back(std::string(ToString(s.kind)) + "|" +
                    text.substr(s.header.begin, s.header.size()) + "|" + body);
    }
    return out;
  }

  std::unique_ptr<SectionHeaderMatcher> matcher_;
};

using Strings = std::vector<std::string>;

TEST_F(SectionizerTest, FindsHeadersTable) {
  struct Case {
    const char* name;
    const char* input;
    Strings want;
  };
  const Case kCases[] = {
      {"colon headers at line starts",
       "EXAM: MRI C-SPINE\nHISTORY: neck pain\nFINDINGS: At C4-5, mild "
       "bulge.\nIMPRESSION: Mild.",
       {"exam|exam|mri c-spine", "history|history|neck pain",
        "findings|findings|at c4-5, mild bulge.",
        "impression|impression|mild."}},
      {"header alone on its line",
       "FINDINGS\nNormal cord.\n\nIMPRESSION  \nNo stenosis.",
       {"findings|findings|normal cord.",
        "impression|impression|no stenosis."}},
      {"leading spaces and space before colon",
       "   Impression : mild stenosis",
       {"impression|impression|mild stenosis"}},
      {"longest label wins through the colon",
       "Clinical history: r/o myelopathy",
       {"history|clinical history|r/o myelopathy"}},
      {"prose is not a header",
       "History of neck pain.\nNo acute findings: see below.\nFindings of "
       "stenosis.",
       {"none||history of neck pain.\nno acute findings: see below.\nfindings "
        "of stenosis."}},
      {"scraped commas",
       "EXAM: MRI C-SPINE,CLINICAL HISTORY: neck pain,FINDINGS:,At C4-5, broad "
       "based disc bulge.,IMPRESSION: mild",
       {"exam|exam|mri c-spine", "history|clinical history|neck pain",
        "findings|findings|at c4-5, broad based disc bulge.",
        "impression|impression|mild"}},
      {"comma without colon is prose",
       "FINDINGS: disc bulge, findings are mild",
       {"findings|findings|disc bulge, findings are mild"}},
      {"header after a sentence end",
       "Normal alignment. IMPRESSION: Mild stenosis.",
       {"none||normal alignment.", "impression|impression|mild stenosis."}},
      {"title before the first header",
       "MRI CERVICAL SPINE\nFINDINGS: normal",
       {"none||mri cervical spine", "findings|findings|normal"}},
      {"whitespace before the first header is not a section",
       "\n\n  FINDINGS: normal",
       {"findings|findings|normal"}},
      {"no header", "Just some text.", {"none||just some text."}},
      {"empty text", "", {"none||"}},
      {"empty bodies are kept",
       "FINDINGS:\nIMPRESSION: x",
       {"findings|findings|", "impression|impression|x"}},
      {"label running to the line end",
       "IMPRESSION: mild.\nElectronically signed by Dr. X on 1/2/2024\n",
       {"impression|impression|mild.",
        "other|electronically signed by dr. x on 1/2/2024|"}},
      {"crlf line ends",
       "FINDINGS:\r\nnormal\r\nIMPRESSION:\r\nnone",
       {"findings|findings|normal", "impression|impression|none"}},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Render(c.input), c.want);
  }
}

// A history section must not swallow a report body that has no header of
// its own: the rest becomes an unlabelled findings section ("findings||").
TEST_F(SectionizerTest, HistoryEndsWhereAnUnlabelledBodyBegins) {
  struct Case {
    const char* name;
    const char* input;
    Strings want;
  };
  const Case kCases[] = {
      {"one-line history ending a sentence, no findings header",
       "INDICATION: arm pain.\nMild bulge at C4-5.\nIMPRESSION: bulge.",
       {"history|indication|arm pain.", "findings||mild bulge at c4-5.",
        "impression|impression|bulge."}},
      {"a hard-wrapped history line goes on",
       "INDICATION: arm pain and numbness in\nboth hands\nIMPRESSION: x",
       {"history|indication|arm pain and numbness in\nboth hands",
        "impression|impression|x"}},
      {"blank line after the history text",
       "HISTORY:\nArm pain\n\nThe canal is patent.",
       {"history|history|arm pain", "findings||the canal is patent."}},
      {"rule line after the history text",
       "Reason for exam: r/o stenosis\n-------\nMild disc bulges.",
       {"history|reason for exam|r/o stenosis\n-------",
        "findings||mild disc bulges."}},
      {"a level label opens the body even before a findings header",
       "HISTORY: numb hands\nC6-7: small protrusion.\nFINDINGS: see above",
       {"history|history|numb hands", "findings||c6-7: small protrusion.",
        "findings|findings|see above"}},
      {"with a findings header later, the history keeps its lines",
       "HISTORY: Arm pain.\nEvaluate for stenosis.\n\nFINDINGS: normal",
       {"history|history|arm pain.\nevaluate for stenosis.",
        "findings|findings|normal"}},
      {"a blank line right after the header is not the end",
       "HISTORY:\n\nArm pain.",
       {"history|history|arm pain."}},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Render(c.input), c.want);
  }
}

TEST_F(SectionizerTest, RecordsRuleIndexAndSpans) {
  const std::string text = "findings: a\nimpression:\nb";
  std::vector<Section> s = FindSections(text, *matcher_);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].rule, 4);
  EXPECT_EQ(s[0].header, NormSpan(0, 8));
  EXPECT_EQ(s[0].body, NormSpan(9, 12));
  EXPECT_EQ(s[1].rule, 5);
  EXPECT_EQ(s[1].header, NormSpan(12, 22));
  EXPECT_EQ(s[1].body, NormSpan(23, 25));
}

TEST_F(SectionizerTest, MatchAtRequiresColonWhenAsked) {
  HeaderMatch m;
  EXPECT_TRUE(matcher_->MatchAt("findings\nx", 0, false, &m));
  EXPECT_FALSE(m.colon);
  EXPECT_EQ(m.body_begin, 8u);
  EXPECT_FALSE(matcher_->MatchAt("findings\nx", 0, true, &m));
  EXPECT_TRUE(matcher_->MatchAt("x,findings: y", 2, true, &m));
  EXPECT_TRUE(m.colon);
  EXPECT_EQ(m.kind, SectionKind::kFindings);
  EXPECT_EQ(m.label, NormSpan(2, 10));
  EXPECT_EQ(m.body_begin, 11u);
  EXPECT_FALSE(matcher_->MatchAt("findingsx: y", 0, false, &m));
}

TEST(SectionHeaderMatcher, RejectsBadPatternsNamingTheRule) {
  std::unique_ptr<SectionHeaderMatcher> m;
  Status s = SectionHeaderMatcher::Create(
      {{"section.bad", SectionKind::kFindings, "find(ings"}}, &m);
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_NE(s.ToString().find("section.bad"), std::string::npos);
  s = SectionHeaderMatcher::Create(
      {{"section.empty", SectionKind::kFindings, "x*"}}, &m);
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_NE(s.ToString().find("section.empty"), std::string::npos);
}

TEST(SectionHeaderMatcher, ManyRulesWithGroupsMapToTheRightRule) {
  // More capture groups than the matcher keeps on the stack, and groups
  // inside the patterns shifting every later rule's group index.
  std::vector<SectionRule> rules;
  for (int i = 0; i < 40; ++i) {
    rules.push_back({"section.r" + std::to_string(i), SectionKind::kOther,
                     "(la)(bel)" + std::to_string(i)});
  }
  rules[39].kind = SectionKind::kAddendum;
  std::unique_ptr<SectionHeaderMatcher> m;
  ASSERT_OK(SectionHeaderMatcher::Create(rules, &m));
  HeaderMatch h;
  ASSERT_TRUE(m->MatchAt("label39: x", 0, true, &h));
  EXPECT_EQ(h.rule, 39);
  EXPECT_EQ(h.kind, SectionKind::kAddendum);
  EXPECT_EQ(h.label, NormSpan(0, 7));
  ASSERT_TRUE(m->MatchAt("label7\n", 0, false, &h));
  EXPECT_EQ(h.rule, 7);
}

TEST(SectionHeaderMatcher, NoRulesFindsNoHeaders) {
  std::unique_ptr<SectionHeaderMatcher> m;
  ASSERT_OK(SectionHeaderMatcher::Create({}, &m));
  std::vector<Section> s = FindSections("findings: x", *m);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].kind, SectionKind::kNone);
}

}  // namespace
}  // namespace myelex
