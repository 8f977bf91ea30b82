// Tests of the attribute helpers: severity scale, overlap resolution and
// measurement parsing.
#include "findings/attributes.h"

#include <algorithm>
#include <functional>
#include <random>
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

// The plain quadratic statement of KeepLongest's contract, to check the
// fast one against.
std::vector<int> KeepLongestReference(
    const std::vector<Mention>& mentions, std::vector<int> order,
    const std::function<bool(int, int)>& may_share_span) {
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const Mention& x = mentions[a];
    const Mention& y = mentions[b];
    if (x.norm.size() != y.norm.size()) return x.norm.size() > y.norm.size();
    if (x.norm.begin != y.norm.begin) return x.norm.begin < y.norm.begin;
    return x.rule < y.rule;
  });
  std::vector<int> kept;
  for (int i : order) {
    bool conflict = false;
    for (int k : kept) {
      if (!mentions[k].norm.Overlaps(mentions[i].norm)) continue;
      if (may_share_span && mentions[k].norm == mentions[i].norm &&
          may_share_span(k, i)) {
        continue;
      }
      conflict = true;
      break;
    }
    if (!conflict) kept.push_back(i);
  }
  std::sort(kept.begin(), kept.end(), [&](int a, int b) {
    if (mentions[a].norm != mentions[b].norm) {
      return mentions[a].norm < mentions[b].norm;
    }
    return mentions[a].rule < mentions[b].rule;
  });
  return kept;
}

// Random mentions over a short text, so that overlaps, identical spans and
// (rarely) empty spans are common.
std::vector<Mention> RandomMentions(std::mt19937* rng, int n, uint32_t text) {
  std::vector<Mention> mentions;
  for (int i = 0; i < n; ++i) {
    uint32_t b = (*rng)() % text;
    uint32_t len = (*rng)() % 10 == 0 ? 0 : 1 + (*rng)() % 8;
    mentions.push_back(At(static_cast<int>((*rng)() % 6), b, b + len));
  }
  return mentions;
}

TEST(KeepLongest, AgreesWithTheQuadraticReferenceOnRandomMentions) {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::vector<Mention> mentions =
        RandomMentions(&rng, 1 + static_cast<int>(rng() % 40), 40);
    std::vector<int> candidates;
    for (size_t i = 0; i < mentions.size(); ++i) {
      if (rng() % 4 != 0) candidates.push_back(static_cast<int>(i));
    }
    // "Concept" = rule % 3: identical spans of different concepts coexist.
    auto differ = [&](int a, int b) {
      return mentions[a].rule % 3 != mentions[b].rule % 3;
    };
    EXPECT_EQ(KeepLongest(mentions, candidates),
              KeepLongestReference(mentions, candidates, nullptr))
        << "round " << round;
    EXPECT_EQ(KeepLongest(mentions, candidates, differ),
              KeepLongestReference(mentions, candidates, differ))
        << "round " << round;
  }
}

TEST(KeepLongest, IdenticalSpansOfDifferentConceptsAreAllKept) {
  // "central and foraminal stenosis" read as two concepts on one span; a
  // second mention of the first concept on that span is dropped.
  std::vector<Mention> mentions = {At(0, 0, 10), At(1, 0, 10), At(2, 0, 10),
                                   At(1, 5, 7)};
  std::vector<int> kept = KeepLongest(mentions, {0, 1, 2, 3}, [](int a, int b) {
    return a % 2 != b % 2;  // mentions 0 and 2 share a concept
  });
  EXPECT_EQ(kept, (std::vector<int>{0, 1}));
}

TEST(KeepLongest, FinishesOnADenseRunOfOverlappingMentions) {
  // 200,000 mentions, each overlapping the next ones: a quadratic
  // resolution would take minutes. Every third position starts a longer
  // mention that wins over the shorter ones it covers.
  std::vector<Mention> mentions;
  std::vector<int> candidates;
  for (uint32_t i = 0; i < 200000; ++i) {
    mentions.push_back(At(static_cast<int>(i % 5), i, i + 3 + i % 3));
    candidates.push_back(static_cast<int>(i));
  }
  std::vector<int> kept = KeepLongest(mentions, candidates, [&](int a, int b) {
    return mentions[a].rule != mentions[b].rule;
  });
  ASSERT_FALSE(kept.empty());
  for (size_t k = 1; k < kept.size(); ++k) {
    EXPECT_FALSE(mentions[kept[k - 1]].norm.Overlaps(mentions[kept[k]].norm));
  }
  // The same input cut short agrees with the reference.
  mentions.resize(2000);
  candidates.resize(2000);
  EXPECT_EQ(KeepLongest(mentions, candidates),
            KeepLongestReference(mentions, candidates, nullptr));
}

TEST(SpanUnion, OverlapsExactlyWhenOneOfItsSpansDoes) {
  std::mt19937 rng(11);
  for (int round = 0; round < 300; ++round) {
    std::vector<Mention> set = RandomMentions(&rng, rng() % 12, 50);
    std::vector<NormSpan> spans;
    for (const Mention& m : set) spans.push_back(m.norm);
    const SpanUnion u(spans);
    for (const Mention& q : RandomMentions(&rng, 20, 50)) {
      bool want = false;
      for (const NormSpan& s : spans) want |= s.Overlaps(q.norm);
      EXPECT_EQ(u.Overlaps(q.norm), want)
          << "round " << round << " [" << q.norm.begin << "," << q.norm.end
          << ")";
    }
  }
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
