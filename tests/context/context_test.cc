// ConText algorithm tests over tiny inline lexicons (never the shipped ones;
// see context_table_test.cc for those).
#include "context/context.h"

#include <memory>
#include <string>
#include <vector>

#include "context/certainty.h"
#include "gtest/gtest.h"
#include "lexicon/compiled_lexicon.h"
#include "lexicon/lexicon_parser.h"
#include "match/matcher.h"
#include "testing/test_util.h"

namespace myelex {
namespace {

constexpr char kModifierHeader[] =
    "id\tcategory\tdirection\tcertainty\tscope\tliteral\tpattern\n";
constexpr char kAttributeHeader[] = "id\tattribute\tvalue\tliteral\tpattern\n";

// One modifier row: "id category direction certainty scope literal pattern",
// written with '|' between fields for readability.
std::string Row(std::string fields) {
  for (char& c : fields) {
    if (c == '|') c = '\t';
  }
  return fields + "\n";
}

// The base lexicon most tests use.
const std::vector<std::string>& BaseRows() {
  static const auto* rows = new std::vector<std::string>{
      Row("neg.no|negation|forward|negated|12|no|-"),
      Row("neg.not_seen|negation|backward|negated|8|is not seen|-"),
      Row("neg.excluded|negation|backward|negated|6|excluded|-"),
      Row("neg.no_definite|negation|forward|unlikely|12|no definite|-"),
      Row("hedge.possible|hedge|forward|possible|8|possible|-"),
      Row("hedge.cannot_exclude|hedge|backward|possible|10|cannot be "
          "excluded|-"),
      Row("hedge.likely|hedge|forward|probable|8|likely|-"),
      Row("hedge.suggest|hedge|forward|probable|8|to suggest|-"),
      Row("hedge.may_reflect|hedge|forward|possible|8|may reflect|-"),
      Row("hedge.represents|hedge|forward|definite|8|representing|-"),
      Row("hist.history_of|historical|forward|-|6|history of|-"),
      Row("hist.resolved|historical|backward|-|6|has resolved|-"),
      Row("neg.resolved|negation|backward|negated|6|has resolved|"
          "\\bhas (?:since )?resolved\\b"),
      Row("hyp.evaluate_for|hypothetical|forward|-|8|evaluate for|-"),
      Row("exp.family|experiencer|forward|-|sentence|family history of|-"),
      Row("pseudo.no_change|pseudo|-|-|-|no change in|-"),
      Row("term.but|terminate|-|-|-|but|-"),
      Row("term.which|terminate|-|-|-|which|-"),
      Row("term.semicolon|terminate|-|-|-|;|-"),
  };
  return *rows;
}

class ContextTest : public ::testing::Test {
 protected:
  // Compiles BaseRows() plus `extra` modifier rows and two severity values.
  void Load(const std::vector<std::string>& extra = {},
            bool replace_base = false) {
    std::string modifiers = kModifierHeader;
    if (!replace_base) {
      for (const std::string& r : BaseRows()) modifiers += r;
    }
    for (const std::string& r : extra) modifiers += r;
    std::string attributes = std::string(kAttributeHeader) +
                             "sev.mild\tseverity\tmild\tmild\t-\n"
                             "sev.moderate\tseverity\tmoderate\tmoderate\t-\n"
                             "sev.severe\tseverity\tsevere\tsevere\t-\n";
    Lexicon lexicon;
    std::vector<std::string> problems;
    ASSERT_OK(ParseLexicon(modifiers, "test_modifiers.tsv", &lexicon.rules,
                           &problems));
    ASSERT_OK(ParseLexicon(attributes, "test_attributes.tsv", &lexicon.rules,
                           &problems));
    ASSERT_TRUE(problems.empty()) << problems[0];
    ASSERT_OK(CompiledLexicon::Create(std::move(lexicon), &lexicon_));
  }

  // Builds `text`, matches it, and asserts every target substring (the
  // first occurrence of each) at once, so the conjunct rules see them all.
  void Run(const std::string& text, const std::vector<std::string>& targets) {
    doc_ = Document::Build(text, lexicon_->text_rules());
    mentions_ = Match(*lexicon_, doc_);
    std::vector<ContextTarget> t;
    for (const std::string& s : targets) {
      size_t at = text.find(s);
      ASSERT_NE(at, std::string::npos) << s;
      ContextTarget ct;
      ct.span = doc_.ToNormalized(Span(static_cast<uint32_t>(at),
                                       static_cast<uint32_t>(at + s.size())));
      t.push_back(ct);
    }
    result_ = ApplyContext(doc_, *lexicon_, mentions_, t);
    ASSERT_EQ(result_.assertions.size(), targets.size());
  }

  Certainty CertaintyOf(int target) const {
    return result_.assertions[target].certainty;
  }
  const Assertion& At(int target) const { return result_.assertions[target]; }
  // The rule id of cue `cue`.
  std::string CueId(int cue) const {
    return lexicon_->rule(mentions_[result_.cues[cue].mention].rule).id;
  }
  // The id of the cue that decided target `target`'s certainty, or "".
  std::string Decider(int target) const {
    int c = result_.assertions[target].certainty_cue;
    return c < 0 ? "" : CueId(c);
  }

  std::unique_ptr<CompiledLexicon> lexicon_;
  Document doc_;
  std::vector<Mention> mentions_;
  ContextResult result_;
};

TEST_F(ContextTest, NoCueMeansDefinitePatientCurrent) {
  Load();
  Run("mild cord compression at c5-6.", {"cord compression"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kDefinite);
  EXPECT_FALSE(At(0).historical);
  EXPECT_FALSE(At(0).hypothetical);
  EXPECT_EQ(At(0).experiencer, Experiencer::kPatient);
  EXPECT_TRUE(At(0).cues.empty());
  EXPECT_EQ(At(0).certainty_cue, -1);
}

TEST_F(ContextTest, ForwardNegationReachesTarget) {
  Load();
  Run("no cord compression.", {"cord compression"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kNegated);
  EXPECT_EQ(Decider(0), "neg.no");
}

TEST_F(ContextTest, ForwardCueDoesNotReachBackward) {
  Load();
  Run("cord compression, possible syrinx.", {"cord compression", "syrinx"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kDefinite);
  EXPECT_EQ(CertaintyOf(1), Certainty::kPossible);
}

TEST_F(ContextTest, TerminateEndsForwardScope) {
  Load();
  Run("no cord compression but severe foraminal stenosis.",
      {"cord compression", "foraminal stenosis"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kNegated);
  EXPECT_EQ(CertaintyOf(1), Certainty::kDefinite);
}

TEST_F(ContextTest, TerminateEndsBackwardScope) {
  Load();
  Run("disc bulge; syrinx is not seen.", {"disc bulge", "syrinx"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kDefinite);
  EXPECT_EQ(CertaintyOf(1), Certainty::kNegated);
}

TEST_F(ContextTest, PseudoRuleSuppressesNegation) {
  Load();
  Run("no change in the cord signal abnormality.", {"cord signal"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kDefinite);
  ASSERT_EQ(result_.cues.size(), 2u);  // pseudo.no_change and neg.no
  for (size_t i = 0; i < result_.cues.size(); ++i) {
    if (CueId(static_cast<int>(i)) == "neg.no") {
      EXPECT_TRUE(result_.cues[i].blocked);
      EXPECT_TRUE(result_.cues[i].scope.empty());
    } else {
      EXPECT_EQ(CueId(static_cast<int>(i)), "pseudo.no_change");
      EXPECT_FALSE(result_.cues[i].blocked);
    }
  }
}

TEST_F(ContextTest, MaxScopeLimitsForwardCue) {
  Load({Row("neg.none|negation|forward|negated|2|none of|-")}, true);
  Run("none of the images show a syrinx.", {"images", "syrinx"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kNegated);  // word 2: "images"
  EXPECT_EQ(CertaintyOf(1), Certainty::kDefinite);
}

TEST_F(ContextTest, MaxScopeLimitsBackwardCue) {
  Load({Row("neg.absent|negation|backward|negated|2|absent|-")}, true);
  Run("syrinx at the c5 level absent.", {"syrinx", "level"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kDefinite);
  EXPECT_EQ(CertaintyOf(1), Certainty::kNegated);
}

TEST_F(ContextTest, SentenceScopeRunsToSentenceEnd) {
  Load({Row("neg.no|negation|forward|negated|sentence|no|-")}, true);
  Run("no cord compression at any of the levels from c2 to c7 with syrinx.",
      {"syrinx"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kNegated);
}

TEST_F(ContextTest, CueDoesNotCrossSentenceBoundary) {
  Load();
  Run("no cord compression. syrinx at c5.", {"syrinx"});
  if (doc_.sentences().size() < 2) {
    GTEST_SKIP() << "sentence splitter not available";
  }
  EXPECT_EQ(CertaintyOf(0), Certainty::kDefinite);
}

TEST_F(ContextTest, PostPositionCueScopesBackward) {
  Load();
  Run("myelomalacia at c5-6 cannot be excluded.", {"myelomalacia"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kPossible);
  EXPECT_EQ(Decider(0), "hedge.cannot_exclude");
}

TEST_F(ContextTest, LongestOverlappingCueWins) {
  Load();
  Run("myelomalacia cannot be excluded.", {"myelomalacia"});
  bool saw_blocked_excluded = false;
  for (size_t i = 0; i < result_.cues.size(); ++i) {
    if (CueId(static_cast<int>(i)) == "neg.excluded") {
      saw_blocked_excluded = result_.cues[i].blocked;
    }
  }
  EXPECT_TRUE(saw_blocked_excluded);
  EXPECT_EQ(CertaintyOf(0), Certainty::kPossible);
}

TEST_F(ContextTest, WeakNegationIsUnlikely) {
  Load();
  Run("no definite cord signal abnormality.", {"cord signal abnormality"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kUnlikely);
  EXPECT_EQ(Decider(0), "neg.no_definite");
}

TEST_F(ContextTest, NegationDistributesOverCoordinatedList) {
  Load();
  Run("no cord compression, myelomalacia or syrinx.",
      {"cord compression", "myelomalacia", "syrinx"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kNegated);
  EXPECT_EQ(CertaintyOf(1), Certainty::kNegated);
  EXPECT_EQ(CertaintyOf(2), Certainty::kNegated);
}

// A public NegEx port ends a "no" scope at the next "no" and then loses the
// item in between; every item here must stay negated.
TEST_F(ContextTest, RepeatedNegationKeepsEveryItemNegated) {
  Load();
  Run("no cord compression, no myelomalacia, no syrinx.",
      {"cord compression", "myelomalacia", "syrinx"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kNegated);
  EXPECT_EQ(CertaintyOf(1), Certainty::kNegated);
  EXPECT_EQ(CertaintyOf(2), Certainty::kNegated);
}

TEST_F(ContextTest, SeverityConjunctEndsScope) {
  Load();
  Run("possible mild cord compression at c5-6 and c6-7, and moderate "
      "foraminal narrowing at c5-6.",
      {"cord compression", "c6-7", "foraminal narrowing"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kPossible);
  EXPECT_EQ(CertaintyOf(1), Certainty::kPossible);
  EXPECT_EQ(CertaintyOf(2), Certainty::kDefinite);
}

TEST_F(ContextTest, SeverityWithinTheNegatedPhraseKeepsScope) {
  Load();
  Run("no moderate or severe canal stenosis.", {"canal stenosis"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kNegated);
}

TEST_F(ContextTest, CueStartingNewConjunctEndsScope) {
  Load();
  Run("no cord compression or possible syrinx.",
      {"cord compression", "syrinx"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kNegated);
  EXPECT_EQ(CertaintyOf(1), Certainty::kPossible);
  EXPECT_EQ(Decider(1), "hedge.possible");
}

TEST_F(ContextTest, BackwardScopeStopsAtConjunctOfAnotherCue) {
  Load();
  Run("no cord compression, myelomalacia cannot be excluded.",
      {"cord compression", "myelomalacia"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kNegated);
  EXPECT_EQ(CertaintyOf(1), Certainty::kPossible);
}

TEST_F(ContextTest, NestedHedgeTakesTheWeakerCertainty) {
  Load();
  Run("t2 hyperintensity likely representing myelomalacia.",
      {"t2 hyperintensity", "myelomalacia"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kDefinite);
  EXPECT_EQ(CertaintyOf(1), Certainty::kProbable);
  EXPECT_EQ(Decider(1), "hedge.represents");
  // The deciding cue and the cue it is nested in both applied.
  ASSERT_EQ(At(1).cues.size(), 2u);
  EXPECT_EQ(CueId(At(1).cues[0]), "hedge.likely");
  EXPECT_EQ(CueId(At(1).cues[1]), "hedge.represents");
}

TEST_F(ContextTest, SubjectOfANestedLinkingVerbKeepsItsOwnCertainty) {
  Load({Row("hedge.not_unlikely|hedge|forward|probable|15|not unlikely "
            "that|-"),
        Row("hedge.represents_verb|hedge|both|definite|8|represents|-")});
  Run("it is not unlikely that the signal change represents myelomalacia.",
      {"signal change", "myelomalacia"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kDefinite);
  EXPECT_EQ(CertaintyOf(1), Certainty::kProbable);
}

TEST_F(ContextTest, ConjunctBeyondTheWordWindowStillEndsBackwardScope) {
  Load({Row("hedge.not_excl|hedge|backward|possible|4|is not excluded|-")},
       true);
  // The word window (4 words) reaches back into "canal stenosis"; the
  // conjunct "and" after the severity word "mild" ends the scope first.
  Run("mild canal stenosis and cord compression is not excluded.",
      {"canal stenosis", "cord compression"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kDefinite);
  EXPECT_EQ(CertaintyOf(1), Certainty::kPossible);
}

TEST_F(ContextTest, NegationGovernsANestedHedge) {
  Load();
  Run("no cord signal abnormality to suggest myelopathy.",
      {"cord signal abnormality", "myelopathy"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kNegated);
  EXPECT_EQ(CertaintyOf(1), Certainty::kNegated);
}

TEST_F(ContextTest, HedgeAfterWhichAppliesToTheInterpretationOnly) {
  Load();
  Run("t2 hyperintensity at c3-4, which may reflect edema or myelomalacia.",
      {"t2 hyperintensity", "edema", "myelomalacia"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kDefinite);
  EXPECT_EQ(CertaintyOf(1), Certainty::kPossible);
  EXPECT_EQ(CertaintyOf(2), Certainty::kPossible);
}

TEST_F(ContextTest, FlagsAreIndependentOfCertainty) {
  Load();
  Run("history of possible myelitis.", {"myelitis"});
  EXPECT_TRUE(At(0).historical);
  EXPECT_EQ(CertaintyOf(0), Certainty::kPossible);
}

TEST_F(ContextTest, NegationDoesNotClearHistorical) {
  Load();
  Run("no history of myelitis.", {"myelitis"});
  EXPECT_TRUE(At(0).historical);
  EXPECT_EQ(CertaintyOf(0), Certainty::kNegated);
}

TEST_F(ContextTest, TwinCuesOnOneSpanBothApply) {
  Load();
  Run("the cord edema has resolved.", {"cord edema"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kNegated);
  EXPECT_TRUE(At(0).historical);
  EXPECT_EQ(At(0).cues.size(), 2u);
}

TEST_F(ContextTest, TwinCuesOfOneCategoryWithOtherDirectionsBothStand) {
  Load({Row("hyp.if|hypothetical|forward|-|sentence|if|-"),
        Row("hyp.if_after|hypothetical|backward|-|2|if|-")});
  Run("nausea today. will give ondansetron if nausea recurs.",
      {"ondansetron", "nausea recurs", "nausea"});
  EXPECT_TRUE(At(0).hypothetical);   // the backward twin
  EXPECT_TRUE(At(1).hypothetical);   // the forward twin
  EXPECT_FALSE(At(2).hypothetical);  // another sentence
  EXPECT_FALSE(result_.cues[0].blocked);
  EXPECT_FALSE(result_.cues[1].blocked);
}

TEST_F(ContextTest, OneCategoryOneDirectionOnOneSpanIsNotATwin) {
  Load({Row("hyp.a|hypothetical|forward|-|sentence|if|-"),
        Row("hyp.b|hypothetical|forward|-|2|if|-")});
  Run("give ondansetron if nausea recurs.", {"nausea"});
  int blocked = 0;
  for (const Cue& c : result_.cues) blocked += c.blocked ? 1 : 0;
  EXPECT_EQ(blocked, 1);
}

TEST_F(ContextTest, AnotherPersonsConditionIsNotHistorical) {
  Load({Row("exp.father|experiencer|forward|-|8|father with|-")});
  Run("father with history of gout. history of asthma.", {"gout", "asthma"});
  EXPECT_EQ(At(0).experiencer, Experiencer::kOther);
  EXPECT_FALSE(At(0).historical);
  for (int c : At(0).cues) EXPECT_NE(CueId(c), "hist.history_of");
  EXPECT_EQ(At(1).experiencer, Experiencer::kPatient);
  EXPECT_TRUE(At(1).historical);
}

TEST_F(ContextTest, CueAfterItsTargetStopsAtTheNextConjunct) {
  Load({Row("hist.dated|historical|both|-|4|in 2017|-")});
  Run("cva in 2017, no residual deficits.", {"cva", "residual deficits"});
  EXPECT_TRUE(At(0).historical);
  EXPECT_FALSE(At(1).historical);
  EXPECT_EQ(CertaintyOf(1), Certainty::kNegated);
  // Fronted, with nothing before it, it still reaches past the comma.
  Run("in 2017, no residual deficits.", {"residual deficits"});
  EXPECT_TRUE(At(0).historical);
}

TEST_F(ContextTest, ConjunctOpeningAClauseEndsForwardScope) {
  Load();
  Run("no fever, and she has a productive cough.",
      {"fever", "productive cough"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kNegated);
  EXPECT_EQ(CertaintyOf(1), Certainty::kDefinite);
  Run("no fever and has a productive cough.", {"productive cough"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kDefinite);
  // A verb after the last item of a list is the list's own predicate.
  Run("no fracture, dislocation, or subluxation is identified.",
      {"subluxation"});
  EXPECT_EQ(CertaintyOf(0), Certainty::kNegated);
}

TEST_F(ContextTest, ExperiencerIsOther) {
  Load();
  Run("family history of multiple sclerosis.", {"multiple sclerosis"});
  EXPECT_EQ(At(0).experiencer, Experiencer::kOther);
  EXPECT_FALSE(At(0).historical);  // the longer cue blocks "history of"
}

TEST_F(ContextTest, HypotheticalCueMarksQuestion) {
  Load();
  Run("evaluate for cord compression.", {"cord compression"});
  EXPECT_TRUE(At(0).hypothetical);
  EXPECT_EQ(CertaintyOf(0), Certainty::kDefinite);
}

TEST_F(ContextTest, HedgeEndsHypotheticalScopeOutsideHistory) {
  Load();
  Run("ct myelogram to evaluate for possible cord compression.",
      {"cord compression"});
  EXPECT_FALSE(At(0).hypothetical);
  EXPECT_EQ(CertaintyOf(0), Certainty::kPossible);
}

TEST_F(ContextTest, HedgeAfterAChainOfHypotheticalCuesEndsTheirScope) {
  Load({Row("hyp.recommend|hypothetical|forward|-|10|recommend|-"),
        Row("hyp.further|hypothetical|forward|-|8|for further evaluation "
            "of|-")});
  Run("recommend ct myelogram for further evaluation of possible cord "
      "compression.",
      {"cord compression"});
  EXPECT_FALSE(At(0).hypothetical);
  EXPECT_EQ(CertaintyOf(0), Certainty::kPossible);
}

TEST_F(ContextTest, HedgeInsideAConditionalKeepsItHypothetical) {
  Load({Row("hyp.if|hypothetical|forward|-|sentence|if|-")});
  Run("if clinical suspicion is high for a possible syrinx, repeat the mri.",
      {"syrinx"});
  EXPECT_TRUE(At(0).hypothetical);
  EXPECT_EQ(CertaintyOf(0), Certainty::kPossible);
}

TEST_F(ContextTest, DistanceTieGoesToTheWeakerCertainty) {
  Load();
  Run("possible syrinx is not seen.", {"syrinx"});
  // Both are adjacent (distance 1): the tie goes to the weaker certainty.
  EXPECT_EQ(CertaintyOf(0), Certainty::kNegated);
}

TEST_F(ContextTest, TargetSentenceIsFoundWhenNotGiven) {
  Load();
  doc_ = Document::Build("no syrinx.", lexicon_->text_rules());
  mentions_ = Match(*lexicon_, doc_);
  ContextTarget t;
  t.span = NormSpan(3, 9);
  t.sentence = -1;
  result_ = ApplyContext(doc_, *lexicon_, mentions_, {t});
  EXPECT_EQ(result_.assertions[0].certainty, Certainty::kNegated);
  EXPECT_EQ(SentenceOf(doc_, t.span), 0);
}

TEST_F(ContextTest, EveryModifierMentionIsReportedAsACue) {
  Load();
  Run("no cord compression but possible syrinx; history of fusion.",
      {"syrinx"});
  std::vector<std::string> ids;
  for (size_t i = 0; i < result_.cues.size(); ++i) {
    ids.push_back(CueId(static_cast<int>(i)));
  }
  EXPECT_EQ(ids,
            (std::vector<std::string>{"neg.no", "term.but", "hedge.possible",
                                      "term.semicolon", "hist.history_of"}));
  // Terminators have no scope; "no" stops at "but".
  EXPECT_TRUE(result_.cues[1].scope.empty());
  EXPECT_EQ(doc_.Text(result_.cues[0].scope), " cord compression ");
}

TEST(Certainty, NearestCandidateWins) {
  std::vector<CertaintyCandidate> c = {{0, Certainty::kNegated, 12},
                                       {1, Certainty::kPossible, 1}};
  EXPECT_EQ(ChooseCertainty(c), 1);
}

TEST(Certainty, TieGoesToTheWeakerCertainty) {
  std::vector<CertaintyCandidate> c = {{0, Certainty::kProbable, 1},
                                       {1, Certainty::kUnlikely, 1}};
  EXPECT_EQ(ChooseCertainty(c), 1);
}

TEST(Certainty, NoCandidateMeansNoDecider) {
  EXPECT_EQ(ChooseCertainty({}), -1);
}

TEST(Certainty, NestedCertaintyIsTheWeaker) {
  EXPECT_EQ(NestedCertainty(Certainty::kNegated, Certainty::kProbable),
            Certainty::kNegated);
  EXPECT_EQ(NestedCertainty(Certainty::kProbable, Certainty::kDefinite),
            Certainty::kProbable);
  EXPECT_EQ(NestedCertainty(Certainty::kDefinite, Certainty::kPossible),
            Certainty::kPossible);
}

TEST(Certainty, CategoryEffects) {
  EXPECT_TRUE(IsCertaintyCategory(Category::kNegation));
  EXPECT_TRUE(IsCertaintyCategory(Category::kHedge));
  EXPECT_FALSE(IsCertaintyCategory(Category::kHistorical));
  EXPECT_TRUE(IsFlagCategory(Category::kExperiencer));
  EXPECT_FALSE(IsScopedCategory(Category::kPseudo));
  EXPECT_FALSE(IsScopedCategory(Category::kTerminate));
}

}  // namespace
}  // namespace myelex
