// `myelex assert [INPUT]`: ConText as a service (contract section 4).
//
// Input: JSONL, one object a line,
//   {"id": "s1", "text": "...", "targets": [{"start": 15, "end": 31}]}
// with byte offsets into `text` (half-open). Output: one line per input
// line, in input order,
//   {"id": "s1", "targets": [{"start", "end", "certainty", "historical",
//    "hypothetical", "experiencer", "cues": [{"id", "category",
//    "certainty", "start", "end", "text"}]}], "error": null}
// A line that cannot be used yields {"id": <id or null>, "targets": [],
// "error": {"code", "message"}}; the message names the line and byte offset
// and never quotes the text.
//
// Only the modifier, section, abbreviation and severity lexicons are loaded
// (LoadContextLexicon): the caller brings its own targets.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "commands.h"
#include "context/context.h"
#include "lexicon/compiled_lexicon.h"
#include "match/matcher.h"
#include "output/jsonl_writer.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "simdjson.h"
#include "text/document.h"

namespace myelex {
namespace cli {
namespace {

constexpr char kUsage[] =
    "usage: myelex assert [OPTIONS] [INPUT]\n"
    "\n"
    "ConText assertions for caller-supplied targets. Reads JSONL from INPUT\n"
    "(or standard input, or '-'), one object a line:\n"
    "  {\"id\": \"s1\", \"text\": \"No cord compression.\", "
    "\"targets\": [{\"start\": 3, \"end\": 19}]}\n"
    "(byte offsets into text, half-open) and writes one JSON line per input\n"
    "line, in order, with each target's certainty, historical, hypothetical,\n"
    "experiencer and the cues that applied.\n"
    "\n"
    "Options:\n"
    "  --lexicons DIR   lexicon directory (only modifiers_*, sections,\n"
    "                   abbreviations and severity attributes are used)\n"
    "  -j, --threads N  worker threads (default: all cores)\n"
    "  -h, --help       show this help\n";

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

struct Line {
  std::string text;
  uint64_t number = 0;  // 1-based
  uint64_t offset = 0;  // byte offset of the line in the input
};

void WriteError(const char* code, const std::string& message,
                const std::string* id, std::string* out) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  w.Key("id");
  if (id != nullptr) {
    w.String(id->data(), static_cast<rapidjson::SizeType>(id->size()));
  } else {
    w.Null();
  }
  w.Key("targets");
  w.StartArray();
  w.EndArray();
  w.Key("error");
  w.StartObject();
  w.Key("code");
  w.String(code);
  w.Key("message");
  w.String(message.data(), static_cast<rapidjson::SizeType>(message.size()));
  w.EndObject();
  w.EndObject();
  out->append(buf.GetString(), buf.GetSize());
  out->push_back('\n');
}

std::string Where(const Line& line) {
  return "line " + std::to_string(line.number) + " (byte " +
         std::to_string(line.offset) + ")";
}

// One worker: its own simdjson parser, reusable buffers.
class Worker {
 public:
  explicit Worker(const CompiledLexicon& lexicon) : lexicon_(lexicon) {}

  void Process(const Line& line, std::string* out);

 private:
  const CompiledLexicon& lexicon_;
  simdjson::dom::parser parser_;
};

void Worker::Process(const Line& line, std::string* out) {
  simdjson::padded_string padded(line.text);
  simdjson::dom::element root;
  if (auto err = parser_.parse(padded).get(root)) {
    WriteError("bad_json",
               Where(line) + ": invalid JSON: " + simdjson::error_message(err),
               nullptr, out);
    return;
  }
  simdjson::dom::object obj;
  if (root.get(obj)) {
    WriteError("bad_record", Where(line) + ": not a JSON object", nullptr, out);
    return;
  }
  std::string id;
  bool has_id = false;
  simdjson::dom::element id_el;
  if (!obj["id"].get(id_el)) {
    std::string_view sv;
    int64_t n;
    uint64_t u;
    if (!id_el.get(sv)) {
      id.assign(sv);
      has_id = true;
    } else if (!id_el.get(n)) {
      id = std::to_string(n);
      has_id = true;
    } else if (!id_el.get(u)) {
      id = std::to_string(u);
      has_id = true;
    }
  }
  const std::string* idp = has_id ? &id : nullptr;
  std::string_view text;
  if (obj["text"].get(text)) {
    WriteError("bad_record", Where(line) + ": missing or non-string \"text\"",
               idp, out);
    return;
  }
  simdjson::dom::array targets_json;
  if (obj["targets"].get(targets_json)) {
    WriteError("bad_record", Where(line) + ": missing or non-array \"targets\"",
               idp, out);
    return;
  }
  std::vector<Span> spans;
  size_t index = 0;
  for (simdjson::dom::element t : targets_json) {
    uint64_t start, end;
    if (t["start"].get(start) || t["end"].get(end)) {
      WriteError("bad_record",
                 Where(line) + ": target " + std::to_string(index) +
                     " needs non-negative integer \"start\" and \"end\"",
                 idp, out);
      return;
    }
    if (start > end || end > text.size()) {
      WriteError("target_out_of_range",
                 Where(line) + ": target " + std::to_string(index) + " [" +
                     std::to_string(start) + ", " + std::to_string(end) +
                     ") is outside the text (" + std::to_string(text.size()) +
                     " bytes) or reversed",
                 idp, out);
      return;
    }
    spans.emplace_back(static_cast<uint32_t>(start),
                       static_cast<uint32_t>(end));
    ++index;
  }

  Document doc = Document::Build(std::string(text), lexicon_.text_rules());
  std::vector<Mention> mentions = Match(lexicon_, doc);
  std::vector<ContextTarget> targets(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    targets[i].span = doc.ToNormalized(spans[i]);
    targets[i].sentence = SentenceOf(doc, targets[i].span);
  }
  ContextResult result = ApplyContext(doc, lexicon_, mentions, targets);

  AppendAssertJsonl(idp, doc, mentions, result, spans, lexicon_, out);
}

// Processes `lines` with up to `workers.size()` threads; appends the output
// in input order to *out.
void ProcessBatch(const std::vector<Line>& lines,
                  std::vector<std::unique_ptr<Worker>>& workers,
                  std::string* out) {
  const size_t n = lines.size();
  const size_t nthreads = std::min(workers.size(), (n + 63) / 64);
  if (nthreads <= 1) {
    for (const Line& l : lines) workers[0]->Process(l, out);
    return;
  }
  std::vector<std::string> parts(nthreads);
  std::vector<std::thread> threads;
  const size_t chunk = (n + nthreads - 1) / nthreads;
  for (size_t t = 0; t < nthreads; ++t) {
    threads.emplace_back([&, t] {
      size_t end = std::min(n, (t + 1) * chunk);
      for (size_t i = t * chunk; i < end; ++i) {
        workers[t]->Process(lines[i], &parts[t]);
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (const std::string& p : parts) out->append(p);
}

bool ParseInt(const char* s, int* out) {
  char* end = nullptr;
  long v = std::strtol(s, &end, 10);
  if (end == s || *end != '\0' || v < 0 || v > 1024) return false;
  *out = static_cast<int>(v);
  return true;
}

}  // namespace

int RunAssert(int argc, char** argv) {
  std::string lexicon_dir;
  std::string input;
  bool have_input = false;
  int threads = 0;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](const std::string& name, std::string* v) {
      if (arg.size() > name.size() && arg.compare(0, name.size(), name) == 0 &&
          arg[name.size()] == '=') {
        *v = arg.substr(name.size() + 1);
        return true;
      }
      if (arg == name && i + 1 < argc) {
        *v = argv[++i];
        return true;
      }
      return false;
    };
    std::string v;
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return 0;
    } else if (value("--lexicons", &lexicon_dir)) {
    } else if (value("--threads", &v) || value("-j", &v)) {
      if (!ParseInt(v.c_str(), &threads)) {
        std::cerr << "myelex assert: bad --threads value '" << v << "'\n"
                  << kUsage;
        return 2;
      }
    } else if (arg.size() > 1 && arg[0] == '-') {
      std::cerr << "myelex assert: unknown or incomplete option '" << arg
                << "'\n"
                << kUsage;
      return 2;
    } else if (!have_input) {
      input = arg;
      have_input = true;
    } else {
      std::cerr << "myelex assert: at most one INPUT\n" << kUsage;
      return 2;
    }
  }
  if (lexicon_dir.empty()) lexicon_dir = DefaultLexiconDir();
  if (threads <= 0) {
    threads =
        static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }

  Lexicon lexicon;
  std::vector<std::string> problems;
  Status s = LoadContextLexicon(lexicon_dir, &lexicon, &problems);
  if (!s.ok()) {
    for (const std::string& p : problems) std::cerr << p << "\n";
    std::cerr << "myelex assert: " << s.ToString() << "\n";
    return 1;
  }
  std::unique_ptr<CompiledLexicon> compiled;
  s = CompiledLexicon::Create(std::move(lexicon), &compiled);
  if (!s.ok()) {
    std::cerr << "myelex assert: " << s.ToString() << "\n";
    return 1;
  }

  std::ifstream file;
  std::istream* in = &std::cin;
  if (have_input && input != "-") {
    file.open(input, std::ios::binary);
    if (!file) {
      std::cerr << "myelex assert: cannot read '" << input << "'\n";
      return 1;
    }
    in = &file;
  }
  std::ios::sync_with_stdio(false);

  std::vector<std::unique_ptr<Worker>> workers;
  for (int t = 0; t < threads; ++t) {
    workers.push_back(std::make_unique<Worker>(*compiled));
  }
  constexpr size_t kBatchLines = 4096;
  std::vector<Line> batch;
  std::string out;
  uint64_t number = 0, offset = 0;
  std::string text;
  auto flush = [&] {
    out.clear();
    ProcessBatch(batch, workers, &out);
    std::fwrite(out.data(), 1, out.size(), stdout);
    batch.clear();
  };
  while (std::getline(*in, text)) {
    Line line;
    line.number = ++number;
    line.offset = offset;
    offset += text.size() + (in->eof() ? 0 : 1);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    line.text = std::move(text);
    text.clear();
    batch.push_back(std::move(line));
    if (batch.size() == kBatchLines) flush();
  }
  if (!batch.empty()) flush();
  if (in->bad()) {
    std::cerr << "myelex assert: read error after line " << number << "\n";
    return 1;
  }
  std::fflush(stdout);
  return 0;
}

}  // namespace cli
}  // namespace myelex
