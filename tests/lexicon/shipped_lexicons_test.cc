// The shipped lexicons (lexicons/*.tsv) load without a single problem and
// compile, so bad data breaks the build instead of production.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lexicon/compiled_lexicon.h"
#include "lexicon/lexicon_parser.h"
#include "match/matcher.h"
#include "testing/test_util.h"
#include "text/document.h"

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

// No rule matches a piece of a longer word ("fusion" in "diffusion",
// "myelitis" in "osteomyelitis"): every written pattern needs \b where it
// begins or ends with a word character (lexicons/README.md). Each rule's own
// example phrase (its literal) is glued between letters, and no mention may
// start or end inside a word.
TEST(ShippedLexiconFiles, NoMatchStartsOrEndsInsideAWord) {
  Lexicon lexicon;
  std::vector<std::string> problems;
  LoadLexiconDir(testing::SourcePath("lexicons"), &lexicon, &problems);
  std::string text;
  for (const Rule& rule : lexicon.rules) {
    if (rule.literal == "-" || rule.kind == RuleKind::kSection) continue;
    text += "qz" + rule.literal + "zq.\n";
  }
  text +=
      "Diffusion-weighted images; restricted diffusion; small effusion; "
      "neuromyelitis optica; discitis-osteomyelitis; nonenhancing cord.\n";
  std::unique_ptr<CompiledLexicon> compiled;
  ASSERT_OK(CompiledLexicon::Create(std::move(lexicon), &compiled));
  Document doc = Document::Build(text, compiled->text_rules());
  const std::string_view t = doc.normalized();
  auto word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  };
  int bad = 0;
  for (const Mention& m : Match(*compiled, doc)) {
    const uint32_t b = m.norm.begin, e = m.norm.end;
    const bool inside_start = b > 0 && word(t[b - 1]) && word(t[b]);
    const bool inside_end =
        e < t.size() && e > b && word(t[e]) && word(t[e - 1]);
    if (inside_start || inside_end) {
      ++bad;
      ADD_FAILURE() << compiled->rule(m.rule).id << " matches '"
                    << t.substr(b, e - b) << "' inside a word";
    }
  }
  EXPECT_EQ(bad, 0);
}

}  // namespace
}  // namespace myelex
