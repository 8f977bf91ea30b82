#include "lexicon/compiled_lexicon.h"

#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "lexicon/lexicon_parser.h"
#include "lexicon/literal_trie.h"
#include "testing/test_util.h"

namespace myelex {
namespace {

using Spans = std::vector<std::pair<uint32_t, uint32_t>>;

// Parses `text` (one lexicon file) and compiles it; fails the test on error.
std::unique_ptr<CompiledLexicon> Compile(const std::string& text) {
  Lexicon lexicon;
  std::vector<std::string> problems;
  Status s = ParseLexicon(text, "test", &lexicon.rules, &problems);
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::unique_ptr<CompiledLexicon> compiled;
  s = CompiledLexicon::Create(std::move(lexicon), &compiled);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return compiled;
}

Spans FindAll(const CompiledLexicon& lexicon, const char* id,
              std::string_view text) {
  Spans spans;
  int rule = lexicon.FindRule(id);
  EXPECT_GE(rule, 0) << id;
  lexicon.FindAll(rule, text, &spans);
  return spans;
}

std::vector<std::tuple<int, uint32_t, uint32_t>> Sorted(
    const std::vector<CompiledLexicon::RuleMatch>& matches) {
  std::vector<std::tuple<int, uint32_t, uint32_t>> out;
  for (const auto& m : matches) out.emplace_back(m.rule, m.begin, m.end);
  std::sort(out.begin(), out.end());
  return out;
}

const char kTargets[] =
    "id\tconcept\tliteral\tpattern\n"
    "cord.compression\tcord_compression\tcord compression\t-\n"
    "cord.flattening\tcord_compression\t-\t(cord|spinal cord) flattening\n"
    "canal.stenosis\tcanal_stenosis\t-\t(canal )?stenosis\n";

TEST(CompiledLexicon, FindRuleByIdAndMatchableKinds) {
  auto lexicon = Compile(
      "id\tattribute\tvalue\tliteral\tpattern\n"
      "abbr.vs\tabbreviation\t-\tvs.\t-\n"
      "severity.mild\tseverity\tmild\tmild\t-\n");
  ASSERT_NE(lexicon, nullptr);
  EXPECT_EQ(lexicon->FindRule("abbr.vs"), 0);
  EXPECT_EQ(lexicon->FindRule("severity.mild"), 1);
  EXPECT_EQ(lexicon->FindRule("severity.severe"), -1);
  EXPECT_FALSE(lexicon->IsMatchable(0));  // abbreviations go to the text layer
  EXPECT_TRUE(lexicon->IsMatchable(1));
  EXPECT_FALSE(lexicon->IsMatchable(2));
  EXPECT_FALSE(lexicon->IsMatchable(-1));
  Spans spans;
  lexicon->FindAll(0, "vs. x", &spans);
  EXPECT_TRUE(spans.empty());
}

TEST(CompiledLexicon, SectionRulesAndAbbreviationsBecomeTextRules) {
  Lexicon lexicon;
  std::vector<std::string> problems;
  ASSERT_OK(
      ParseLexicon("id\tsection\tliteral\tpattern\n"
                   "section.impression\timpression\timpression\t"
                   "impressions?|conclusions?\n",
                   "s", &lexicon.rules, &problems));
  ASSERT_OK(
      ParseLexicon("id\tattribute\tvalue\tliteral\tpattern\n"
                   "abbr.vs\tabbreviation\t-\tvs.\t-\n"
                   "abbr.eg\tabbreviation\t-\t e.g. \t-\n",
                   "a", &lexicon.rules, &problems));
  std::unique_ptr<CompiledLexicon> compiled;
  ASSERT_OK(CompiledLexicon::Create(std::move(lexicon), &compiled));
  const TextRules& text_rules = compiled->text_rules();
  ASSERT_EQ(text_rules.section_rules().size(), 1u);
  EXPECT_EQ(text_rules.section_rules()[0].id, "section.impression");
  EXPECT_EQ(text_rules.section_rules()[0].kind, SectionKind::kImpression);
  EXPECT_EQ(text_rules.section_rules()[0].pattern, "impressions?|conclusions?");
  EXPECT_EQ(text_rules.abbreviations(),
            (std::vector<std::string>{"vs.", "e.g."}));
  EXPECT_FALSE(compiled->IsMatchable(0));  // section rules are not matched
  std::vector<int> hits;
  compiled->CandidateRules("impression: vs. e.g.", &hits);
  EXPECT_TRUE(hits.empty());
}

TEST(CompiledLexicon, FindAllIsLeftmostFirstAndNonOverlapping) {
  auto lexicon = Compile(kTargets);
  ASSERT_NE(lexicon, nullptr);
  const std::string text =
      "cord compression; spinal cord flattening and cord compression";
  EXPECT_EQ(FindAll(*lexicon, "cord.compression", text),
            (Spans{{0, 16}, {45, 61}}));
  // Leftmost-first: "spinal cord flattening" starts at "spinal".
  EXPECT_EQ(FindAll(*lexicon, "cord.flattening", text), (Spans{{18, 40}}));
  EXPECT_EQ(FindAll(*lexicon, "canal.stenosis", "canal stenosis, stenosis"),
            (Spans{{0, 14}, {16, 24}}));
}

TEST(CompiledLexicon, LiteralRulesRespectWordBoundaries) {
  auto lexicon = Compile(kTargets);
  ASSERT_NE(lexicon, nullptr);
  EXPECT_TRUE(
      FindAll(*lexicon, "cord.compression", "xcord compression").empty());
  EXPECT_TRUE(
      FindAll(*lexicon, "cord.compression", "cord compressions").empty());
  EXPECT_EQ(FindAll(*lexicon, "cord.compression", "(cord compression)"),
            (Spans{{1, 17}}));
}

TEST(CompiledLexicon, CandidateRulesNamesEachHittingRuleOnce) {
  auto lexicon = Compile(kTargets);
  ASSERT_NE(lexicon, nullptr);
  std::vector<int> hits;
  lexicon->CandidateRules("cord compression and cord compression, stenosis",
                          &hits);
  std::sort(hits.begin(), hits.end());
  EXPECT_EQ(hits, (std::vector<int>{lexicon->FindRule("cord.compression"),
                                    lexicon->FindRule("canal.stenosis")}));
  hits.clear();
  lexicon->CandidateRules("unremarkable", &hits);
  EXPECT_TRUE(hits.empty());
}

TEST(CompiledLexicon, CreateReportsABrokenHandBuiltRuleWithItsSource) {
  Lexicon lexicon;
  Rule rule;
  rule.id = "cord.bad";
  rule.kind = RuleKind::kTarget;
  rule.source = "hand.tsv:7";
  rule.pattern = "(cord";
  lexicon.rules.push_back(rule);
  std::unique_ptr<CompiledLexicon> compiled;
  Status s = CompiledLexicon::Create(std::move(lexicon), &compiled);
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_EQ(s.message(),
            "hand.tsv:7: pattern does not compile: missing ): (cord");
  EXPECT_EQ(compiled, nullptr);
}

TEST(CompiledLexicon, CreateRejectsDuplicateIds) {
  Lexicon lexicon;
  Rule rule;
  rule.id = "cord.x";
  rule.source = "a:2";
  rule.pattern = "cord";
  lexicon.rules.push_back(rule);
  rule.source = "a:3";
  lexicon.rules.push_back(rule);
  std::unique_ptr<CompiledLexicon> compiled;
  Status s = CompiledLexicon::Create(std::move(lexicon), &compiled);
  EXPECT_EQ(s.message(), "a:3: duplicate id 'cord.x'");
}

TEST(CompiledLexicon, FindAllStepsOverEmptyMatchesOfHandBuiltRules) {
  Lexicon lexicon;
  Rule rule;
  rule.id = "x.empty";
  rule.pattern = "x*";
  lexicon.rules.push_back(rule);
  std::unique_ptr<CompiledLexicon> compiled;
  ASSERT_OK(CompiledLexicon::Create(std::move(lexicon), &compiled));
  Spans spans;
  compiled->FindAll(0, "axx\xc3\xa9", &spans);  // "axxé"
  EXPECT_EQ(spans, (Spans{{0, 0}, {1, 3}, {3, 3}, {5, 5}}));
}

TEST(CompiledLexicon, EmptyLexiconMatchesNothing) {
  std::unique_ptr<CompiledLexicon> compiled;
  ASSERT_OK(CompiledLexicon::Create(Lexicon(), &compiled));
  std::vector<CompiledLexicon::RuleMatch> matches;
  compiled->FindAllRules("cord compression", &matches);
  EXPECT_TRUE(matches.empty());
}

// The literal trie and the RE2::Set prefilter together must give exactly the
// union of the per-rule RE2 scans. Literals chosen to stress the trie:
// shared prefixes, a literal inside another, self-overlap ("a a"), non-word
// first or last characters, '_' and UTF-8.
TEST(CompiledLexicon, FindAllRulesEqualsPerRuleScanOnRandomText) {
  auto lexicon = Compile(
      "id\tconcept\tliteral\tpattern\n"
      "t.no\tx\tno\t-\n"
      "t.no_evidence\tx\tno evidence of\t-\n"
      "t.evidence\tx\tevidence\t-\n"
      "t.aa\tx\ta a\t-\n"
      "t.vs\tx\tvs.\t-\n"
      "t.q\tx\t?\t-\n"
      "t.paren\tx\t(+)\t-\n"
      "t.dash\tx\t-x\t-\n"
      "t.level\tx\tc5-6\t-\n"
      "t.under\tx\tt2_w\t-\n"
      "t.cafe\tx\tcaf\xc3\xa9\t-\n"
      "t.e\tx\t\xc3\xa9\t-\n"
      "t.no_dup\tx\tno\t-\n"
      "r.no\tx\t-\tno( evidence)?\n"
      "r.vs\tx\t-\t(versus|vs\\.?)\n"
      "r.level\tx\t-\tc[0-9]-[0-9]\n"
      // Phrase sets the trie takes over from RE2: preference order, optional
      // parts, classes, \b before a non-word character, \b per branch.
      "p.no_ev\tx\t-\t\\b(?:no|no evidence)(?: of)?\\b\n"
      "p.aa_first\tx\t-\t\\b(?:a|a a)\\b\n"
      "p.aa_long\tx\t-\t\\b(?:a a|a)\\b\n"
      "p.vs\tx\t-\t\\b(?:versus|vs\\.?)\n"
      "p.level\tx\t-\t\\bc\\d ?[-/] ?[5-7]\\b\n"
      "p.q\tx\t-\t\\b\\?|\\(\\+\\)\n"
      "p.e\tx\t-\t\\b\xc3\xa9\\b|\\bcaf\xc3\xa9?\n"
      "p.branches\tx\t-\t\\bof\\b|-x\\b|\\bt2_w\n"
      "p.under\tx\t-\t\\b(?:_|x)\\b\n"
      "p.inner\tx\t-\t\\b(?:versus|vs)\\b\\.?\n"
      "p.anywhere\tx\t-\t(?:evi|a a|caf)(?:dence)?\n"
      "p.inner_anywhere\tx\t-\t(?:c|no)\\b\\d?\n");
  ASSERT_NE(lexicon, nullptr);
  const std::vector<std::string> tokens = {
      "no", " ", "evidence", "of",     "a",    "vs", ".",  "?",   "(+)",
      "-",  "x", "c5",       "6",      "t2_w", "_",  "\n", "caf", "\xc3\xa9",
      "e",  "+", "nos",      "versus", "a a",  "(",  "/",  "5",   "7",
  };
  std::mt19937 rng(20240601);
  std::uniform_int_distribution<size_t> pick(0, tokens.size() - 1);
  std::uniform_int_distribution<int> length(0, 30);
  int total = 0;
  for (int iter = 0; iter < 3000; ++iter) {
    std::string text;
    for (int n = length(rng); n > 0; --n) text += tokens[pick(rng)];
    std::vector<CompiledLexicon::RuleMatch> fast;
    lexicon->FindAllRules(text, &fast);
    std::vector<CompiledLexicon::RuleMatch> slow;
    for (int r = 0; r < static_cast<int>(lexicon->rules().size()); ++r) {
      Spans spans;
      lexicon->FindAll(r, text, &spans);
      for (const auto& s : spans) slow.push_back({r, s.first, s.second});
    }
    ASSERT_EQ(Sorted(fast), Sorted(slow)) << "text: '" << text << "'";
    total += static_cast<int>(slow.size());
  }
  EXPECT_GT(total, 3000);  // the random texts do exercise the rules
}

TEST(ExpandLiteralPattern, ListsStringsInPreferenceOrder) {
  struct Case {
    const char* pattern;
    const char* want;  // strings joined by '|', \b shown as '~'; "": false
  } cases[] = {
      {"\\bcord\\ compression\\b", "~cord compression~"},
      {"\\b(?:equivocal|indeterminate)\\b", "~equivocal~|~indeterminate~"},
      {"\\bvs\\.?", "~vs.|~vs"},
      {"(?:(?:very|highly) )?unlikely",
       "very unlikely|highly unlikely|unlikely"},
      {"c[5-6][- /]?", "c5-|c5 |c5/|c5|c6-|c6 |c6/|c6"},
      {"\\bx\\b|\\?", "~x~|?"},
      {"(a)(b|c)", "ab|ac"},
      {"t\\d", "t0|t1|t2|t3|t4|t5|t6|t7|t8|t9"},
      {"caf\xc3\xa9?", "caf\xc3\xa9|caf"},
      // Outside the subset.
      {"cord.", ""},
      {"cords*", ""},
      {"cord(?i)", ""},
      {"^cord", ""},
      {"[^a]", ""},
      {"\\bcord\\b compression", "~cord~ compression"},
      {"\\b(?:versus|vs)\\b\\.?", "~versus~.|~versus~|~vs~.|~vs~"},
      {"\\b\\bx(?:\\b)", "~x~"},
      {"\\w+", ""},
      {"(?:a)?", ""},  // the empty string
      {"a??", ""},
      {"(?:a|b|c|d)(?:a|b|c|d)(?:a|b|c|d)(?:a|b|c|d)(?:a|b|c|d)", ""},  // > 512
  };
  for (const Case& c : cases) {
    std::vector<LiteralString> strings;
    bool ok = ExpandLiteralPattern(c.pattern, 512, &strings);
    std::string got;
    for (const LiteralString& s : strings) {
      if (!got.empty()) got += "|";
      size_t b = 0;
      for (size_t i = 0; i <= s.text.size(); ++i) {
        while (b < s.boundaries.size() && s.boundaries[b] == i) {
          got += "~";
          ++b;
        }
        if (i < s.text.size()) got += s.text[i];
      }
    }
    EXPECT_EQ(ok, *c.want != '\0') << c.pattern;
    EXPECT_EQ(got, c.want) << c.pattern;
  }
}

}  // namespace
}  // namespace myelex
