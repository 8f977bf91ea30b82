// myelex_bench: a synthetic corpus generator and an in-process stage timer.
//
//   myelex_bench generate --reports N [--seed S] > corpus.jsonl
//       Writes N deterministic synthetic cervical-spine MRI reports as JSONL
//       ({"id", "text"}), dense with levels, hedges and negations, about
//       1.9 KB each, about 14% of them with non-ASCII characters (en dashes,
//       no-break spaces, multiplication signs). Same N and seed, same bytes.
//
//   myelex_bench run --lexicons DIR [--repeat R] FILE.jsonl
//       Loads the corpus into memory and times, on one thread:
//         text     Document::Build (normalize + sectionize + split sentences)
//         match    Match() on the built documents
//         analyze  Analyzer::Analyze (the whole pipeline)
//         jsonl    AppendJsonl on the analyses (formatting only)
//       and prints MB/s (1 MB = 10^6 bytes of report text) and reports/s,
//       best of R passes.
//
// The phrases below are test data for the benchmark, not knowledge used by
// the library.
#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer.h"
#include "match/matcher.h"
#include "output/jsonl_writer.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "text/document.h"

namespace myelex {
namespace bench {
namespace {

// ---- deterministic generator ---------------------------------------------

// SplitMix64: tiny, fast, and the same sequence on every platform (unlike
// the <random> distributions).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n).
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  bool Chance(int percent) { return Below(100) < static_cast<size_t>(percent); }
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(N)];
  }

 private:
  uint64_t state_;
};

const char* const kExam[] = {
    "EXAM: MRI CERVICAL SPINE WITHOUT CONTRAST",
    "EXAMINATION: MR C-SPINE W/O CONTRAST",
    "EXAM: MRI of the cervical spine without and with intravenous contrast",
    "PROCEDURE: MRI CERVICAL SPINE WO IV CONTRAST",
    "STUDY: Magnetic resonance imaging of the cervical spine, noncontrast",
};

const char* const kHistory[] = {
    "Neck pain radiating to the left arm. Evaluate for myelopathy.",
    "Gait instability and bilateral hand numbness, r/o cord compression.",
    "62-year-old with progressive hand clumsiness and a positive Hoffmann "
    "sign.",
    "Cervical radiculopathy, right C6 distribution, failed conservative "
    "therapy.",
    "History of multiple sclerosis. Follow-up of known cord lesions.",
    "Chronic neck pain. Prior ACDF at C5-6 in 2015. Worsening symptoms.",
    "Bilateral upper extremity paresthesias and hyperreflexia; eval for "
    "cervical stenosis.",
    "Fall 2 weeks ago with persistent neck pain. No focal deficit.",
    "Patient has a pacemaker; MR-conditional device per cardiology. Neck "
    "pain.",
    "Family history of demyelinating disease. Intermittent Lhermitte sign.",
};

const char* const kHistoryHeader[] = {"CLINICAL HISTORY", "INDICATION",
                                      "HISTORY", "REASON FOR EXAM"};

const char* const kTechnique[] = {
    "Sagittal T1, T2 and STIR and axial T2 and gradient echo images of the "
    "cervical spine were obtained.",
    "Multiplanar multisequence MR imaging of the cervical spine was performed "
    "without intravenous contrast.",
    "Sagittal and axial images were obtained before and after the "
    "administration of 7 mL of gadolinium.",
};

const char* const kComparison[] = {
    "None.",
    "Cervical spine radiographs dated 03/14/2021.",
    "MRI cervical spine from 2019.",
    "CT cervical spine 01/02/2022, report only.",
};

const char* const kAlignment[] = {
    "Straightening of the normal cervical lordosis.",
    "Normal alignment. No spondylolisthesis.",
    "Mild reversal of the cervical lordosis centered at C5.",
    "Grade 1 anterolisthesis of C4 on C5 measuring 2 mm.",
};

const char* const kMarrow[] = {
    "Vertebral body heights are maintained. No fracture or marrow edema.",
    "Degenerative endplate changes at C5-6 and C6-7 without marrow edema.",
    "Vertebral body heights are preserved. Marrow signal is within normal "
    "limits.",
};

const char* const kCord[] = {
    "The spinal cord is normal in caliber and signal.",
    "No abnormal cord signal is identified.",
    "There is questionable faint T2 hyperintensity within the cord at C5-6, "
    "which may represent edema versus myelomalacia.",
    "Focal T2/STIR hyperintensity within the cord at C4-5 is consistent with "
    "myelomalacia.",
    "Possible subtle cord signal abnormality at C6-7, not seen on the axial "
    "images, likely artifact.",
    "The cord is mildly flattened at C5-6 without definite signal change.",
    "Intramedullary T2 hyperintense lesion spanning C3 through C4, "
    "suspicious for demyelination.",
    "No syrinx. No cord atrophy.",
};

const char* const kCcj[] = {
    "The craniocervical junction is unremarkable.",
    "The craniocervical junction and visualized posterior fossa are normal.",
    "Paraspinal soft tissues are unremarkable.",
};

const char* const kExtra[] = {
    "Prevertebral soft tissues are within normal limits.",
    "The posterior elements are intact.",
    "Facet arthropathy is most prominent on the left at C3-4 and C4-5.",
    "Visualized upper thoracic levels are unremarkable.",
    "There is no epidural collection or abnormal fluid.",
    "Mild multilevel degenerative disc disease with disc desiccation.",
};

const char* const kDisc[] = {
    "Broad-based disc osteophyte complex",
    "Small central disc protrusion",
    "Mild disc bulge",
    "Left paracentral disc extrusion",
    "Uncovertebral and facet hypertrophy with a shallow disc bulge",
    "Posterior disc osteophyte complex and ligamentum flavum thickening",
};

const char* const kCanal[] = {
    "with no significant central canal stenosis",
    "resulting in mild central canal stenosis",
    "resulting in moderate central canal stenosis",
    "with mild to moderate spinal canal narrowing",
    "causing severe central canal stenosis",
    "with borderline canal stenosis",
};

const char* const kCordEffect[] = {
    "The disc may mildly indent the ventral cord.",
    "There is effacement of the ventral CSF without cord deformity.",
    "The disc abuts the ventral cord without compression.",
    "Mass effect on the cord cannot be excluded.",
    "There is flattening of the ventral cord.",
    "No cord compression.",
    "No definite cord compression.",
    "The CSF space around the cord is preserved.",
};

const char* const kForamina[] = {
    "The neural foramina are patent.",
    "Mild left neural foraminal narrowing.",
    "Moderate right and mild left neural foraminal stenosis.",
    "Severe bilateral neural foraminal narrowing.",
    "No neural foraminal stenosis.",
    "Moderate to severe left foraminal narrowing due to uncovertebral "
    "hypertrophy.",
};

const char* const kImpression[] = {
    "Multilevel cervical spondylosis, most pronounced at C5-6 where there is "
    "moderate canal stenosis and possible mild cord flattening.",
    "Questionable faint T2 hyperintensity within the cord at C5-6, which "
    "could represent edema or early myelomalacia. Clinical correlation for "
    "myelopathy is recommended.",
    "No evidence of cord compression or abnormal cord signal.",
    "Severe central canal stenosis at C4-5 with cord compression and "
    "myelomalacia.",
    "Mild degenerative changes without significant canal or foraminal "
    "stenosis.",
    "Equivocal cord signal abnormality at C6-7, possibly artifactual. "
    "Consider repeat imaging with motion correction.",
    "Findings suspicious for a demyelinating plaque at C3-4; infarct is less "
    "likely.",
    "Limited examination due to patient motion, with the cord incompletely "
    "evaluated.",
};

const char* const kRecommendation[] = {
    "Clinical correlation recommended.",
    "CT myelogram could be considered if clinically indicated.",
    "Follow-up imaging as clinically indicated.",
    "Consider flexion-extension radiographs.",
    "Recommend MRI with and without contrast for further evaluation.",
    "Neurosurgical consultation is suggested.",
};

const char* const kLevels[][2] = {
    {"2", "3"}, {"3", "4"}, {"4", "5"}, {"5", "6"}, {"6", "7"}};

constexpr char kEnDash[] = "\xE2\x80\x93";
constexpr char kNbsp[] = "\xC2\xA0";
constexpr char kTimes[] = "\xC3\x97";

// Writes a level label in one of the spellings reports use.
void AppendLevel(Rng& rng, const char* a, const char* b, bool non_ascii,
                 std::string* out) {
  out->append("C").append(a);
  switch (non_ascii ? 3 : rng.Below(3)) {
    case 0:
      out->append("-").append(b);
      break;
    case 1:
      out->append("-C").append(b);
      break;
    case 2:
      out->append("/").append(b);
      break;
    default:
      out->append(kEnDash).append(b);
  }
}

std::string MakeReport(Rng& rng) {
  const bool non_ascii = rng.Chance(14);
  const char* colon_space = non_ascii ? ":\xC2\xA0" : ": ";
  std::string r;
  r.reserve(2400);
  r.append(rng.Pick(kExam)).append("\n\n");
  r.append(rng.Pick(kHistoryHeader)).append(colon_space);
  r.append(rng.Pick(kHistory)).append("\n\n");
  r.append("TECHNIQUE").append(colon_space).append(rng.Pick(kTechnique));
  r.append("\n\nCOMPARISON").append(colon_space).append(rng.Pick(kComparison));
  r.append("\n\nFINDINGS:\n");
  r.append(rng.Pick(kAlignment)).append(" ").append(rng.Pick(kMarrow));
  r.append(" ").append(rng.Pick(kCord)).append(" ").append(rng.Pick(kCcj));
  r.append(" ").append(rng.Pick(kExtra)).append(" ").append(rng.Pick(kExtra));
  r.append("\n\n");
  for (const auto& level : kLevels) {
    AppendLevel(rng, level[0], level[1], non_ascii && rng.Chance(60), &r);
    r.append(colon_space);
    if (rng.Chance(15)) {
      r.append("No disc herniation, canal stenosis or foraminal narrowing.");
    } else {
      r.append(rng.Pick(kDisc)).append(" ").append(rng.Pick(kCanal));
      if (rng.Chance(30)) {
        r.append(", AP canal diameter ");
        r.append(std::to_string(6 + rng.Below(6)));
        r.append(non_ascii ? " mm (" : " mm (measured ");
        if (non_ascii)
          r.append("8")
              .append(kNbsp)
              .append("mm ")
              .append(kTimes)
              .append(" 7")
              .append(kNbsp)
              .append("mm)");
        else
          r.append("on sagittal T2)");
      }
      r.append(". ").append(rng.Pick(kCordEffect));
      r.append(" ").append(rng.Pick(kForamina));
    }
    r.append("\n");
  }
  r.append("C7-T1")
      .append(colon_space)
      .append("No significant disc bulge. Foramina are patent.\n\n");
  r.append("IMPRESSION:\n");
  const int items = 2 + static_cast<int>(rng.Below(2));
  for (int i = 1; i <= items; ++i) {
    r.append(std::to_string(i)).append(". ").append(rng.Pick(kImpression));
    r.append("\n");
  }
  if (non_ascii) {
    r.append("Degree of stenosis: mild")
        .append(kEnDash)
        .append("moderate at C5")
        .append(kEnDash)
        .append("6.\n");
  }
  if (rng.Chance(40)) {
    r.append("\nRECOMMENDATION").append(colon_space);
    r.append(rng.Pick(kRecommendation)).append("\n");
  }
  return r;
}

int Generate(size_t reports, uint64_t seed) {
  Rng rng(seed);
  rapidjson::StringBuffer buf;
  std::string id;
  size_t bytes = 0;
  for (size_t i = 0; i < reports; ++i) {
    const std::string text = MakeReport(rng);
    bytes += text.size();
    char name[32];
    std::snprintf(name, sizeof(name), "synthetic/%07zu", i + 1);
    buf.Clear();
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key("id");
    w.String(name);
    w.Key("text");
    w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
    w.EndObject();
    std::fwrite(buf.GetString(), 1, buf.GetSize(), stdout);
    std::fputc('\n', stdout);
  }
  std::fprintf(stderr,
               "generated %zu reports, %.1f MB of report text (%.0f B "
               "per report)\n",
               reports, bytes / 1e6, reports ? double(bytes) / reports : 0.0);
  return std::fflush(stdout) == 0 ? 0 : 1;
}

// ---- stage timer ----------------------------------------------------------

using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

struct Corpus {
  std::vector<std::string> ids;
  std::vector<std::string> texts;
  size_t bytes = 0;
  size_t non_ascii = 0;
};

bool LoadCorpus(const std::string& path, Corpus* corpus) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "myelex_bench: cannot read " << path << "\n";
    return false;
  }
  simdjson::dom::parser parser;
  std::string line;
  size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty()) continue;
    simdjson::dom::element root;
    std::string_view id, text;
    if (parser.parse(line).get(root) || root["id"].get(id) ||
        root["text"].get(text)) {
      std::cerr << "myelex_bench: " << path << ":" << lineno
                << ": want {\"id\", \"text\"}\n";
      return false;
    }
    corpus->ids.emplace_back(id);
    corpus->texts.emplace_back(text);
    corpus->bytes += text.size();
    for (char c : text) {
      if (static_cast<unsigned char>(c) >= 0x80) {
        ++corpus->non_ascii;
        break;
      }
    }
  }
  return true;
}

void PrintRow(const char* stage, double seconds, const Corpus& c) {
  std::printf("%-34s %8.3f s %9.1f MB/s %10.0f reports/s\n", stage, seconds,
              c.bytes / 1e6 / seconds, c.texts.size() / seconds);
}

int Run(const std::string& lexicons, int repeat, const std::string& path) {
  AnalyzerOptions options;
  options.lexicon_dir = lexicons;
  std::unique_ptr<Analyzer> analyzer;
  Status s = Analyzer::Create(options, &analyzer);
  if (!s.ok()) {
    std::cerr << "myelex_bench: " << s.ToString() << "\n";
    return 1;
  }
  Corpus corpus;
  if (!LoadCorpus(path, &corpus)) return 1;
  if (corpus.texts.empty()) {
    std::cerr << "myelex_bench: empty corpus\n";
    return 1;
  }
  std::printf(
      "corpus: %zu reports, %.1f MB, %.1f%% with non-ASCII bytes; "
      "%zu lexicon rules; 1 thread, best of %d\n",
      corpus.texts.size(), corpus.bytes / 1e6,
      100.0 * corpus.non_ascii / corpus.texts.size(),
      analyzer->lexicon().rules().size(), repeat);

  const TextRules& text_rules = analyzer->lexicon().text_rules();
  double best_text = 1e30, best_match = 1e30, best_analyze = 1e30,
         best_jsonl = 1e30;
  size_t sink = 0;  // keeps the optimizer honest
  WriteOptions write;
  write.lexicon = &analyzer->lexicon();
  std::string out;
  for (int pass = 0; pass < repeat; ++pass) {
    Clock::duration text_time{}, match_time{};
    for (const std::string& text : corpus.texts) {
      const auto t0 = Clock::now();
      Document doc = Document::Build(text, text_rules);
      const auto t1 = Clock::now();
      std::vector<Mention> mentions = Match(analyzer->lexicon(), doc);
      const auto t2 = Clock::now();
      text_time += t1 - t0;
      match_time += t2 - t1;
      sink += doc.sentences().size() + mentions.size();
    }
    best_text = std::min(best_text, Seconds(text_time));
    best_match = std::min(best_match, Seconds(match_time));

    Clock::duration analyze_time{}, jsonl_time{};
    for (size_t i = 0; i < corpus.texts.size(); ++i) {
      const auto t0 = Clock::now();
      Analysis a = analyzer->Analyze(corpus.ids[i], corpus.texts[i]);
      const auto t1 = Clock::now();
      out.clear();
      AppendJsonl(a, write, &out);
      const auto t2 = Clock::now();
      analyze_time += t1 - t0;
      jsonl_time += t2 - t1;
      sink += a.findings.size() + out.size();
    }
    best_analyze = std::min(best_analyze, Seconds(analyze_time));
    best_jsonl = std::min(best_jsonl, Seconds(jsonl_time));
  }
  PrintRow("text (normalize+sections+split)", best_text, corpus);
  PrintRow("match", best_match, corpus);
  PrintRow("analyze (whole pipeline)", best_analyze, corpus);
  PrintRow("jsonl formatting (AppendJsonl)", best_jsonl, corpus);
  std::fprintf(stderr, "(checksum %zu)\n", sink);
  return 0;
}

int Usage() {
  std::cerr << "usage:\n"
               "  myelex_bench generate --reports N [--seed S] > corpus.jsonl\n"
               "  myelex_bench run --lexicons DIR [--repeat R] FILE.jsonl\n";
  return 2;
}

bool ParseCount(const char* s, uint64_t* v) {
  char* end = nullptr;
  errno = 0;
  const unsigned long long x = std::strtoull(s, &end, 10);
  if (errno != 0 || end == s || *end != '\0') return false;
  *v = x;
  return true;
}

int Main(int argc, char** argv) {
  if (argc < 2) return Usage();
  const std::string mode = argv[1];
  uint64_t reports = 0, seed = 1, repeat = 1;
  std::string lexicons, file;
  bool have_reports = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--reports" && has_value) {
      if (!ParseCount(argv[++i], &reports)) return Usage();
      have_reports = true;
    } else if (arg == "--seed" && has_value) {
      if (!ParseCount(argv[++i], &seed)) return Usage();
    } else if (arg == "--repeat" && has_value) {
      if (!ParseCount(argv[++i], &repeat) || repeat == 0) return Usage();
    } else if (arg == "--lexicons" && has_value) {
      lexicons = argv[++i];
    } else if (!arg.empty() && arg[0] != '-' && file.empty()) {
      file = arg;
    } else {
      return Usage();
    }
  }
  if (mode == "generate" && have_reports && file.empty()) {
    return Generate(reports, seed);
  }
  if (mode == "run" && !lexicons.empty() && !file.empty()) {
    return Run(lexicons, static_cast<int>(repeat), file);
  }
  return Usage();
}

}  // namespace
}  // namespace bench
}  // namespace myelex

int main(int argc, char** argv) { return myelex::bench::Main(argc, argv); }
