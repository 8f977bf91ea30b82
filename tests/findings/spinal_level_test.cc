#include "findings/spinal_level.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace myelex {
namespace {

// Renders the mentions of `text` as "C5-C6" per mention, levels joined by
// ",", mentions by " | "; an anaphora mention is "@".
std::string Render(std::string_view text) {
  std::string out;
  for (const LevelMention& m : FindLevels(text)) {
    if (!out.empty()) out += " | ";
    if (m.kind == LevelMention::Kind::kAnaphora) {
      out += "@";
      continue;
    }
    for (size_t i = 0; i < m.levels.size(); ++i) {
      if (i > 0) out += ",";
      out += m.levels[i].ToString();
    }
  }
  return out;
}

struct Case {
  const char* text;
  const char* want;
};

TEST(SpinalLevel, ParsesEveryWrittenFormOfOneDiscLevel) {
  const Case kCases[] = {
      {"c5-6", "C5-C6"},
      {"c5/6", "C5-C6"},
      {"c5/c6", "C5-C6"},
      {"c5-c6", "C5-C6"},
      {"c5\xe2\x80\x93"
       "6",
       "C5-C6"},  // raw en dash, as the normalizer would not have folded it
      {"c5\xe2\x80\x94"
       "6",
       "C5-C6"},  // raw em dash
      {"c 5-6", "C5-C6"},
      {"c5 - 6", "C5-C6"},
      {"c5-6 level", "C5-C6"},
      {"at the c5-6 level there is a bulge", "C5-C6"},
      {"c5-6 interspace", "C5-C6"},
      {"c5-6 disc space", "C5-C6"},
      {"c7-t1", "C7-T1"},
      {"c7-th1", "C7-T1"},
      {"c7/t1", "C7-T1"},
      {"c5,6", "C5-C6"},
      {"c5 c6", "C5-C6"},
      {"c56 disc bulge", "C5-C6"},
      {"C5-C6", "C5-C6"},  // raw upper case
      {"t1-2", "T1-T2"},
      {"t1-t2", "T1-T2"},
      {"l4-5", "L4-L5"},
      {"l5-s1", "L5-S1"},
      {"c1-2", "C1-C2"},
      {"(c4-5)", "C4-C5"},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(Render(c.text), c.want) << c.text;
  }
}

TEST(SpinalLevel, ExpandsSpansToEveryDiscLevel) {
  const Case kCases[] = {
      {"c3-c6", "C3-C4,C4-C5,C5-C6"},
      {"c3-6 fusion", "C3-C4,C4-C5,C5-C6"},
      {"c3 through c6", "C3-C4,C4-C5,C5-C6"},
      {"c3 thru c6", "C3-C4,C4-C5,C5-C6"},
      {"c3 to c6", "C3-C4,C4-C5,C5-C6"},
      {"signal from c3 to c6", "C3-C4,C4-C5,C5-C6"},
      {"c3-4 through c5-6", "C3-C4,C4-C5,C5-C6"},
      {"c3-4 to c6-7", "C3-C4,C4-C5,C5-C6,C6-C7"},
      {"spanning c2-c5", "C2-C3,C3-C4,C4-C5"},
      {"c3-c7 levels", "C3-C4,C4-C5,C5-C6,C6-C7"},
      {"c6 to t1", "C6-C7,C7-T1"},
      {"c4 to c5", "C4-C5"},
      {"c2-c3 through c7-t1", "C2-C3,C3-C4,C4-C5,C5-C6,C6-C7,C7-T1"},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(Render(c.text), c.want) << c.text;
  }
}

TEST(SpinalLevel, GivesEveryLevelOfAList) {
  const Case kCases[] = {
      {"c4-5, c5-6 and c6-7", "C4-C5,C5-C6,C6-C7"},
      {"c4-5 and c5-6 levels", "C4-C5,C5-C6"},
      {"at c5-6 and, to a lesser extent, c6-7", "C5-C6,C6-C7"},
      {"c4-5, 5-6 and 6-7", "C4-C5,C5-C6,C6-C7"},
      {"at c4 and c5", "C4,C5"},
      {"c3-4 or c4-5", "C3-C4,C4-C5"},
      // A list item that is really a measurement stops the list.
      {"c5-6 and 2-3 mm", "C5-C6"},
      // Two statements with their own words between are two mentions.
      {"mild at c4-5, moderate at c5-6", "C4-C5 | C5-C6"},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(Render(c.text), c.want) << c.text;
  }
}

TEST(SpinalLevel, ParsesVertebralLevels) {
  const Case kCases[] = {
      {"t2 hyperintensity at c5", "C5"},
      {"retro-c5", "C5"},
      {"c5 vertebral body", "C5"},
      {"at c2", "C2"},
      {"at t2", "T2"},
      {"the t4 vertebral body", "T4"},
      {"l5 vertebra", "L5"},
      {"c-5", "C5"},
      {"anterolisthesis of c4 on c5", "C4 | C5"},
      {"axial t2 at c5-6 shows flattening", "C5-C6"},
      {"cord signal at c4 on t2", "C4"},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(Render(c.text), c.want) << c.text;
  }
}

TEST(SpinalLevel, FindsAnaphora) {
  const Case kCases[] = {
      {"the cord is flattened at this level", "@"},
      {"at these levels", "@"},
      {"at the above levels", "@"},
      {"at the same level", "@"},
      {"at that level", "@"},
      {"at both levels", "@"},
      {"at each of these levels", "@"},
      {"at the aforementioned levels", "@"},
      {"c5-6: flattening at this level", "C5-C6 | @"},
      // Not anaphora.
      {"at the level above", ""},
      {"at each level", ""},
      {"multilevel degenerative change", ""},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(Render(c.text), c.want) << c.text;
  }
}

// "C5 C6" (dictation) is the disc level between two adjacent vertebrae,
// but not when the pair names roots or bones, and not when they are apart.
TEST(SpinalLevel, SpaceSeparatedAdjacentVertebraeAreADiscLevel) {
  EXPECT_EQ(Render("focus in the cord at c4 c5 which may be gliosis"), "C4-C5");
  EXPECT_EQ(Render("fusion of the c5 c6 vertebral bodies"), "C5 | C6");
  EXPECT_EQ(Render("c4 c6"), "C4 | C6");
}

// "The fused levels", "the operated segment" refer to the surgery's levels
// (resolved by the findings assembler); "above the fused segment" does not.
TEST(SpinalLevel, OperatedLevelsAreTheirOwnKindOfAnaphora) {
  std::vector<LevelMention> m = FindLevels("artifact at the fused levels");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].kind, LevelMention::Kind::kOperated);
  m = FindLevels("canal narrowing at the operated segment");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].kind, LevelMention::Kind::kOperated);
  EXPECT_TRUE(FindLevels("the cord above the fused segment").empty());
  m = FindLevels("stenosis at these levels");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].kind, LevelMention::Kind::kAnaphora);
}

TEST(SpinalLevel, AnaphoraMentionsHaveNoLevelsAndCoverThePhrase) {
  std::string text = "flattening at these levels";
  std::vector<LevelMention> m = FindLevels(text, 100);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].kind, LevelMention::Kind::kAnaphora);
  EXPECT_TRUE(m[0].levels.empty());
  EXPECT_EQ(m[0].span.begin, 100u + text.find("at these"));
  EXPECT_EQ(m[0].span.end, 100u + text.size());
}

TEST(SpinalLevel, DoesNotParseNonLevels) {
  const Case kCases[] = {
      {"c6 nerve root", ""},
      {"c8 radiculopathy", ""},
      {"exiting c6 root", ""},
      {"c7 dermatome", ""},
      {"impinges on the left c6 nerve root", ""},
      {"the c5 and c6 nerve roots", ""},
      {"image 14", ""},
      {"series 5 image 12", ""},
      {"se 4 im 12", ""},
      {"2019-05-06", ""},
      {"m47.12", ""},
      {"m50.12", ""},
      {"5.5 mm", ""},
      {"t2 hyperintensity", ""},
      {"t2 hyperintense signal", ""},
      {"t2-weighted images", ""},
      {"t1 hypointense", ""},
      {"t1 and t2 weighted", ""},
      {"on t1/t2 images", ""},
      {"hyperintense on t2", ""},
      {"stir", ""},
      {"sagittal t1, t2 and stir", ""},
      {"c-spine", ""},
      {"c7-8", ""},
      {"c8", ""},
      {"t2w", ""},
      {"abc5-6", ""},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(Render(c.text), c.want) << c.text;
  }
}

TEST(SpinalLevel, KeepsTheDiscLevelBeforeANerveRoot) {
  EXPECT_EQ(Render("foraminal stenosis at c5-6, c6 nerve root"), "C5-C6");
}

TEST(SpinalLevel, ReportsSpansRelativeToBaseOffset) {
  std::string text = "stenosis at c5-6 level.";
  std::vector<LevelMention> m = FindLevels(text, 40);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].kind, LevelMention::Kind::kExplicit);
  EXPECT_EQ(m[0].span.begin, 40u + text.find("c5"));
  EXPECT_EQ(m[0].span.end, 40u + text.find("."));
}

TEST(SpinalLevel, MentionsAreInTextOrderAndDoNotOverlap) {
  std::vector<LevelMention> m =
      FindLevels("at c3-4 mild, at c5 cord signal, c6-7 and at this level");
  ASSERT_EQ(m.size(), 4u);
  for (size_t i = 1; i < m.size(); ++i) {
    EXPECT_LE(m[i - 1].span.end, m[i].span.begin);
  }
}

TEST(SpinalLevel, CanonicalStrings) {
  EXPECT_EQ((SpinalLevel{5, 6}).ToString(), "C5-C6");
  EXPECT_EQ((SpinalLevel{5, 5}).ToString(), "C5");
  EXPECT_EQ((SpinalLevel{7, 8}).ToString(), "C7-T1");
  EXPECT_EQ((SpinalLevel{8, 9}).ToString(), "T1-T2");
  EXPECT_EQ((SpinalLevel{23, 24}).ToString(), "L4-L5");
  EXPECT_EQ((SpinalLevel{24, 25}).ToString(), "L5-S1");
}

TEST(SpinalLevel, ParsesCanonicalLevelsAndRejectsOthers) {
  SpinalLevel l;
  ASSERT_TRUE(ParseCanonicalLevel("C5-C6", &l));
  EXPECT_EQ(l, (SpinalLevel{5, 6}));
  ASSERT_TRUE(ParseCanonicalLevel("C5", &l));
  EXPECT_EQ(l, (SpinalLevel{5, 5}));
  ASSERT_TRUE(ParseCanonicalLevel("C7-T1", &l));
  EXPECT_EQ(l, (SpinalLevel{7, 8}));
  ASSERT_TRUE(ParseCanonicalLevel("T12-L1", &l));
  EXPECT_EQ(l, (SpinalLevel{19, 20}));
  EXPECT_FALSE(ParseCanonicalLevel("C3-C6", &l));  // a span, not one level
  EXPECT_FALSE(ParseCanonicalLevel("C8", &l));
  EXPECT_FALSE(ParseCanonicalLevel("C5-6", &l));
  EXPECT_FALSE(ParseCanonicalLevel("", &l));
  EXPECT_FALSE(ParseCanonicalLevel("X5", &l));
}

TEST(SpinalLevel, OverlapRules) {
  SpinalLevel c5{5, 5}, c45{4, 5}, c56{5, 6}, c34{3, 4}, c6{6, 6};
  EXPECT_TRUE(Overlaps(c5, c45));
  EXPECT_TRUE(Overlaps(c5, c56));
  EXPECT_TRUE(Overlaps(c56, c5));
  EXPECT_FALSE(Overlaps(c34, c45));
  EXPECT_FALSE(Overlaps(c45, c34));
  EXPECT_TRUE(Overlaps(c45, c45));
  EXPECT_TRUE(Overlaps(c5, c5));
  EXPECT_FALSE(Overlaps(c5, c6));
  EXPECT_FALSE(Overlaps(c5, c34));
}

TEST(SpinalLevel, AnyOverlapOnCanonicalStrings) {
  EXPECT_TRUE(AnyOverlap({"C5"}, {"C3-C4", "C4-C5"}));
  EXPECT_FALSE(AnyOverlap({"C3-C4"}, {"C4-C5", "C6"}));
  EXPECT_TRUE(AnyOverlap({"C3-C4", "C6-C7"}, {"C6-C7"}));
  EXPECT_FALSE(AnyOverlap({}, {"C5"}));
  EXPECT_FALSE(AnyOverlap({}, {}));
  EXPECT_FALSE(AnyOverlap({"garbage"}, {"C5"}));
}

TEST(SpinalLevel, ParsesLevelHeaders) {
  const Case kCases[] = {
      {"c5-6", "C5-C6"},      {"c5-c6:", "C5-C6"},     {"c7-t1", "C7-T1"},
      {"C5-6", "C5-C6"},      {"c5-6 level", "C5-C6"}, {"level c4-5", "C4-C5"},
      {"c2-3 disc", "C2-C3"},
  };
  for (const Case& c : kCases) {
    std::vector<SpinalLevel> got = ParseLevelHeader(c.text);
    ASSERT_EQ(got.size(), 1u) << c.text;
    EXPECT_EQ(got[0].ToString(), c.want) << c.text;
  }
  EXPECT_TRUE(ParseLevelHeader("findings").empty());
  EXPECT_TRUE(ParseLevelHeader("c5-6 there is a bulge").empty());
  EXPECT_TRUE(ParseLevelHeader("c6 nerve root").empty());
}

}  // namespace
}  // namespace myelex
