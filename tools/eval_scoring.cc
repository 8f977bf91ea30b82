#include "eval_scoring.h"

#include <algorithm>
#include <functional>

#include "findings/finding.h"
#include "findings/spinal_level.h"
#include "guideline/decision.h"
#include "lexicon/rule.h"

namespace myelex {
namespace cli {
namespace {

const char* Bool(bool b) { return b ? "true" : "false"; }

}  // namespace

const char* const kRecommendations[5] = {"ct_myelography", "mri_with_contrast",
                                         "mri", "manual_review", "none"};

std::string FactString(const Fact& f) {
  std::string s = f.concept + " " + f.certainty;
  if (f.levels.empty()) return s + " (no level)";
  s += " [";
  for (size_t i = 0; i < f.levels.size(); ++i) {
    if (i) s += ", ";
    s += f.levels[i];
  }
  return s + "]";
}

bool IsRecommendation(std::string_view s) {
  for (const char* r : kRecommendations) {
    if (s == r) return true;
  }
  return false;
}

bool IsScoredConcept(const std::string& concept) {
  if (concept == "postoperative") return false;
  switch (GroupOf(concept)) {
    case ConceptGroup::kCord:
    case ConceptGroup::kCanal:
    case ConceptGroup::kForamina:
    case ConceptGroup::kContext:
      return true;
    case ConceptGroup::kCauses:
    case ConceptGroup::kOther:
      return false;
  }
  return false;
}

void Dedupe(std::vector<Fact>* facts) {
  for (Fact& f : *facts) {
    std::sort(f.levels.begin(), f.levels.end(),
              [](const std::string& a, const std::string& b) {
                SpinalLevel la, lb;
                if (ParseCanonicalLevel(a, &la) && ParseCanonicalLevel(b, &lb))
                  return la < lb;
                return a < b;
              });
    f.levels.erase(std::unique(f.levels.begin(), f.levels.end()),
                   f.levels.end());
  }
  std::sort(facts->begin(), facts->end());
  facts->erase(std::unique(facts->begin(), facts->end()), facts->end());
}

Labels Predict(const Analysis& a) {
  Labels p;
  p.applicable = a.exam.applicable;
  p.equivocal = a.decision.equivocal;
  p.recommendation = ToString(a.decision.recommendation);
  p.surgical_referral = a.decision.surgical_referral;
  p.dwi = a.decision.dwi;
  for (const Finding& f : a.findings) {
    if (f.historical || f.hypothetical ||
        f.experiencer != Experiencer::kPatient)
      continue;
    if (!IsScoredConcept(f.concept)) continue;
    p.facts.push_back({f.concept, ToString(f.certainty), f.levels});
  }
  Dedupe(&p.facts);
  return p;
}

bool FactsMatch(const Fact& pred, const Fact& gold) {
  if (pred.concept != gold.concept || pred.certainty != gold.certainty)
    return false;
  if (pred.levels.empty() || gold.levels.empty()) return true;
  return AnyOverlap(pred.levels, gold.levels);
}

std::vector<int> MatchFacts(const std::vector<Fact>& pred,
                            const std::vector<Fact>& gold) {
  std::vector<std::vector<int>> adj(gold.size());
  for (size_t g = 0; g < gold.size(); ++g) {
    for (size_t p = 0; p < pred.size(); ++p) {
      if (FactsMatch(pred[p], gold[g])) adj[g].push_back(static_cast<int>(p));
    }
    std::stable_partition(adj[g].begin(), adj[g].end(), [&](int p) {
      return pred[p].levels == gold[g].levels;
    });
  }
  std::vector<int> gold_of_pred(pred.size(), -1);
  std::vector<int> pred_of_gold(gold.size(), -1);
  std::vector<char> seen;
  // Depth-first search for an augmenting path from gold fact g.
  std::function<bool(int)> augment = [&](int g) -> bool {
    for (int p : adj[g]) {
      if (seen[p]) continue;
      seen[p] = 1;
      if (gold_of_pred[p] < 0 || augment(gold_of_pred[p])) {
        gold_of_pred[p] = g;
        pred_of_gold[g] = p;
        return true;
      }
    }
    return false;
  };
  for (size_t g = 0; g < gold.size(); ++g) {
    seen.assign(pred.size(), 0);
    augment(static_cast<int>(g));
  }
  return pred_of_gold;
}

void ScoreOne(const GoldCase& gold, const Labels& got, Scores* s) {
  const Labels& exp = gold.expected;
  WrongReport w;
  w.id = gold.id;
  ++s->reports;
  if (exp.applicable == got.applicable) {
    ++s->applicable_right;
  } else {
    w.fields.push_back(
        {"applicable", Bool(exp.applicable), Bool(got.applicable)});
  }
  s->equivocal.Add(exp.equivocal, got.equivocal);
  if (exp.equivocal != got.equivocal) {
    w.fields.push_back({"equivocal", Bool(exp.equivocal), Bool(got.equivocal)});
  }
  if (exp.recommendation == got.recommendation) {
    ++s->recommendation_right;
  } else {
    w.fields.push_back(
        {"recommendation", exp.recommendation, got.recommendation});
  }
  for (const char* r : kRecommendations) {
    s->per_recommendation[r].Add(exp.recommendation == r,
                                 got.recommendation == r);
  }
  s->surgical_referral.Add(exp.surgical_referral, got.surgical_referral);
  if (exp.surgical_referral != got.surgical_referral) {
    w.fields.push_back({"surgical_referral", Bool(exp.surgical_referral),
                        Bool(got.surgical_referral)});
  }
  if (exp.dwi.has_value()) {
    bool got_dwi = got.dwi.value_or(false);
    s->dwi.Add(*exp.dwi, got_dwi);
    if (*exp.dwi != got_dwi) {
      w.fields.push_back({"dwi", Bool(*exp.dwi), Bool(got_dwi)});
    }
  }
  if (exp.applicable == got.applicable && exp.equivocal == got.equivocal &&
      exp.recommendation == got.recommendation &&
      exp.surgical_referral == got.surgical_referral) {
    ++s->decision_exact;
  }

  if (exp.has_findings) {
    std::vector<int> match = MatchFacts(got.facts, exp.facts);
    std::vector<char> pred_used(got.facts.size(), 0);
    for (size_t g = 0; g < exp.facts.size(); ++g) {
      Counts& c = s->per_concept[exp.facts[g].concept];
      if (match[g] >= 0) {
        pred_used[match[g]] = 1;
        ++c.tp;
        ++s->facts.tp;
      } else {
        ++c.fn;
        ++s->facts.fn;
        w.missing.push_back(exp.facts[g]);
        std::string hint;
        for (const Fact& p : got.facts) {
          if (p.concept != exp.facts[g].concept ||
              p.certainty == exp.facts[g].certainty)
            continue;
          if (!p.levels.empty() && !exp.facts[g].levels.empty() &&
              !AnyOverlap(p.levels, exp.facts[g].levels))
            continue;
          hint += hint.empty() ? "got " : ", ";
          hint += p.certainty;
        }
        w.missing_hint.push_back(hint);
      }
    }
    for (size_t p = 0; p < got.facts.size(); ++p) {
      if (pred_used[p]) continue;
      ++s->per_concept[got.facts[p].concept].fp;
      ++s->facts.fp;
      w.spurious.push_back(got.facts[p]);
    }
  }
  if (!w.fields.empty() || !w.missing.empty() || !w.spurious.empty()) {
    s->wrong.push_back(std::move(w));
  }
}

}  // namespace cli
}  // namespace myelex
