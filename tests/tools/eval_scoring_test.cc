// Scoring of `myelex eval` (contract section 5): fact matching, counts and
// the report-level comparison.
#include "eval_scoring.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace myelex {
namespace cli {
namespace {

Fact F(const std::string& concept, const std::string& certainty,
       std::vector<std::string> levels = {}) {
  return Fact{concept, certainty, std::move(levels)};
}

Labels L(bool applicable, bool equivocal, const std::string& recommendation,
         bool referral, std::vector<Fact> facts = {}) {
  Labels l;
  l.applicable = applicable;
  l.equivocal = equivocal;
  l.recommendation = recommendation;
  l.surgical_referral = referral;
  l.facts = std::move(facts);
  Dedupe(&l.facts);
  return l;
}

TEST(EvalScoring, FactsMatchOnConceptCertaintyAndOverlappingLevels) {
  struct Case {
    Fact pred, gold;
    bool want;
  } cases[] = {
      {F("cord_compression", "possible", {"C5-C6"}),
       F("cord_compression", "possible", {"C5-C6"}), true},
      {F("cord_compression", "possible", {"C5"}),
       F("cord_compression", "possible", {"C4-C5"}), true},
      {F("cord_compression", "possible", {"C3-C4"}),
       F("cord_compression", "possible", {"C4-C5"}), false},
      {F("cord_compression", "possible"),
       F("cord_compression", "possible", {"C4-C5"}), true},
      {F("cord_compression", "possible", {"C4-C5"}),
       F("cord_compression", "possible"), true},
      {F("cord_compression", "definite", {"C4-C5"}),
       F("cord_compression", "possible", {"C4-C5"}), false},
      {F("cord_contact", "possible", {"C4-C5"}),
       F("cord_compression", "possible", {"C4-C5"}), false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FactsMatch(c.pred, c.gold), c.want)
        << FactString(c.pred) << " vs " << FactString(c.gold);
  }
}

TEST(EvalScoring, MatchingIsOneToOneAndMaximal) {
  // The levelless prediction could take either gold fact; a greedy match
  // giving it C4-C5 would leave the C4-C5 prediction unmatched.
  std::vector<Fact> pred = {F("canal_stenosis", "definite"),
                            F("canal_stenosis", "definite", {"C4-C5"})};
  std::vector<Fact> gold = {F("canal_stenosis", "definite", {"C4-C5"}),
                            F("canal_stenosis", "definite", {"C6-C7"})};
  std::vector<int> m = MatchFacts(pred, gold);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0], 1);
  EXPECT_EQ(m[1], 0);

  // One prediction never matches two gold facts.
  m = MatchFacts({F("syrinx", "definite")}, {F("syrinx", "definite", {"C5"}),
                                             F("syrinx", "definite", {"C6"})});
  EXPECT_EQ((m[0] >= 0) + (m[1] >= 0), 1);
}

TEST(EvalScoring, DedupeCountsTheSameFactOnceWithLevelsInSpinalOrder) {
  std::vector<Fact> facts = {F("myelomalacia", "definite", {"C7-T1", "C5"}),
                             F("myelomalacia", "definite", {"C5", "C7-T1"}),
                             F("myelomalacia", "definite", {"C5", "C5"})};
  Dedupe(&facts);
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[0].levels, std::vector<std::string>({"C5"}));
  EXPECT_EQ(facts[1].levels, std::vector<std::string>({"C5", "C7-T1"}));
}

TEST(EvalScoring, CausesAndPostoperativeAreNotScored) {
  EXPECT_TRUE(IsScoredConcept("cord_compression"));
  EXPECT_TRUE(IsScoredConcept("canal_stenosis"));
  EXPECT_TRUE(IsScoredConcept("foraminal_stenosis"));
  EXPECT_TRUE(IsScoredConcept("demyelinating_disease"));
  EXPECT_FALSE(IsScoredConcept("disc_herniation"));
  EXPECT_FALSE(IsScoredConcept("postoperative"));
}

TEST(EvalScoring, ReportLevelFieldsCountAndWrongReportsNameTheField) {
  Scores s;
  GoldCase right{"a", "", L(true, true, "ct_myelography", false)};
  ScoreOne(right, L(true, true, "ct_myelography", false), &s);
  GoldCase wrong{"b", "", L(true, true, "ct_myelography", true)};
  ScoreOne(wrong, L(true, false, "none", true), &s);

  EXPECT_EQ(s.reports, 2);
  EXPECT_EQ(s.applicable_right, 2);
  EXPECT_EQ(s.recommendation_right, 1);
  EXPECT_EQ(s.decision_exact, 1);
  EXPECT_EQ(s.equivocal.tp, 1);
  EXPECT_EQ(s.equivocal.fn, 1);
  EXPECT_EQ(s.surgical_referral.tp, 1);
  EXPECT_EQ(s.per_recommendation["ct_myelography"].fn, 1);
  EXPECT_EQ(s.per_recommendation["none"].fp, 1);
  ASSERT_EQ(s.wrong.size(), 1u);
  EXPECT_EQ(s.wrong[0].id, "b");
  ASSERT_EQ(s.wrong[0].fields.size(), 2u);
  EXPECT_EQ(s.wrong[0].fields[0].field, "equivocal");
  EXPECT_EQ(s.wrong[0].fields[1].field, "recommendation");
}

TEST(EvalScoring, FactCountsPerConceptWithMissingAndSpurious) {
  Scores s;
  GoldCase gold{"r", "",
                L(true, false, "none", false,
                  {F("cord_compression", "definite", {"C5-C6"}),
                   F("canal_stenosis", "negated")})};
  Labels got = L(true, false, "none", false,
                 {F("cord_compression", "definite", {"C5-C6"}),
                  F("canal_stenosis", "definite", {"C5-C6"})});
  ScoreOne(gold, got, &s);
  EXPECT_EQ(s.facts.tp, 1);
  EXPECT_EQ(s.facts.fn, 1);
  EXPECT_EQ(s.facts.fp, 1);
  EXPECT_EQ(s.per_concept["cord_compression"].tp, 1);
  EXPECT_EQ(s.per_concept["canal_stenosis"].fn, 1);
  EXPECT_EQ(s.per_concept["canal_stenosis"].fp, 1);
  EXPECT_DOUBLE_EQ(s.facts.P(), 0.5);
  EXPECT_DOUBLE_EQ(s.facts.R(), 0.5);
  ASSERT_EQ(s.wrong.size(), 1u);
  ASSERT_EQ(s.wrong[0].missing.size(), 1u);
  EXPECT_EQ(s.wrong[0].missing_hint[0], "got definite");
}

TEST(EvalScoring, EmptyCountsFollowTheDocumentedConventions) {
  Counts none;
  EXPECT_EQ(none.P(), 1);
  EXPECT_EQ(none.R(), 1);
  Counts only_fp;
  only_fp.Add(false, true);
  EXPECT_EQ(only_fp.P(), 0);
  EXPECT_EQ(only_fp.R(), 0);
  EXPECT_EQ(only_fp.F1(), 0);
}

}  // namespace
}  // namespace cli
}  // namespace myelex
