// Differential test (as re2/testing/tester.h): the fast matcher (literal
// trie + RE2::Set prefilter) and the brute-force matcher (every rule's RE2 on
// every sentence) must return identical mentions.
#include <string>
#include <vector>

#include "base/file.h"
#include "gtest/gtest.h"
#include "lexicon/lexicon_parser.h"
#include "match/matcher.h"
#include "testing/test_util.h"

namespace myelex {
namespace {

// Report-like texts with the inputs normalization cares about: case, runs of
// spaces, CRLF, tabs, en dashes, no-break spaces, a ligature, non-ASCII
// letters, and phrases that touch word boundaries.
const char* const kTexts[] = {
    "EXAM: MRI CERVICAL SPINE WITHOUT CONTRAST\n"
    "CLINICAL HISTORY: Neck pain, r/o myelopathy.\n"
    "FINDINGS:\nC5-6: Disc osteophyte complex with mild cord flattening. "
    "No T2 hyperintensity.\nC6\xe2\x80\x93"
    "7: Severe canal stenosis with "
    "cord compression.\n"
    "IMPRESSION: 1. Cord compression at C6-7, cannot exclude myelomalacia.\n",
    "Findings:\r\nThere is no evidence of cord compression.\r\n"
    "Questionable  STIR signal in the cord at C4\xe2\x80\x93"
    "C5, versus "
    "artifact.\tNo significant change.\r\n",
    "Impression: possible myelomalacia vs. gliosis; no definite cord signal "
    "abnormality. Mild-to-moderate left foraminal narrowing.",
    "History: pacemaker (non-MR-conditional). Study limited by motion. "
    "Prior ACDF C5\xc2\xa0through C7 with fusion hardware.",
    "\xef\xac\x81ndings: Caf\xc3\xa9 au lait. Hyperintense T2 signal "
    "within the spinal cord, consistent with edema or myelitis; "
    "demyelinating disease is less likely.",
    "Impression: cord contact without deformity; CSF effacement. "
    "Recommend CT myelography if MRI is contraindicated.",
    "c5-6 c5/6 C5-C6 C5 - 6 c7-t1",
    "no",
    "",
    "\n\n\n",
    "...",
    "-",
    "?",
};

std::string Describe(const CompiledLexicon& lexicon,
                     const std::vector<Mention>& mentions) {
  std::string out;
  for (const Mention& m : mentions) {
    out += "  " + lexicon.rule(m.rule).id + " " + m.DebugString() + "\n";
  }
  return out;
}

// Compares both matchers on `text`; returns the number of mentions.
size_t ExpectSameMentions(const CompiledLexicon& lexicon,
                          const std::string& name, const std::string& text) {
  Document doc = Document::Build(text, lexicon.text_rules());
  std::vector<Mention> fast = Match(lexicon, doc);
  std::vector<Mention> slow = MatchBruteForce(lexicon, doc);
  EXPECT_EQ(fast, slow) << name << "\nMatch:\n"
                        << Describe(lexicon, fast) << "MatchBruteForce:\n"
                        << Describe(lexicon, slow);
  return slow.size();
}

// Literal rules (trie) and regex rules (Set) that overlap and nest, so the
// inline texts exercise both paths even without shipped lexicons.
const char kInlineLexicon[] =
    "id\tconcept\tliteral\tpattern\n"
    "cord.compression\tcord_compression\tcord compression\t-\n"
    "cord.flattening\tcord_compression\t-\t(mild |severe )?cord "
    "(flattening|deformity)\n"
    "cord.signal\tcord_signal_abnormality\t-\t(t2|stir)( weighted)? "
    "(hyperintens(e|ity)|signal)\n"
    "cord.myelomalacia\tmyelomalacia\tmyelomalacia\t-\n"
    "canal.stenosis\tcanal_stenosis\t-\t(severe |mild )?canal stenosis\n"
    "ignore.caf\tignore\tcaf\xc3\xa9\t-\n"
    "level.any\tlevel\t-\tc[1-7] ?[-/] ?(c|t)?[1-7]\n";
const char kInlineModifiers[] =
    "id\tcategory\tdirection\tcertainty\tscope\tliteral\tpattern\n"
    "neg.no\tnegation\tforward\tnegated\t6\tno\t-\n"
    "neg.no_evidence\tnegation\tforward\tnegated\tsentence\t"
    "no evidence of\t-\n"
    "hedge.vs\thedge\tboth\tpossible\t8\t-\t(versus|vs\\.?)\n"
    "hedge.vs_literal\thedge\tboth\tpossible\t8\tvs.\t-\n"
    "hedge.q\thedge\tbackward\tpossible\t4\t?\t-\n"
    "hedge.cannot_exclude\thedge\tforward\tpossible\tsentence\t"
    "cannot exclude\t-\n"
    "pseudo.no_change\tpseudo\t-\t-\t-\tno significant change\t-\n"
    "term.semicolon\tterminate\t-\t-\t-\t;\t-\n";

TEST(MatcherDifferential, InlineLexiconOnInlineTexts) {
  Lexicon lexicon;
  std::vector<std::string> problems;
  ASSERT_OK(ParseLexicon(kInlineLexicon, "targets", &lexicon.rules, &problems));
  ASSERT_OK(
      ParseLexicon(kInlineModifiers, "modifiers", &lexicon.rules, &problems));
  std::unique_ptr<CompiledLexicon> compiled;
  ASSERT_OK(CompiledLexicon::Create(std::move(lexicon), &compiled));
  size_t total = 0;
  for (const char* text : kTexts) {
    total += ExpectSameMentions(*compiled, text, text);
  }
  EXPECT_GT(total, 20u);
}

TEST(MatcherDifferential, ShippedLexiconsOnCorpus) {
  Lexicon lexicon;
  std::vector<std::string> problems;
  ASSERT_OK(
      LoadLexiconDir(testing::SourcePath("lexicons"), &lexicon, &problems));
  std::unique_ptr<CompiledLexicon> compiled;
  ASSERT_OK(CompiledLexicon::Create(std::move(lexicon), &compiled));

  size_t total = 0;
  for (const char* text : kTexts) {
    total += ExpectSameMentions(*compiled, "inline text", text);
  }
  std::vector<std::string> paths;
  Status s = ListFiles(testing::SourcePath("corpus"), ".txt", &paths);
  size_t corpus_mentions = 0;
  for (const std::string& path : paths) {
    std::string text;
    ASSERT_OK(ReadFileToString(path, &text));
    corpus_mentions += ExpectSameMentions(*compiled, path, text);
  }
  std::cout << "differential: " << paths.size() << " corpus reports, "
            << corpus_mentions << " corpus mentions, " << total
            << " inline mentions\n";
  EXPECT_GT(total, 0u);
  if (!paths.empty()) {
    EXPECT_GT(corpus_mentions, 0u);
  }
}

}  // namespace
}  // namespace myelex
