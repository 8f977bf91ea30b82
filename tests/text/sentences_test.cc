#include "text/sentences.h"

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "gtest/gtest.h"
#include "testing/test_util.h"
#include "text/document.h"

namespace myelex {
namespace {

// Inline rules: a few headers and abbreviations (unit tests never load
// lexicons/).
std::unique_ptr<TextRules> MakeRules() {
  std::vector<SectionRule> sections = {
      {"section.history", SectionKind::kHistory, "(?:clinical )?history"},
      {"section.findings", SectionKind::kFindings, "findings"},
      {"section.impression", SectionKind::kImpression, "impressions?"},
  };
  std::vector<std::string> abbreviations = {"vs.",  "Dr.",  "e.g.",
                                            "i.e.", "etc.", "approx."};
  std::unique_ptr<TextRules> rules;
  Status s = TextRules::Create(sections, abbreviations, &rules);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return rules;
}

// Each sentence as its normalized text, plus " @" and the level header when
// it belongs to a level paragraph.
std::vector<std::string> Render(const Document& d) {
  std::vector<std::string> out;
  for (const Sentence& s : d.sentences()) {
    std::string r(d.Text(s.span));
    if (!s.level_header.empty()) {
      r += " @";
      r += d.Text(s.level_header);
    }
    out.push_back(r);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(SentenceSplitter, SplitsClinicalTextTable) {
  std::unique_ptr<TextRules> rules = MakeRules();
  struct Case {
    const char* name;
    const char* input;
    Strings want;
  };
  const Case kCases[] = {
      {"terminal punctuation",
       "The cord is normal. No stenosis! Myelopathy?",
       {"the cord is normal.", "no stenosis!", "myelopathy?"}},
      {"abbreviations do not end sentences",
       "Compared with prior vs. today. Dr. Smith was notified (e.g. by "
       "phone). Done.",
       {"compared with prior vs. today.",
        "dr. smith was notified (e.g. by phone).", "done."}},
      {"abbreviation before a level header",
       "C4-5: narrowing on the vs. C5-6: stenosis.",
       {"narrowing on the vs. @c4-5", "stenosis. @c5-6"}},
      {"abbreviation followed by a comma",
       "Osteophytes, i.e., spurs, etc., are seen. Next.",
       {"osteophytes, i.e., spurs, etc., are seen.", "next."}},
      {"decimals",
       "The canal measures 7.5 mm at C5-6. The cord is 0.8 cm.",
       {"the canal measures 7.5 mm at c5-6.", "the cord is 0.8 cm."}},
      {"question mark inside a word is a hedge, not an end",
       "?Cord compression. Cord compression? Correlate.",
       {"?cord compression.", "cord compression?", "correlate."}},
      {"a detached question mark is a hedge on what follows",
       "Effacement of CSF. ? Mild cord signal. Stenosis, ? cord signal.\n? "
       "Myelopathy",
       {"effacement of csf.", "? mild cord signal.", "stenosis, ? cord signal.",
        "? myelopathy"}},
      {"closing bracket after the period",
       "Mild bulge (see image 5.) Normal cord.",
       {"mild bulge (see image 5.)", "normal cord."}},
      {"numbered impressions",
       "IMPRESSION:\n1. Mild stenosis at C5-6.\n2. No cord compression.",
       {"mild stenosis at c5-6.", "no cord compression."}},
      {"numbered items without periods",
       "IMPRESSION:\n1) Mild stenosis\n2) No cord signal abnormality",
       {"mild stenosis", "no cord signal abnormality"}},
      {"inline numbered items",
       "IMPRESSION: 1. Mild stenosis. 2. Cord flattening. (3) Normal.",
       {"mild stenosis.", "cord flattening.", "normal."}},
      {"number alone on its line",
       "IMPRESSION:\n1.\nMild stenosis.",
       {"mild stenosis."}},
      {"wrapped numbered item",
       "1. Mild stenosis at C5-6\nwith cord flattening.\n2. Normal.",
       {"mild stenosis at c5-6\nwith cord flattening.", "normal."}},
      {"bullets",
       "- Mild stenosis\n- No compression\n\xE2\x80\xA2 Normal cord",
       {"mild stenosis", "no compression", "normal cord"}},
      {"hard-wrapped lines join",
       "There is a broad-based disc bulge at C5-6 which\nmildly indents the "
       "ventral cord.\nNo abnormal cord signal.",
       {"there is a broad-based disc bulge at c5-6 which\nmildly indents the "
        "ventral cord.",
        "no abnormal cord signal."}},
      {"blank line ends a sentence",
       "Mild degenerative change\n\nNo cord compression",
       {"mild degenerative change", "no cord compression"}},
      {"short heading-like line ends at the newline",
       "Spinal cord\nThe cord is normal in caliber and signal.",
       {"spinal cord", "the cord is normal in caliber and signal."}},
      {"short line ending in a comma is a wrap",
       "Disc bulge,\nosteophytes and stenosis at several levels.",
       {"disc bulge,\nosteophytes and stenosis at several levels."}},
      {"abbreviation at a line end is a wrap",
       "Spurs etc.\nare present at several levels.",
       {"spurs etc.\nare present at several levels."}},
      {"line ending with a colon",
       "The following levels are involved in this study:\nmild changes at "
       "several levels.",
       {"the following levels are involved in this study:",
        "mild changes at several levels."}},
      {"next line starting a label",
       "Degenerative changes throughout the cervical spine are seen\nSpinal "
       "cord: normal in caliber and signal intensity throughout",
       {"degenerative changes throughout the cervical spine are seen",
        "spinal cord: normal in caliber and signal intensity throughout"}},
      {"level paragraphs",
       "FINDINGS:\nC4-5: Mild bulge. No stenosis.\nC5-C6: Disc osteophyte "
       "complex\nindenting the cord.\n\nThe paraspinal muscles are normal.",
       {"mild bulge. @c4-5", "no stenosis. @c4-5",
        "disc osteophyte complex\nindenting the cord. @c5-c6",
        "the paraspinal muscles are normal."}},
      {"level header forms",
       "C5/6: a.\nC7-T1: b.\nC2-3 level: c.\nC 3 - 4: d.",
       {"a. @c5/6", "b. @c7-t1", "c. @c2-3", "d. @c 3 - 4"}},
      {"level header alone on its line",
       "C5-6:\nMild bulge.\nNo stenosis.",
       {"mild bulge. @c5-6", "no stenosis. @c5-6"}},
      {"level header after a sentence on the same line",
       "Alignment is normal. C2-3: Normal.",
       {"alignment is normal.", "normal. @c2-3"}},
      {"level header ends an unpunctuated line",
       "Normal alignment\nC3-4: Mild bulge",
       {"normal alignment", "mild bulge @c3-4"}},
      {"level lists and ranges",
       "C3-4 and C4-5: mild bulges.\nC2-C3 through C4-C5: normal.\nC5-6, "
       "C6-7: patent.",
       {"mild bulges. @c3-4 and c4-5", "normal. @c2-c3 through c4-c5",
        "patent. @c5-6, c6-7"}},
      {"a label line ends a one-line level paragraph",
       "C5-6: Disc bulge.\nOther levels: normal.\nSpinal cord: normal.",
       {"disc bulge. @c5-6", "other levels: normal.", "spinal cord: normal."}},
      {"sub-labels under a level header alone on its line",
       "C5-6:\nCanal: mild stenosis.\nForamina: patent.",
       {"canal: mild stenosis. @c5-6", "foramina: patent. @c5-6"}},
      {"a label on the level header's line stays in the paragraph",
       "C5-6: Disc bulge. Canal: mild stenosis.",
       {"disc bulge. @c5-6", "canal: mild stenosis. @c5-6"}},
      {"section header ends a level paragraph",
       "FINDINGS: C5-6: Mild.\nIMPRESSION: Normal.",
       {"mild. @c5-6", "normal."}},
      {"scraped commas",
       "FINDINGS:,At C4-5, broad based disc bulge.,C5-6: mild stenosis,C6-7: "
       "normal,IMPRESSION:,1. Mild stenosis,2. Normal cord",
       {"at c4-5, broad based disc bulge.", "mild stenosis @c5-6",
        "normal @c6-7", "mild stenosis", "normal cord"}},
      {"level lists in prose stay together",
       "Mild stenosis at C4-5,C5-6 and C6-7.",
       {"mild stenosis at c4-5,c5-6 and c6-7."}},
      {"separator lines are dropped",
       "Normal.\n-----\n___\nDone.",
       {"normal.", "done."}},
      {"a rule line ends an unpunctuated sentence",
       "Broad-based disc bulge at C5-6 with moderate canal stenosis\n=====\n"
       "Done.",
       {"broad-based disc bulge at c5-6 with moderate canal stenosis",
        "done."}},
      {"header labels are not in sentences",
       "FINDINGS: Mild bulge\nIMPRESSION: Mild stenosis",
       {"mild bulge", "mild stenosis"}},
      {"empty report", "", {}},
      {"whitespace only", " \n\n \t", {}},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    Document d = Document::Build(c.input, *rules);
    EXPECT_EQ(Render(d), c.want);
  }
}

TEST(SentenceSplitter, SentencesRecordTheirSection) {
  std::unique_ptr<TextRules> rules = MakeRules();
  Document d = Document::Build(
      "MRI C-SPINE\nHistory: neck pain.\nFINDINGS: Mild bulge. Normal cord.\n"
      "IMPRESSION: Mild.",
      *rules);
  ASSERT_EQ(d.sections().size(), 4u);
  ASSERT_EQ(d.sentences().size(), 5u);
  const SectionKind want[] = {SectionKind::kNone, SectionKind::kHistory,
                              SectionKind::kFindings, SectionKind::kFindings,
                              SectionKind::kImpression};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(d.SectionOf(i), want[i]) << i;
    const Section& s = d.sections()[d.sentences()[i].section];
    EXPECT_TRUE(s.body.Contains(d.sentences()[i].span)) << i;
    EXPECT_FALSE(s.header.Overlaps(d.sentences()[i].span)) << i;
  }
}

TEST(SentenceSplitter, RunOnTextIsCutAtClauseBreaksWithinTheBound) {
  std::unique_ptr<TextRules> rules = MakeRules();
  std::string clause = "mild canal stenosis at c4-5 with cord contact";
  std::string text = "FINDINGS: ";
  for (int i = 0; i < 400; ++i) text += clause + ", ";
  text += "end";
  Document d = Document::Build(text, *rules);
  ASSERT_GT(d.sentences().size(), 1u);
  uint32_t covered = 0;
  for (const Sentence& s : d.sentences()) {
    EXPECT_LE(s.span.size(), kMaxSentenceBytes);
    // Every piece ends at a clause break, so no clause is cut in two.
    const std::string_view piece = d.Text(s.span);
    EXPECT_TRUE(piece.substr(piece.size() - 3) == "act" ||
                piece.substr(piece.size() - 3) == "end")
        << piece.substr(piece.size() - 20);
    covered += s.span.size();
  }
  EXPECT_GT(covered, text.size() * 9 / 10);

  // Without any break the text is still cut, on a character boundary.
  std::string solid =
      "FINDINGS: a";  // 'a' puts the two-byte chars at odd offsets
  for (int i = 0; i < 3000; ++i) solid += "\xC3\xA9";  // é
  Document e = Document::Build(solid, *rules);
  ASSERT_GT(e.sentences().size(), 1u);
  for (const Sentence& s : e.sentences()) {
    EXPECT_LE(s.span.size(), kMaxSentenceBytes);
    EXPECT_TRUE(IsValidUtf8(e.Text(s.span))) << "characters stay whole";
  }
}

TEST(SentenceSplitter, SpansMapBackToOriginalText) {
  std::unique_ptr<TextRules> rules = MakeRules();
  const std::string original =
      "FINDINGS:\r\n  C5\xE2\x80\x93"
      "6:  Cord  FLATTENING\xC2\xA0is seen.  "
      "Stra\xC3\x9F"
      "e.\r\n";
  Document d = Document::Build(original, *rules);
  ASSERT_EQ(d.sentences().size(), 2u);
  const Sentence& s = d.sentences()[0];
  EXPECT_EQ(d.OriginalText(d.ToOriginal(s.span)),
            "Cord  FLATTENING\xC2\xA0is seen.");
  EXPECT_EQ(d.OriginalText(d.ToOriginal(s.level_header)),
            "C5\xE2\x80\x93"
            "6");
  EXPECT_EQ(d.OriginalText(d.ToOriginal(d.sentences()[1].span)),
            "Stra\xC3\x9F"
            "e.");
}

TEST(SentenceSplitter, MatchLevelHeaderTable) {
  struct Case {
    const char* text;
    const char* want;  // the label, or nullptr for no match
  };
  const Case kCases[] = {
      {"c5-6: x", "c5-6"},
      {"c5-c6: x", "c5-c6"},
      {"c5/6: x", "c5/6"},
      {"c7-t1: x", "c7-t1"},
      {"c2-3 level: x", "c2-3"},
      {"c2-3 levels: x", "c2-3"},
      {"c5-6 : x", "c5-6"},
      {"c 5-6: x", "c 5-6"},
      {"t1-2:", "t1-2"},
      {"c5-6 mild", nullptr},
      {"c5: x", nullptr},
      {"c5-6:30", nullptr},
      {"cord: x", nullptr},
      {"c123-4: x", nullptr},
      {"c5-", nullptr},
      {"", nullptr},
      {"c3-4 and c4-5: x", "c3-4 and c4-5"},
      {"c3-c4 through c5-c6: x", "c3-c4 through c5-c6"},
      {"c3-4, c4-5, and c5-6: x", "c3-4, c4-5, and c5-6"},
      {"c3-4 and disc: x", nullptr},
  };
  for (const Case& c : kCases) {
    NormSpan label;
    size_t after = 0;
    const std::string_view t(c.text);
    const bool got = MatchLevelHeader(t, 0, &label, &after);
    if (c.want == nullptr) {
      EXPECT_FALSE(got) << c.text;
      continue;
    }
    ASSERT_TRUE(got) << c.text;
    EXPECT_EQ(t.substr(label.begin, label.size()), c.want);
    EXPECT_EQ(t[after - 1], ':') << c.text;
  }
}

TEST(SentenceSplitter, AbbreviationSetLooksUpNormalizedTokens) {
  AbbreviationSet set({"vs.", "e.g."});
  EXPECT_TRUE(set.Contains("vs."));
  EXPECT_TRUE(set.Contains("e.g."));
  EXPECT_FALSE(set.Contains("vs"));
  EXPECT_FALSE(set.Contains("cord."));
  EXPECT_FALSE(AbbreviationSet().Contains("vs."));
}

TEST(TextRules, RejectsAbbreviationsWithoutFinalPeriod) {
  std::unique_ptr<TextRules> rules;
  EXPECT_TRUE(TextRules::Create({}, {"w/"}, &rules).IsInvalidArgument());
  EXPECT_TRUE(TextRules::Create({}, {"e. g."}, &rules).IsInvalidArgument());
  EXPECT_OK(TextRules::Create({}, {"VS."}, &rules));
  EXPECT_EQ(rules->abbreviations(), std::vector<std::string>{"VS."});
}

// Property: whatever the input (random fragments, invalid UTF-8, multi-byte
// characters, byte mutations), every sentence and section span is in bounds
// and maps back to a well-formed original span.
TEST(SentenceSplitter, SpansStayInBoundsOnRandomInputs) {
  std::unique_ptr<TextRules> rules = MakeRules();
  static const char* const kFragments[] = {"The ",
                                           "cord",
                                           " ",
                                           "\t",
                                           "\r\n",
                                           "\n\n",
                                           "\n",
                                           ".",
                                           ". ",
                                           "C5-6: ",
                                           "1. ",
                                           "2) ",
                                           "IMPRESSION:",
                                           "FINDINGS\n",
                                           ",",
                                           ",C6-7: ",
                                           "e.g. ",
                                           "vs. ",
                                           "3.5 mm",
                                           "?",
                                           "- ",
                                           "\xC3\xA9",
                                           "\xEF\xAC\x81",
                                           "\xC3\x9F",
                                           "\xEF\xBC\x95",
                                           "\xE2\x80\x93",
                                           "\xE2\x80\x8B",
                                           "\xC2\xA0",
                                           "\xC2\xAD",
                                           "\xE2\x80\x99",
                                           "e\xCC\x81",
                                           "\xFF",
                                           "\xE2\x80",
                                           "\xF0\x9F\x98\x80",
                                           "\xED\xA0\x80",
                                           "\xE2\x80\xA2 ",
                                           "\xC2\xA8",
                                           "history: ",
                                           ":",
                                           "stenosis"};
  const size_t kCount = sizeof(kFragments) / sizeof(kFragments[0]);
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> pick(0, kCount - 1);
  std::uniform_int_distribution<int> parts(0, 60);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int iter = 0; iter < 2000; ++iter) {
    std::string original;
    const int k = parts(rng);
    for (int i = 0; i < k; ++i) original += kFragments[pick(rng)];
    for (int m = 0; m < 2 && !original.empty(); ++m) {
      std::uniform_int_distribution<size_t> at(0, original.size() - 1);
      original[at(rng)] = static_cast<char>(byte(rng));
    }
    SCOPED_TRACE(::testing::PrintToString(original));
    Document d = Document::Build(original, *rules);
    const uint32_t n = static_cast<uint32_t>(d.normalized().size());
    ASSERT_FALSE(d.sections().empty());
    uint32_t prev_end = 0;
    for (const Section& s : d.sections()) {
      ASSERT_LE(s.body.end, n);
      ASSERT_LE(s.header.end, s.body.begin);
      ASSERT_LE(prev_end, s.header.begin);
      prev_end = s.body.end;
    }
    uint32_t prev = 0;
    for (const Sentence& s : d.sentences()) {
      ASSERT_LE(s.span.begin, s.span.end);
      ASSERT_LE(s.span.end, n);
      ASSERT_LE(prev, s.span.begin);
      prev = s.span.end;
      ASSERT_FALSE(s.span.empty());
      ASSERT_GE(s.section, 0);
      ASSERT_LT(static_cast<size_t>(s.section), d.sections().size());
      ASSERT_TRUE(d.sections()[s.section].body.Contains(s.span));
      const std::string_view text = d.Text(s.span);
      ASSERT_NE(text.front(), ' ');
      ASSERT_NE(text.back(), ' ');
      ASSERT_NE(text.back(), '\n');
      const Span o = d.ToOriginal(s.span);
      ASSERT_LE(o.begin, o.end);
      ASSERT_LE(o.end, original.size());
      const Span l = d.ToOriginal(s.level_header);
      ASSERT_LE(l.begin, l.end);
      ASSERT_LE(l.end, original.size());
    }
  }
}

}  // namespace
}  // namespace myelex
