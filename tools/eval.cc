// `myelex eval`: scores the analyzer against hand-labelled gold (contract
// section 5).
//
//   myelex eval --gold FILE|DIR [--json] [--lexicons DIR] [--floors FILE]
//               [--threads N]
//
// FILE is gold JSONL, one {"id", "text", "expected": {...}} per line. DIR is
// a corpus directory of NAME.txt + NAME.expected.json pairs; the id of a
// report is its .txt path relative to DIR.
//
// Scoring (contract section 5):
//   * report level: accuracy of `applicable`; precision/recall/F1 of
//     `equivocal`, `surgical_referral`, `dwi` and of each recommendation
//     value; recommendation accuracy; `decision_exact` (applicable,
//     equivocal, recommendation and surgical_referral all right);
//   * findings: predicted findings of the cord, canal, foramina and context
//     groups (not `postoperative`) that are current, about the patient and
//     not hypothetical, reduced to distinct (concept, certainty, levels)
//     facts; a predicted fact matches a gold fact with the same concept and
//     certainty whose levels overlap (a side without levels overlaps
//     anything); matching is one-to-one (maximum bipartite matching).
//
// Conventions for figures with nothing to count: precision is 1 when
// nothing was predicted and nothing was missed (else 0); recall likewise;
// F1 is 0 when precision + recall is 0.
//
// Exit codes: 0 scored (and every floor met), 1 gold or floors unreadable,
// lexicons that do not load, or a figure below its floor, 2 usage error.

#include <simdjson.h>

#include <algorithm>
#include <atomic>
#include <boost/program_options.hpp>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "analyzer.h"
#include "base/file.h"
#include "commands.h"
#include "findings/finding.h"
#include "findings/spinal_level.h"
#include "guideline/decision.h"
#include "lexicon/rule.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

namespace myelex {
namespace cli {
namespace {

namespace po = boost::program_options;

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

const char* const kRecommendations[] = {"ct_myelography", "mri_with_contrast",
                                        "mri", "manual_review", "none"};

bool IsRecommendation(std::string_view s) {
  for (const char* r : kRecommendations) {
    if (s == r) return true;
  }
  return false;
}

// Findings of these groups are scored; `postoperative` (context group) and
// the causes group are not (contract section 5).
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

// ---------------------------------------------------------------- gold input

// Reads a gold "expected" object. `where` names the record for messages.
Status ParseExpected(simdjson::dom::element e, const std::string& where,
                     Labels* out) {
  simdjson::dom::object obj;
  if (e.get(obj))
    return Status::InvalidArgument(where, "expected is not an object");
  auto get_bool = [&](const char* key, bool* v) -> Status {
    simdjson::dom::element x;
    if (obj[key].get(x)) {
      return Status::InvalidArgument(where,
                                     std::string("missing \"") + key + "\"");
    }
    if (x.get(*v)) {
      return Status::InvalidArgument(
          where, std::string("\"") + key + "\" is not a boolean");
    }
    return Status::OK();
  };
  MYELEX_RETURN_IF_ERROR(get_bool("applicable", &out->applicable));
  MYELEX_RETURN_IF_ERROR(get_bool("equivocal", &out->equivocal));
  MYELEX_RETURN_IF_ERROR(
      get_bool("surgical_referral", &out->surgical_referral));
  simdjson::dom::element x;
  if (!obj["dwi"].get(x)) {
    bool dwi = false;
    if (x.get(dwi))
      return Status::InvalidArgument(where, "\"dwi\" is not a boolean");
    out->dwi = dwi;
  }
  std::string_view rec;
  if (obj["recommendation"].get(rec)) {
    return Status::InvalidArgument(where,
                                   "missing or non-string \"recommendation\"");
  }
  if (!IsRecommendation(rec)) {
    return Status::InvalidArgument(
        where, "unknown recommendation \"" + std::string(rec) + "\"");
  }
  out->recommendation = std::string(rec);

  simdjson::dom::array findings;
  if (obj["findings"].get(x)) {
    out->has_findings = false;
    return Status::OK();
  }
  if (x.get(findings))
    return Status::InvalidArgument(where, "\"findings\" is not an array");
  int i = 0;
  for (simdjson::dom::element fe : findings) {
    std::string fw = where + ": findings[" + std::to_string(i++) + "]";
    Fact f;
    std::string_view concept, certainty;
    if (fe["concept"].get(concept) || concept.empty()) {
      return Status::InvalidArgument(fw, "missing \"concept\"");
    }
    if (fe["certainty"].get(certainty)) {
      return Status::InvalidArgument(fw, "missing \"certainty\"");
    }
    Certainty c;
    if (!ParseCertainty(certainty, &c)) {
      return Status::InvalidArgument(
          fw, "unknown certainty \"" + std::string(certainty) + "\"");
    }
    f.concept = std::string(concept);
    f.certainty = std::string(certainty);
    simdjson::dom::array levels;
    if (!fe["levels"].get(x)) {
      if (x.get(levels))
        return Status::InvalidArgument(fw, "\"levels\" is not an array");
      for (simdjson::dom::element le : levels) {
        std::string_view l;
        SpinalLevel parsed;
        if (le.get(l) || !ParseCanonicalLevel(l, &parsed)) {
          return Status::InvalidArgument(
              fw, "a level is not canonical (e.g. \"C5-C6\")");
        }
        f.levels.push_back(std::string(l));
      }
    }
    if (f.concept == "postoperative" ||
        GroupOf(f.concept) == ConceptGroup::kCauses) {
      continue;  // not scored
    }
    out->facts.push_back(std::move(f));
  }
  Dedupe(&out->facts);
  return Status::OK();
}

Status ReadGoldJsonl(const std::string& path, std::vector<GoldCase>* cases) {
  std::string contents;
  MYELEX_RETURN_IF_ERROR(ReadFileToString(path, &contents));
  simdjson::dom::parser parser;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < contents.size()) {
    size_t nl = contents.find('\n', pos);
    if (nl == std::string::npos) nl = contents.size();
    std::string line = contents.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = path + ":" + std::to_string(line_no);
    simdjson::dom::element doc;
    if (parser.parse(line).get(doc)) {
      return Status::InvalidArgument(where, "not valid JSON");
    }
    GoldCase c;
    std::string_view sv;
    int64_t num = 0;
    if (!doc["id"].get(sv)) {
      c.id = std::string(sv);
    } else if (!doc["id"].get(num)) {
      c.id = std::to_string(num);
    } else {
      return Status::InvalidArgument(where, "missing \"id\"");
    }
    where += " (id " + c.id + ")";
    if (doc["text"].get(sv))
      return Status::InvalidArgument(where, "missing \"text\"");
    c.text = std::string(sv);
    simdjson::dom::element expected;
    if (doc["expected"].get(expected)) {
      return Status::InvalidArgument(where, "missing \"expected\"");
    }
    MYELEX_RETURN_IF_ERROR(ParseExpected(expected, where, &c.expected));
    cases->push_back(std::move(c));
  }
  return Status::OK();
}

Status ReadGoldDir(const std::string& dir, std::vector<GoldCase>* cases) {
  std::vector<std::string> txts;
  MYELEX_RETURN_IF_ERROR(ListFiles(dir, ".txt", &txts));
  if (txts.empty()) return Status::NotFound(dir, "no .txt reports");
  simdjson::dom::parser parser;
  std::string prefix = dir;
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  for (const std::string& txt : txts) {
    GoldCase c;
    c.id = txt.compare(0, prefix.size(), prefix) == 0
               ? txt.substr(prefix.size())
               : txt;
    MYELEX_RETURN_IF_ERROR(ReadFileToString(txt, &c.text));
    std::string gold_path = txt.substr(0, txt.size() - 4) + ".expected.json";
    std::string gold;
    Status s = ReadFileToString(gold_path, &gold);
    if (!s.ok()) return Status::NotFound(gold_path, "missing gold for " + c.id);
    simdjson::dom::element doc;
    if (parser.parse(gold).get(doc)) {
      return Status::InvalidArgument(gold_path, "not valid JSON");
    }
    MYELEX_RETURN_IF_ERROR(ParseExpected(doc, gold_path, &c.expected));
    cases->push_back(std::move(c));
  }
  return Status::OK();
}

Status ReadFloors(const std::string& path,
                  std::vector<std::pair<std::string, double>>* floors) {
  std::string contents;
  MYELEX_RETURN_IF_ERROR(ReadFileToString(path, &contents));
  simdjson::dom::parser parser;
  simdjson::dom::object obj;
  if (parser.parse(contents).get(obj)) {
    return Status::InvalidArgument(path, "not a JSON object");
  }
  for (auto field : obj) {
    double v = 0;
    if (field.value.get(v)) {
      // Non-numeric members ("note", "_comment") are documentation.
      continue;
    }
    floors->emplace_back(std::string(field.key), v);
  }
  return Status::OK();
}

// ------------------------------------------------------------------ scoring

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

// Maximum one-to-one matching (Kuhn's augmenting paths); exact-level pairs
// are tried first so that they are kept when several pairings are maximal.
// Returns, for each gold fact, the matched predicted fact or -1.
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

const char* Bool(bool b) { return b ? "true" : "false"; }

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

// ------------------------------------------------------------------- output

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.3f", v);
  return buf;
}

std::string Pad(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

void PrintCountsRow(std::ostream& out, const std::string& name,
                    const Counts& c) {
  out << "  " << Pad(name, 26) << Pad(Fixed(c.P()), 8) << Pad(Fixed(c.R()), 8)
      << Pad(Fixed(c.F1()), 8) << Pad(std::to_string(c.Gold()), 7)
      << c.Predicted() << "\n";
}

void PrintTable(std::ostream& out, const Scores& s) {
  out << "reports: " << s.reports << "\n\n";
  out << "report level\n";
  out << "  " << Pad("applicable accuracy", 26)
      << Fixed(s.Ratio(s.applicable_right)) << "\n";
  out << "  " << Pad("recommendation accuracy", 26)
      << Fixed(s.Ratio(s.recommendation_right)) << "\n";
  out << "  " << Pad("decision exact", 26) << Fixed(s.Ratio(s.decision_exact))
      << "\n\n";
  const std::string header = "  " + Pad("", 26) + Pad("P", 8) + Pad("R", 8) +
                             Pad("F1", 8) + Pad("gold", 7) + "predicted\n";
  out << "fields" << header.substr(6);
  PrintCountsRow(out, "equivocal", s.equivocal);
  PrintCountsRow(out, "surgical_referral", s.surgical_referral);
  PrintCountsRow(out, "dwi", s.dwi);
  out << "\nrecommendation" << header.substr(14);
  for (const char* r : kRecommendations) {
    PrintCountsRow(out, r, s.per_recommendation.at(r));
  }
  out << "\nfacts" << header.substr(5);
  PrintCountsRow(out, "ALL", s.facts);
  for (const auto& kv : s.per_concept) PrintCountsRow(out, kv.first, kv.second);

  out << "\nwrong reports: " << s.wrong.size() << "\n";
  for (const WrongReport& w : s.wrong) {
    out << "\n" << w.id << "\n";
    for (const FieldDiff& d : w.fields) {
      out << "    " << d.field << ": expected " << d.expected << ", got "
          << d.got << "\n";
    }
    for (size_t i = 0; i < w.missing.size(); ++i) {
      out << "    missing:  " << FactString(w.missing[i]);
      if (!w.missing_hint[i].empty()) out << "  (" << w.missing_hint[i] << ")";
      out << "\n";
    }
    for (const Fact& f : w.spurious) {
      out << "    spurious: " << FactString(f) << "\n";
    }
  }
}

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void WriteCounts(JsonWriter* w, const Counts& c) {
  w->StartObject();
  w->Key("p");
  w->Double(c.P());
  w->Key("r");
  w->Double(c.R());
  w->Key("f1");
  w->Double(c.F1());
  w->Key("gold");
  w->Int(c.Gold());
  w->Key("predicted");
  w->Int(c.Predicted());
  w->Key("tp");
  w->Int(c.tp);
  w->EndObject();
}

void WriteFact(JsonWriter* w, const Fact& f) {
  w->StartObject();
  w->Key("concept");
  w->String(f.concept.c_str(),
            static_cast<rapidjson::SizeType>(f.concept.size()));
  w->Key("certainty");
  w->String(f.certainty.c_str());
  w->Key("levels");
  w->StartArray();
  for (const std::string& l : f.levels) w->String(l.c_str());
  w->EndArray();
  w->EndObject();
}

void WriteString(JsonWriter* w, const std::string& s) {
  w->String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
}

std::string ToJson(const Scores& s,
                   const std::vector<std::pair<std::string, double>>* floors,
                   const std::vector<std::string>& failures) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  w.Key("reports");
  w.Int(s.reports);
  for (const auto& kv : s.Figures()) {
    w.Key(kv.first.c_str());
    w.Double(kv.second);
  }
  w.Key("facts_gold");
  w.Int(s.facts.Gold());
  w.Key("facts_predicted");
  w.Int(s.facts.Predicted());
  w.Key("facts_matched");
  w.Int(s.facts.tp);
  w.Key("fields");
  w.StartObject();
  w.Key("equivocal");
  WriteCounts(&w, s.equivocal);
  w.Key("surgical_referral");
  WriteCounts(&w, s.surgical_referral);
  w.Key("dwi");
  WriteCounts(&w, s.dwi);
  w.EndObject();
  w.Key("per_recommendation");
  w.StartObject();
  for (const char* r : kRecommendations) {
    w.Key(r);
    WriteCounts(&w, s.per_recommendation.at(r));
  }
  w.EndObject();
  w.Key("per_concept");
  w.StartObject();
  for (const auto& kv : s.per_concept) {
    WriteString(&w, kv.first);
    WriteCounts(&w, kv.second);
  }
  w.EndObject();
  w.Key("wrong");
  w.StartArray();
  for (const WrongReport& r : s.wrong) {
    w.StartObject();
    w.Key("id");
    WriteString(&w, r.id);
    w.Key("fields");
    w.StartObject();
    for (const FieldDiff& d : r.fields) {
      WriteString(&w, d.field);
      w.StartObject();
      w.Key("expected");
      WriteString(&w, d.expected);
      w.Key("got");
      WriteString(&w, d.got);
      w.EndObject();
    }
    w.EndObject();
    w.Key("missing");
    w.StartArray();
    for (const Fact& f : r.missing) WriteFact(&w, f);
    w.EndArray();
    w.Key("spurious");
    w.StartArray();
    for (const Fact& f : r.spurious) WriteFact(&w, f);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  if (floors != nullptr) {
    w.Key("floors");
    w.StartObject();
    w.Key("passed");
    w.Bool(failures.empty());
    w.Key("failures");
    w.StartArray();
    for (const std::string& f : failures) WriteString(&w, f);
    w.EndArray();
    w.EndObject();
  }
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace

int RunEval(int argc, char** argv) {
  po::options_description opts(
      "usage: myelex eval --gold FILE|DIR [--json] [--lexicons DIR] "
      "[--floors FILE] [--threads N]\noptions");
  std::string gold_path, lexicon_dir, floors_path;
  int threads = 0;
  opts.add_options()("help,h", "show this help")(
      "gold", po::value<std::string>(&gold_path),
      "gold JSONL file, or a corpus directory of NAME.txt + "
      "NAME.expected.json")("json", "print one JSON object instead of tables")(
      "lexicons", po::value<std::string>(&lexicon_dir),
      "lexicon directory (default: the shipped lexicons)")(
      "floors", po::value<std::string>(&floors_path),
      "JSON object of minimum figures; exit 1 if any is not met")(
      "threads", po::value<int>(&threads),
      "analysis threads (default: all cores)");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(opts).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "myelex eval: " << e.what() << "\n" << opts;
    return 2;
  }
  if (vm.count("help")) {
    std::cout << opts;
    return 0;
  }
  if (gold_path.empty()) {
    std::cerr << "myelex eval: --gold is required\n" << opts;
    return 2;
  }
  if (vm.count("threads") && threads < 1) {
    std::cerr << "myelex eval: --threads must be at least 1\n";
    return 2;
  }
  if (threads < 1) threads = std::max(1u, std::thread::hardware_concurrency());
  const bool json = vm.count("json") > 0;

  std::vector<GoldCase> cases;
  std::error_code ec;
  const bool is_dir = std::filesystem::is_directory(gold_path, ec);
  Status s = is_dir ? ReadGoldDir(gold_path, &cases)
                    : ReadGoldJsonl(gold_path, &cases);
  if (!s.ok()) {
    std::cerr << "myelex eval: cannot read gold: " << s.ToString() << "\n";
    return 1;
  }
  std::vector<std::pair<std::string, double>> floors;
  if (!floors_path.empty()) {
    s = ReadFloors(floors_path, &floors);
    if (!s.ok()) {
      std::cerr << "myelex eval: cannot read floors: " << s.ToString() << "\n";
      return 1;
    }
  }

  AnalyzerOptions options;
  options.lexicon_dir = lexicon_dir.empty() ? DefaultLexiconDir() : lexicon_dir;
  std::unique_ptr<Analyzer> analyzer;
  s = Analyzer::Create(options, &analyzer);
  if (!s.ok()) {
    std::cerr << "myelex eval: cannot load lexicons: " << s.ToString() << "\n";
    return 1;
  }

  std::vector<Labels> predicted(cases.size());
  std::atomic<size_t> next{0};
  auto worker = [&]() {
    for (size_t i = next++; i < cases.size(); i = next++) {
      predicted[i] = Predict(analyzer->Analyze(cases[i].id, cases[i].text));
    }
  };
  std::vector<std::thread> pool;
  int n = std::min<int>(threads, static_cast<int>(cases.size()));
  for (int t = 1; t < n; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();

  Scores scores;
  for (size_t i = 0; i < cases.size(); ++i) {
    ScoreOne(cases[i], predicted[i], &scores);
  }

  std::vector<std::string> failures;
  const auto figures = scores.Figures();
  for (const auto& fl : floors) {
    auto it = std::find_if(figures.begin(), figures.end(),
                           [&](const auto& f) { return f.first == fl.first; });
    if (it == figures.end()) {
      std::cerr << "myelex eval: floors: unknown figure \"" << fl.first
                << "\"\n";
      return 1;
    }
    if (it->second + 1e-9 < fl.second) {
      failures.push_back(fl.first + " " + Fixed(it->second) + " < floor " +
                         Fixed(fl.second));
    }
  }

  if (json) {
    std::cout << ToJson(scores, floors_path.empty() ? nullptr : &floors,
                        failures)
              << "\n";
  } else {
    PrintTable(std::cout, scores);
  }
  if (!floors_path.empty()) {
    if (failures.empty()) {
      std::cerr << "myelex eval: all " << floors.size() << " floors met\n";
    } else {
      for (const std::string& f : failures) {
        std::cerr << "myelex eval: below floor: " << f << "\n";
      }
      return 1;
    }
  }
  return 0;
}

}  // namespace cli
}  // namespace myelex
