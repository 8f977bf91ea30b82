// Tests of the attribute helpers: severity scale, overlap resolution and
// measurement parsing.
#include "findings/attributes.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace myelex {
namespace {

TEST(SeverityRank, OrdersTheContractScale) {
  EXPECT_EQ(SeverityRank(""), 0);
  EXPECT_LT(SeverityRank("minimal"), SeverityRank("mild"));
  EXPECT_LT(SeverityRank("mild"), SeverityRank("mild_to_moderate"));
  EXPECT_LT(SeverityRank("mild_to_moderate"), SeverityRank("moderate"));
  EXPECT_LT(SeverityRank("moderate"), SeverityRank("moderate_to_severe"));
  EXPECT_LT(SeverityRank("moderate_to_severe"), SeverityRank("severe"));
  EXPECT_EQ(SeverityRank("significant"), -1);
  for (int r = 1; r <= 6; ++r) EXPECT_EQ(SeverityRank(SeverityName(r)), r);
  EXPECT_STREQ(SeverityName(0), "");
  EXPECT_STREQ(SeverityName(7), "");
}

TEST(SeverityRange, AdjacentGradesGiveTheRangeValue) {
  struct Case {
    const char* low;
    const char* high;
    const char* want;
  } cases[] = {
      {"mild", "moderate", "mild_to_moderate"},
      {"moderate", "mild", "mild_to_moderate"},
      {"moderate", "severe", "moderate_to_severe"},
      {"mild", "severe", "severe"},
      {"minimal", "mild", "mild"},
      {"", "moderate", "moderate"},
      {"severe", "", "severe"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SeverityRange(c.low, c.high), c.want) << c.low << " " << c.high;
  }
}

Mention At(int rule, uint32_t b, uint32_t e) {
  Mention m;
  m.rule = rule;
  m.norm = NormSpan(b, e);
  m.sentence = 0;
  return m;
}

TEST(KeepLongest, LongestOverlappingMentionWinsAndOrderIsPositional) {
  // "mild to moderate" [0,16) beats "mild" [0,4) and "moderate" [8,16);
  // "severe" [30,36) does not overlap anything.
  std::vector<Mention> mentions = {At(0, 0, 4), At(2, 0, 16), At(1, 8, 16),
                                   At(3, 30, 36)};
  std::vector<int> kept = KeepLongest(mentions, {0, 1, 2, 3});
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0], 1);
  EXPECT_EQ(kept[1], 3);
}

TEST(KeepLongest, TiesGoToTheEarlierMentionThenLowerRule) {
  std::vector<Mention> mentions = {At(5, 2, 6), At(4, 0, 4), At(1, 0, 4)};
  std::vector<int> kept = KeepLongest(mentions, {0, 1, 2});
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0], 2);  // [0,4) starts first; rule 1 < rule 4
}

TEST(FindMeasurements, ReadsMillimetresAndCentimetres) {
  std::string text =
      "narrows the canal to 8 mm ap; residual canal 7.5mm; cyst 1.2 cm; "
      "width 12 millimeters";
  std::vector<Measurement> found = FindMeasurements(text, 100);
  ASSERT_EQ(found.size(), 4u);
  EXPECT_DOUBLE_EQ(found[0].mm, 8);
  EXPECT_EQ(text.substr(found[0].span.begin - 100, found[0].span.size()),
            "8 mm");
  EXPECT_DOUBLE_EQ(found[1].mm, 7.5);
  EXPECT_DOUBLE_EQ(found[2].mm, 12);
  EXPECT_DOUBLE_EQ(found[3].mm, 12);
}

TEST(FindMeasurements, SkipsNumbersWithoutALengthUnit) {
  EXPECT_TRUE(FindMeasurements("c5-6 grade 2 on 03/2023, image 14").empty());
  // "mm" must be a whole word and the number must not be part of a word.
  EXPECT_TRUE(FindMeasurements("3mmol t2 5mmhg").empty());
  EXPECT_TRUE(FindMeasurements("c5 mm").empty());
}

}  // namespace
}  // namespace myelex
