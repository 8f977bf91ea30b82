// The shipped lexicons (lexicons/*.tsv) load without a single problem and
// compile, so bad data breaks the build instead of production.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lexicon/compiled_lexicon.h"
#include "lexicon/lexicon_parser.h"
#include "testing/test_util.h"

namespace myelex {
namespace {

std::string Lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += "  " + l + "\n";
  return out;
}

TEST(ShippedLexiconFiles, LoadWithoutProblemsAndCompile) {
  Lexicon lexicon;
  std::vector<std::string> problems, warnings;
  Status s = LoadLexiconDir(testing::SourcePath("lexicons"), &lexicon,
                            &problems, &warnings);
  EXPECT_TRUE(s.ok()) << s.ToString() << "\n" << Lines(problems);
  EXPECT_TRUE(problems.empty()) << Lines(problems);
  if (!warnings.empty()) {
    std::cout << "lexicon warnings:\n" << Lines(warnings);
  }
  EXPECT_FALSE(lexicon.rules.empty());

  std::unique_ptr<CompiledLexicon> compiled;
  ASSERT_OK(CompiledLexicon::Create(std::move(lexicon), &compiled));
  int matchable = 0;
  for (int i = 0; i < static_cast<int>(compiled->rules().size()); ++i) {
    EXPECT_EQ(compiled->FindRule(compiled->rule(i).id), i);
    if (compiled->IsMatchable(i)) ++matchable;
  }
  EXPECT_GT(matchable, 0);
}

// Every kind of file is present, so no layer silently runs without its
// rules.
TEST(ShippedLexiconFiles, ProvideEveryRuleKind) {
  Lexicon lexicon;
  std::vector<std::string> problems;
  LoadLexiconDir(testing::SourcePath("lexicons"), &lexicon, &problems);
  int counts[4] = {0, 0, 0, 0};
  for (const Rule& rule : lexicon.rules) ++counts[static_cast<int>(rule.kind)];
  EXPECT_GT(counts[static_cast<int>(RuleKind::kTarget)], 0);
  EXPECT_GT(counts[static_cast<int>(RuleKind::kModifier)], 0);
  EXPECT_GT(counts[static_cast<int>(RuleKind::kSection)], 0);
  EXPECT_GT(counts[static_cast<int>(RuleKind::kAttribute)], 0);
}

}  // namespace
}  // namespace myelex
