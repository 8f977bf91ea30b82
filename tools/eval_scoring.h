// Scoring for `myelex eval` (contract section 5), separate from the command
// so it can be unit-tested: facts, one-to-one matching, counts and the
// report-level comparison.
//
// Thread-safety: plain values and pure functions; a Scores accumulator is
// owned by one thread.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis.h"

namespace myelex {
namespace cli {

// One distinct fact: (concept, certainty, levels), levels canonical and
// sorted.
struct Fact {
  std::string concept;
  std::string certainty;
  std::vector<std::string> levels;

  bool operator<(const Fact& o) const {
    if (concept != o.concept) return concept < o.concept;
    if (certainty != o.certainty) return certainty < o.certainty;
    return levels < o.levels;
  }
  bool operator==(const Fact& o) const {
    return concept == o.concept && certainty == o.certainty &&
           levels == o.levels;
  }
};

// The report-level fields and facts of one report, gold or predicted.
struct Labels {
  bool applicable = false;
  bool equivocal = false;
  std::string recommendation;
  bool surgical_referral = false;
  std::optional<bool> dwi;   // gold may omit it: not scored then
  bool has_findings = true;  // gold may omit "findings": not scored then
  std::vector<Fact> facts;   // distinct, sorted
};

struct GoldCase {
  std::string id;
  std::string text;
  Labels expected;
};

// The recommendation values of the contract, in contract order.
extern const char* const kRecommendations[5];

// "concept certainty [L1, L2]" or "concept certainty (no level)".
std::string FactString(const Fact& f);

bool IsRecommendation(std::string_view s);

// Findings of the cord, canal, foramina and context groups are scored;
// `postoperative` and the causes group are not (contract section 5).
bool IsScoredConcept(const std::string& concept);

// Sorts each fact's levels (spinal order), then sorts and dedupes the facts.
void Dedupe(std::vector<Fact>* facts);

// The report-level fields and distinct scored facts the analyzer produced:
// current, patient, not hypothetical findings of scored concepts.
Labels Predict(const Analysis& a);

// Same concept and certainty, and overlapping levels (a side without levels
// overlaps anything).
bool FactsMatch(const Fact& pred, const Fact& gold);

// Maximum one-to-one matching of predicted to gold facts, exact-level pairs
// preferred. Returns, for each gold fact, the matched predicted index or -1.
std::vector<int> MatchFacts(const std::vector<Fact>& pred,
                            const std::vector<Fact>& gold);

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  void Add(bool expected, bool got) {
    if (expected && got) ++tp;
    if (!expected && got) ++fp;
    if (expected && !got) ++fn;
  }
  double P() const {
    return tp + fp > 0 ? static_cast<double>(tp) / (tp + fp)
                       : (fn == 0 ? 1 : 0);
  }
  double R() const {
    return tp + fn > 0 ? static_cast<double>(tp) / (tp + fn)
                       : (fp == 0 ? 1 : 0);
  }
  double F1() const {
    double p = P(), r = R();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  int Gold() const { return tp + fn; }
  int Predicted() const { return tp + fp; }
};

struct FieldDiff {
  std::string field, expected, got;
};

struct WrongReport {
  std::string id;
  std::vector<FieldDiff> fields;
  std::vector<Fact> missing;   // gold facts not matched
  std::vector<Fact> spurious;  // predicted facts not matched
  // For each missing fact, what the analyzer said about the same concept at
  // overlapping levels instead (e.g. "possible" where gold has "definite").
  std::vector<std::string> missing_hint;
};

struct Scores {
  int reports = 0;
  int applicable_right = 0, recommendation_right = 0, decision_exact = 0;
  Counts equivocal, surgical_referral, dwi, facts;
  std::map<std::string, Counts> per_recommendation;
  std::map<std::string, Counts> per_concept;
  std::vector<WrongReport> wrong;

  double Ratio(int n) const {
    return reports > 0 ? static_cast<double>(n) / reports : 0;
  }
  // The named top-level figures (floors refer to these names).
  std::vector<std::pair<std::string, double>> Figures() const {
    return {{"applicable_acc", Ratio(applicable_right)},
            {"recommendation_acc", Ratio(recommendation_right)},
            {"decision_exact", Ratio(decision_exact)},
            {"equivocal_p", equivocal.P()},
            {"equivocal_r", equivocal.R()},
            {"equivocal_f1", equivocal.F1()},
            {"surgical_referral_p", surgical_referral.P()},
            {"surgical_referral_r", surgical_referral.R()},
            {"surgical_referral_f1", surgical_referral.F1()},
            {"dwi_p", dwi.P()},
            {"dwi_r", dwi.R()},
            {"dwi_f1", dwi.F1()},
            {"facts_p", facts.P()},
            {"facts_r", facts.R()},
            {"facts_f1", facts.F1()}};
  }
};

// Adds one report's comparison to *s (and to s->wrong if anything
// differed).
void ScoreOne(const GoldCase& gold, const Labels& got, Scores* s);

}  // namespace cli
}  // namespace myelex
