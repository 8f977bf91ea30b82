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
#include "eval_scoring.h"
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
