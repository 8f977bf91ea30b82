#include "match/matcher.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "gtest/gtest.h"
#include "lexicon/lexicon_parser.h"
#include "testing/test_util.h"
#include "text/normalizer.h"

namespace myelex {
namespace {

// A small lexicon of each matchable kind plus a section rule and an
// abbreviation (which must never produce mentions).
const char kTargets[] =
    "id\tconcept\tliteral\tpattern\n"
    "cord.compression\tcord_compression\tcord compression\t-\n"
    "cord.signal\tcord_signal_abnormality\t-\t(t2|stir) "
    "(hyperintensity|signal)\n"
    "canal.stenosis\tcanal_stenosis\t-\t(canal )?stenosis\n";
const char kModifiers[] =
    "id\tcategory\tdirection\tcertainty\tscope\tliteral\tpattern\n"
    "neg.no_evidence_of\tnegation\tforward\tnegated\tsentence\t"
    "no evidence of\t-\n"
    "neg.no\tnegation\tforward\tnegated\t6\tno\t-\n"
    "hedge.possible\thedge\tforward\tpossible\t6\t-\tpossibl[ey]\n";
const char kOther[] =
    "id\tattribute\tvalue\tliteral\tpattern\n"
    "severity.severe\tseverity\tsevere\tsevere\t-\n"
    "abbr.vs\tabbreviation\t-\tvs.\t-\n";
const char kSections[] =
    "id\tsection\tliteral\tpattern\n"
    "section.impression\timpression\timpression\t-\n";

class MatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Lexicon lexicon;
    std::vector<std::string> problems;
    for (const char* text : {kTargets, kModifiers, kOther, kSections}) {
      ASSERT_OK(ParseLexicon(text, "test", &lexicon.rules, &problems));
    }
    ASSERT_OK(CompiledLexicon::Create(std::move(lexicon), &lexicon_));
  }

  Document Build(const std::string& text) const {
    return Document::Build(text, lexicon_->text_rules());
  }

  // "rule.id:original text" for each mention, in order.
  std::vector<std::string> Describe(const Document& doc,
                                    const std::vector<Mention>& mentions) {
    std::vector<std::string> out;
    for (const Mention& m : mentions) {
      out.push_back(lexicon_->rule(m.rule).id + ":" +
                    std::string(doc.OriginalText(m.span)));
    }
    return out;
  }

  std::unique_ptr<CompiledLexicon> lexicon_;
};

TEST_F(MatcherTest, FindsTargetsModifiersAndAttributesInTextOrder) {
  Document doc = Build("no evidence of severe cord compression or stenosis");
  std::vector<Mention> mentions = Match(*lexicon_, doc);
  EXPECT_EQ(Describe(doc, mentions),
            (std::vector<std::string>{
                "neg.no:no",  // same begin, shorter end first
                "neg.no_evidence_of:no evidence of",
                "severity.severe:severe",
                "cord.compression:cord compression",
                "canal.stenosis:stenosis",
            }));
  ASSERT_EQ(mentions.size(), 5u);
  EXPECT_EQ(mentions[3].norm, NormSpan(22, 38));
  EXPECT_EQ(mentions[3].span, Span(22, 38));
  EXPECT_EQ(mentions[3].sentence, 0);
}

TEST_F(MatcherTest, SortsMentionsWithTheSameSpanByRule) {
  Lexicon lexicon;
  std::vector<std::string> problems;
  ASSERT_OK(
      ParseLexicon("id\tconcept\tliteral\tpattern\n"
                   "b.second\tx\tcord\t-\n"
                   "a.first\ty\t-\tcord\n",
                   "test", &lexicon.rules, &problems));
  std::unique_ptr<CompiledLexicon> compiled;
  ASSERT_OK(CompiledLexicon::Create(std::move(lexicon), &compiled));
  Document doc = Document::Build("the cord", compiled->text_rules());
  std::vector<Mention> mentions = Match(*compiled, doc);
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[0].rule, 0);
  EXPECT_EQ(mentions[1].rule, 1);
  EXPECT_EQ(mentions[0].norm, mentions[1].norm);
}

TEST_F(MatcherTest, SectionRulesAndAbbreviationsProduceNoMentions) {
  Document doc = Build("impression vs. impression");
  EXPECT_TRUE(Match(*lexicon_, doc).empty());
  EXPECT_TRUE(MatchBruteForce(*lexicon_, doc).empty());
}

TEST_F(MatcherTest, EmptyDocumentHasNoMentions) {
  Document doc = Build("");
  EXPECT_TRUE(Match(*lexicon_, doc).empty());
}

TEST_F(MatcherTest, SpanIsTheOriginalBytesOfTheNormalizedMatch) {
  // "There  is" changes under normalization (case, spaces), so normalized
  // and original offsets differ once the text layer folds them.
  Document doc = Build("There  is t2 hyperintensity.");
  std::vector<Mention> mentions = Match(*lexicon_, doc);
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].span, doc.ToOriginal(mentions[0].norm));
  EXPECT_EQ(doc.OriginalText(mentions[0].span), "t2 hyperintensity");
  EXPECT_EQ(doc.Text(mentions[0].norm), "t2 hyperintensity");
}

TEST_F(MatcherTest, MatchesCasefoldedTextAgainstLiteralsOfAnyCase) {
  if (Normalize("A").text != "a") {
    GTEST_SKIP() << "the normalizer does not casefold yet";
  }
  Document doc = Build("CORD  COMPRESSION and Possible STIR Signal.");
  std::vector<Mention> mentions = Match(*lexicon_, doc);
  EXPECT_EQ(Describe(doc, mentions),
            (std::vector<std::string>{"cord.compression:CORD  COMPRESSION",
                                      "hedge.possible:Possible",
                                      "cord.signal:STIR Signal"}));
}

// Whatever the sentence splitter does, each mention lies inside its
// sentence, the order is (sentence, begin, end, rule), and both matchers
// agree.
TEST_F(MatcherTest, MentionsStayInsideTheirSentenceInOrder) {
  Document doc = Build(
      "IMPRESSION: no cord compression. possible t2 signal at c5-6, vs. "
      "stenosis.\nno evidence of severe stenosis; no cord compression.");
  std::vector<Mention> mentions = Match(*lexicon_, doc);
  EXPECT_EQ(mentions.size(), 11u);
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    SCOPED_TRACE(m.DebugString());
    ASSERT_GE(m.sentence, 0);
    ASSERT_LT(m.sentence, static_cast<int>(doc.sentences().size()));
    EXPECT_TRUE(doc.sentences()[m.sentence].span.Contains(m.norm));
    EXPECT_EQ(m.span, doc.ToOriginal(m.norm));
    if (i > 0) {
      const Mention& p = mentions[i - 1];
      EXPECT_LT(std::tie(p.sentence, p.norm.begin, p.norm.end, p.rule),
                std::tie(m.sentence, m.norm.begin, m.norm.end, m.rule));
    }
  }
  EXPECT_EQ(mentions, MatchBruteForce(*lexicon_, doc));
}

TEST(Mention, DebugStringNamesEveryField) {
  Mention m;
  m.rule = 3;
  m.norm = NormSpan(5, 9);
  m.span = Span(6, 11);
  m.sentence = 2;
  EXPECT_EQ(m.DebugString(),
            "Mention{rule=3 sentence=2 norm=[5,9) span=[6,11)}");
}

}  // namespace
}  // namespace myelex
