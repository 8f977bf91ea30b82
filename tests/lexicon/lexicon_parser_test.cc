#include "lexicon/lexicon_parser.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "testing/test_util.h"

namespace myelex {
namespace {

const char kSections[] = "id\tsection\tliteral\tpattern\n";
const char kTargets[] = "id\tconcept\tliteral\tpattern\n";
const char kModifiers[] =
    "id\tcategory\tdirection\tcertainty\tscope\tliteral\tpattern\n";
const char kAttributes[] = "id\tattribute\tvalue\tliteral\tpattern\n";

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += "  " + l + "\n";
  return out;
}

// One row per kind of lexicon error: the file text and the exact start of
// the single problem it must produce.
struct ErrorCase {
  const char* name;
  std::string text;
  const char* want;
};

std::vector<ErrorCase> ErrorCases() {
  const std::string t = kTargets, m = kModifiers, s = kSections,
                    a = kAttributes;
  return {
      {"unknown directive", "@version 1\n" + t,
       "test:1: unknown directive '@version'"},
      {"format version", "@format 2\n" + t,
       "test:1: unsupported format version '2' (want 1)"},
      {"directive after header", t + "@format 1\n",
       "test:2: directive after the header line"},
      {"wrong header", "id\tconcept\tpattern\n",
       "test:1: unknown header [id, concept, pattern] (want [id, section, "
       "literal, pattern] or"},
      {"header with spaces", "id concept literal pattern\n",
       "test:1: unknown header [id concept literal pattern]"},
      {"missing header", "# nothing but a comment\n\n",
       "test:2: missing header line"},
      {"too few columns", t + "cord.x\tcord_compression\tx\n",
       "test:2: expected 4 columns (id, concept, literal, pattern), got 3"},
      {"too many columns", t + "cord.x\tcord_compression\tx\t-\textra\n",
       "test:2: expected 4 columns (id, concept, literal, pattern), got 5"},
      {"empty id", t + "\tcord_compression\tx\t-\n", "test:2: empty id"},
      {"empty field", t + "cord.x\t\tx\t-\n", "test:2: empty concept"},
      {"upper-case id", t + "Cord.x\tcord_compression\tx\t-\n",
       "test:2: bad id 'Cord.x' (want lower-case dotted words of [a-z0-9_])"},
      {"dash in id", t + "cord-x\tcord_compression\tx\t-\n",
       "test:2: bad id 'cord-x'"},
      {"empty id word", t + "cord..x\tcord_compression\tx\t-\n",
       "test:2: bad id 'cord..x'"},
      {"bad concept", t + "cord.x\tCord Compression\tx\t-\n",
       "test:2: bad concept 'Cord Compression' (want [a-z0-9_]+)"},
      {"unknown section", s + "section.f\tfooter\tfooter\t-\n",
       "test:2: unknown section 'footer'"},
      {"section none", s + "section.n\tnone\tnone\t-\n",
       "test:2: unknown section 'none'"},
      {"unknown category",
       m + "neg.x\tnegated\tforward\tnegated\tsentence\tno\t-\n",
       "test:2: unknown category 'negated'"},
      {"unknown direction",
       m + "neg.x\tnegation\tfwd\tnegated\tsentence\tno\t-\n",
       "test:2: unknown direction 'fwd'"},
      {"unknown certainty",
       m + "neg.x\tnegation\tforward\tmaybe\tsentence\tno\t-\n",
       "test:2: unknown certainty 'maybe'"},
      {"negation without certainty",
       m + "neg.x\tnegation\tforward\t-\tsentence\tno\t-\n",
       "test:2: category 'negation' needs a certainty"},
      {"hedge without certainty", m + "hedge.x\thedge\tforward\t-\t6\tmay\t-\n",
       "test:2: category 'hedge' needs a certainty"},
      {"certainty on historical",
       m + "hist.x\thistorical\tforward\tpossible\tsentence\tprior\t-\n",
       "test:2: category 'historical' takes certainty '-', not 'possible'"},
      {"direction on pseudo",
       m + "pseudo.x\tpseudo\tforward\t-\t-\tno change\t-\n",
       "test:2: category 'pseudo' takes direction '-', not 'forward'"},
      {"no direction on negation",
       m + "neg.x\tnegation\t-\tnegated\tsentence\tno\t-\n",
       "test:2: category 'negation' needs direction forward, backward or both"},
      {"zero scope", m + "neg.x\tnegation\tforward\tnegated\t0\tno\t-\n",
       "test:2: bad scope '0' (want 'sentence' or a positive number of words)"},
      {"word scope", m + "neg.x\tnegation\tforward\tnegated\tsix\tno\t-\n",
       "test:2: bad scope 'six'"},
      {"dash scope on a cue",
       m + "neg.x\tnegation\tforward\tnegated\t-\tno\t-\n",
       "test:2: bad scope '-'"},
      {"pattern does not compile",
       t + "cord.x\tcord_compression\t-\t(unclosed\n",
       "test:2: pattern does not compile: missing ): (unclosed"},
      {"optional pattern", t + "cord.x\tcord_compression\t-\t(cord )?\n",
       "test:2: pattern can match the empty string"},
      {"empty alternative", t + "cord.x\tcord_compression\t-\tcord|\n",
       "test:2: pattern can match the empty string"},
      {"bare word boundary", t + "cord.x\tcord_compression\t-\t\\b\n",
       "test:2: pattern can match the empty string"},
      {"upper-case pattern", t + "cord.x\tcord_signal\t-\tT2 signal\n",
       "test:2: pattern has upper-case letter 'T' outside an escape"},
      {"upper-case in class", t + "cord.x\tcord_signal\t-\tc[A-Z]\n",
       "test:2: pattern has upper-case letter 'A' outside an escape"},
      {"upper-case in quoted text", t + "cord.x\tcord_signal\t-\t\\QT2\\E\n",
       "test:2: pattern has upper-case letter 'T' outside an escape"},
      {"literal and pattern both dash", t + "cord.x\tcord_compression\t-\t-\n",
       "test:2: literal and pattern are both '-'"},
      {"blank literal", t + "cord.x\tcord_compression\t \t-\n",
       "test:2: literal ' ' normalizes to the empty string"},
      {"bad attribute", a + "sev.x\tSeverity\tmild\tmild\t-\n",
       "test:2: bad attribute 'Severity'"},
      {"bad value", a + "sev.x\tseverity\tMild\tmild\t-\n",
       "test:2: bad value 'Mild'"},
      {"abbreviation with value", a + "abbr.vs\tabbreviation\tvs\tvs.\t-\n",
       "test:2: attribute 'abbreviation' takes value '-', not 'vs'"},
      {"abbreviation with pattern",
       a + "abbr.vs\tabbreviation\t-\tvs.\tvs\\.\n",
       "test:2: attribute 'abbreviation' takes pattern '-' (literal only)"},
      {"duplicate id in a file",
       t + "cord.x\tcord_compression\tcord compression\t-\n"
           "cord.x\tcord_contact\tcord contact\t-\n",
       "test:3: duplicate id 'cord.x' (first defined at test:2)"},
  };
}

TEST(ParseLexicon, ReportsEachErrorKindWithSourceAndLine) {
  for (const ErrorCase& c : ErrorCases()) {
    std::vector<Rule> rules;
    std::vector<std::string> problems;
    Status s = ParseLexicon(c.text, "test", &rules, &problems);
    EXPECT_FALSE(s.ok()) << c.name;
    ASSERT_EQ(problems.size(), 1u) << c.name << "\n" << Joined(problems);
    EXPECT_EQ(problems[0].rfind(c.want, 0), 0u)
        << c.name << "\n  got:  " << problems[0] << "\n  want: " << c.want
        << "...";
    EXPECT_EQ(s.message(), problems[0]) << c.name;
  }
}

TEST(ParseLexicon, KeepsGoingAfterAProblemAndKeepsTheGoodRows) {
  const std::string text = std::string(kModifiers) +
                           "neg.no\tnegation\tforward\tnegated\t6\tno\t-\n"
                           "neg.bad\tnegation\tfwd\tnegated\t6\tnot\t-\n"
                           "hedge.may\thedge\tforward\tpossible\t6\tmay\t-\n"
                           "hedge.x\thedge\tforward\t-\t0\tmight\t(\n";
  std::vector<Rule> rules;
  std::vector<std::string> problems;
  Status s = ParseLexicon(text, "m.tsv", &rules, &problems);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(),
            "m.tsv:3: unknown direction 'fwd' (and 3 more problems)");
  ASSERT_EQ(problems.size(), 4u) << Joined(problems);
  EXPECT_EQ(problems[1], "m.tsv:5: category 'hedge' needs a certainty");
  EXPECT_EQ(problems[2].rfind("m.tsv:5: bad scope '0'", 0), 0u);
  EXPECT_EQ(problems[3].rfind("m.tsv:5: pattern does not compile: ", 0), 0u);
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].id, "neg.no");
  EXPECT_EQ(rules[1].id, "hedge.may");
}

TEST(ParseLexicon, AppendsToExistingProblems) {
  std::vector<Rule> rules;
  std::vector<std::string> problems = {"earlier"};
  Status s = ParseLexicon(kTargets, "t", &rules, &problems);
  EXPECT_OK(s);
  EXPECT_EQ(problems.size(), 1u);
}

TEST(ParseLexicon, ParsesEveryColumnOfEachFileKind) {
  std::vector<Rule> rules;
  std::vector<std::string> problems;

  ASSERT_OK(ParseLexicon(std::string("# comment\n@format 1\n\n") + kModifiers +
                             "hedge.cannot_exclude\thedge\tbackward\tpossible"
                             "\tsentence\tcannot be excluded\t"
                             "(cannot|can not) be (excluded|ruled out)\n"
                             "neg.no\tnegation\tforward\tnegated\t6\tno\t-\n"
                             "term.but\tterminate\t-\t-\t-\tbut\t-\n"
                             "pseudo.no_change\tpseudo\t-\t-\tsentence\t"
                             "no change\t-\n",
                         "m", &rules, &problems));
  ASSERT_EQ(rules.size(), 4u);
  const Rule& hedge = rules[0];
  EXPECT_EQ(hedge.id, "hedge.cannot_exclude");
  EXPECT_EQ(hedge.kind, RuleKind::kModifier);
  EXPECT_EQ(hedge.source, "m:5");
  EXPECT_EQ(hedge.category, Category::kHedge);
  EXPECT_EQ(hedge.direction, Direction::kBackward);
  ASSERT_TRUE(hedge.certainty.has_value());
  EXPECT_EQ(*hedge.certainty, Certainty::kPossible);
  EXPECT_EQ(hedge.max_scope, 0);
  EXPECT_EQ(hedge.literal, "cannot be excluded");
  EXPECT_EQ(hedge.pattern, "(cannot|can not) be (excluded|ruled out)");
  EXPECT_FALSE(hedge.from_literal);
  EXPECT_EQ(rules[1].max_scope, 6);
  EXPECT_EQ(rules[1].certainty, Certainty::kNegated);
  EXPECT_TRUE(rules[1].from_literal);
  EXPECT_EQ(rules[2].category, Category::kTerminate);
  EXPECT_EQ(rules[2].direction, Direction::kNone);
  EXPECT_FALSE(rules[2].certainty.has_value());
  EXPECT_EQ(rules[3].category, Category::kPseudo);

  rules.clear();
  ASSERT_OK(ParseLexicon(std::string(kTargets) +
                             "cord.myelomalacia\tmyelomalacia\tmyelomalacia\t"
                             "myelomalaci(a|c)\n",
                         "t", &rules, &problems));
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0].kind, RuleKind::kTarget);
  EXPECT_EQ(rules[0].concept, "myelomalacia");

  rules.clear();
  ASSERT_OK(ParseLexicon(std::string(kSections) +
                             "section.impression\timpression\timpression\t"
                             "impressions?|conclusions?\n",
                         "s", &rules, &problems));
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0].kind, RuleKind::kSection);
  EXPECT_EQ(rules[0].section, SectionKind::kImpression);

  rules.clear();
  ASSERT_OK(ParseLexicon(std::string(kAttributes) +
                             "severity.moderate\tseverity\tmoderate\tmoderate"
                             "\t-\n"
                             "abbr.vs\tabbreviation\t-\tvs.\t-\n",
                         "a", &rules, &problems));
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].kind, RuleKind::kAttribute);
  EXPECT_EQ(rules[0].attribute, "severity");
  EXPECT_EQ(rules[0].value, "moderate");
  EXPECT_EQ(rules[1].attribute, "abbreviation");
  EXPECT_EQ(rules[1].value, "-");
  EXPECT_TRUE(problems.empty()) << Joined(problems);
}

TEST(ParseLexicon, AcceptsDirectiveWithTabCrlfAndBlankLines) {
  std::vector<Rule> rules;
  std::vector<std::string> problems;
  ASSERT_OK(ParseLexicon(
      "@format\t1\r\n\r\nid\tconcept\tliteral\tpattern\r\n"
      "  \t \n"
      "cord.compression\tcord_compression\tcord compression\t-\r\n",
      "t", &rules, &problems));
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0].source, "t:5");
  EXPECT_EQ(rules[0].pattern, "\\bcord\\ compression\\b");
}

// Upper-case letters that are not matched literally are fine.
TEST(ParseLexicon, AllowsUpperCaseInsideEscapesFlagsAndGroupNames) {
  for (const char* pattern :
       {"cord\\S+", "\\pL+cord", "\\p{Greek}cord", "(?U)cord.+", "(?i)cord",
        "(?P<Level>c[1-7])", "\\x{41}cord", "\\xFFcord", "[[:alpha:]]+cord",
        "c\\Dd", "\\Qc.1\\E"}) {
    std::vector<Rule> rules;
    std::vector<std::string> problems;
    Status s = ParseLexicon(
        std::string(kTargets) + "cord.x\tcord_signal\t-\t" + pattern + "\n",
        "t", &rules, &problems);
    EXPECT_TRUE(s.ok()) << pattern << ": " << s.ToString();
  }
}

TEST(ParseLexicon, BuildsPatternFromLiteral) {
  struct Case {
    const char* literal;
    const char* want;
  } cases[] = {
      {"cord compression", "\\bcord\\ compression\\b"},
      {"myelomalacia", "\\bmyelomalacia\\b"},
      {"vs.", "\\bvs\\."},  // no \b after a non-word character
      {"?", "\\?"},         // none at all
      {"(+) babinski", "\\(\\+\\)\\ babinski\\b"},
      {"r/o", "\\br\\/o\\b"},
      {"c5-6", "\\bc5\\-6\\b"},
      {"  no  ", "\\bno\\b"},  // surrounding spaces are trimmed
      {"t2_w", "\\bt2_w\\b"},  // '_' is a word character for \b
  };
  for (const Case& c : cases) {
    std::vector<Rule> rules;
    std::vector<std::string> problems;
    ASSERT_OK(ParseLexicon(
        std::string(kTargets) + "cord.x\tcord_signal\t" + c.literal + "\t-\n",
        "t", &rules, &problems));
    ASSERT_EQ(rules.size(), 1u);
    EXPECT_EQ(rules[0].pattern, c.want) << c.literal;
    EXPECT_TRUE(rules[0].from_literal);
    EXPECT_EQ(rules[0].literal, c.literal);
  }
}

// A temporary directory of lexicon files, removed at the end of the test.
class LexiconDirTest : public ::testing::Test {
 protected:
  LexiconDirTest() {
    const ::testing::TestInfo* info =
        ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = (std::filesystem::temp_directory_path() /
            ("myelex_lexicon_" + std::string(info->name()) + "_" +
             std::to_string(::getpid())))
               .string();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~LexiconDirTest() override { std::filesystem::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ + "/" + name, std::ios::binary) << text;
  }

  std::string dir_;
};

TEST_F(LexiconDirTest, LoadsFilesInNameOrderAndIgnoresOtherFiles) {
  Write("b_targets.tsv",
        std::string(kTargets) + "cord.b\tcord_compression\tcord b\t-\n");
  Write("a_targets.tsv",
        std::string(kTargets) + "cord.a\tcord_compression\tcord a\t-\n");
  Write("notes.txt", "not a lexicon\n");
  Lexicon lexicon;
  std::vector<std::string> problems, warnings;
  ASSERT_OK(LoadLexiconDir(dir_, &lexicon, &problems, &warnings));
  ASSERT_EQ(lexicon.rules.size(), 2u);
  EXPECT_EQ(lexicon.rules[0].id, "cord.a");
  EXPECT_EQ(lexicon.rules[0].source, dir_ + "/a_targets.tsv:2");
  EXPECT_EQ(lexicon.rules[1].id, "cord.b");
  EXPECT_TRUE(warnings.empty()) << Joined(warnings);
}

TEST_F(LexiconDirTest, DuplicateIdAcrossFilesIsAProblem) {
  Write("modifiers_a.tsv",
        std::string(kModifiers) +
            "neg.no\tnegation\tforward\tnegated\t6\tno\t-\n");
  Write("modifiers_b.tsv", std::string("# second file\n") + kModifiers +
                               "neg.without\tnegation\tforward\tnegated\t6\t"
                               "without\t-\n"
                               "neg.no\tnegation\tforward\tnegated\t4\tnot\t-"
                               "\n");
  Lexicon lexicon;
  std::vector<std::string> problems;
  Status s = LoadLexiconDir(dir_, &lexicon, &problems);
  EXPECT_FALSE(s.ok());
  ASSERT_EQ(problems.size(), 1u) << Joined(problems);
  EXPECT_EQ(problems[0], dir_ +
                             "/modifiers_b.tsv:4: duplicate id 'neg.no' "
                             "(first defined at " +
                             dir_ + "/modifiers_a.tsv:2)");
  ASSERT_EQ(lexicon.rules.size(), 2u);  // the second neg.no is dropped
  EXPECT_EQ(lexicon.rules[1].id, "neg.without");
}

TEST_F(LexiconDirTest, BrokenPatternIsReportedWithFileAndLine) {
  Write("targets_cord.tsv", std::string("@format 1\n") + kTargets +
                                "cord.ok\tcord_compression\tcord compression"
                                "\t-\n"
                                "x.bad\tcord_compression\t-\t(unclosed\n");
  Lexicon lexicon;
  std::vector<std::string> problems;
  Status s = LoadLexiconDir(dir_, &lexicon, &problems);
  ASSERT_EQ(problems.size(), 1u) << Joined(problems);
  const std::string want = dir_ +
                           "/targets_cord.tsv:4: pattern does not compile: "
                           "missing ): (unclosed";
  EXPECT_EQ(problems[0], want);
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_EQ(s.message(), want);
}

TEST_F(LexiconDirTest, ListsProblemsFromEveryFile) {
  Write("a.tsv", "id\tconcept\n");
  Write("b.tsv", std::string(kTargets) + "cord.x\tcord_compression\tx\n");
  Lexicon lexicon;
  std::vector<std::string> problems;
  EXPECT_FALSE(LoadLexiconDir(dir_, &lexicon, &problems).ok());
  ASSERT_EQ(problems.size(), 2u) << Joined(problems);
  EXPECT_EQ(problems[0].rfind(dir_ + "/a.tsv:1: unknown header", 0), 0u);
  EXPECT_EQ(problems[1].rfind(dir_ + "/b.tsv:2: expected 4 columns", 0), 0u);
}

TEST_F(LexiconDirTest, IdenticalPatternsAreWarningsNotProblems) {
  Write("targets.tsv",
        std::string(kTargets) +
            "cord.compression\tcord_compression\tcord compression\t-\n"
            "cord.compressed\tcord_compression\t-\t\\bcord\\ compression\\b\n"
            "cord.flattening\tcord_compression\tcord flattening\t-\n"
            "cord.compression2\tcord_compression\tCord compression\t-\n");
  Lexicon lexicon;
  std::vector<std::string> problems, warnings;
  ASSERT_OK(LoadLexiconDir(dir_, &lexicon, &problems, &warnings));
  EXPECT_EQ(lexicon.rules.size(), 4u);
  ASSERT_GE(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], dir_ +
                             "/targets.tsv:3: rule 'cord.compressed' has "
                             "the same pattern as 'cord.compression' (" +
                             dir_ + "/targets.tsv:2)");
  // Once literals are casefolded (text layer), "Cord compression" gives the
  // same pattern too; until then it is a distinct one.
  EXPECT_LE(warnings.size(), 2u) << Joined(warnings);
}

TEST_F(LexiconDirTest, EmptyDirectoryIsAProblem) {
  Lexicon lexicon;
  std::vector<std::string> problems;
  EXPECT_FALSE(LoadLexiconDir(dir_, &lexicon, &problems).ok());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0], dir_ + ": no *.tsv lexicon files");
}

TEST(LoadLexiconDir, MissingDirectoryIsAnIOError) {
  Lexicon lexicon;
  std::vector<std::string> problems;
  Status s =
      LoadLexiconDir("/nonexistent/myelex/lexicons", &lexicon, &problems);
  EXPECT_TRUE(s.IsIOError()) << s.ToString();
  EXPECT_EQ(problems.size(), 1u);
}

}  // namespace
}  // namespace myelex
