// `myelex scan`, `myelex explain`, `myelex lexicon check`.
//
// scan is a three-stage pipeline (ripgrep's searcher/printer split, with
// leveldb-style plain structs between the stages):
//   reader thread  -> bounded queue of InputRecords, numbered in input order
//   N workers      -> Analyzer::Analyze + Sink::Format into a string each
//   writer (main)  -> Sink::Write strictly by sequence number
// Workers may run ahead of the writer by at most a fixed window, so memory
// stays flat however large the input, and the output is byte-identical for
// any number of threads.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "analyzer.h"
#include "base/file.h"
#include "cli_args.h"
#include "commands.h"
#include "inputs.h"
#include "lexicon/lexicon_parser.h"
#include "output/explain_writer.h"
#include "sinks.h"

namespace myelex {
namespace cli {
namespace {

using Clock = std::chrono::steady_clock;

// What the summary counts for one output record.
struct RecordStats {
  bool error = false;
  bool applicable = false;
  bool equivocal = false;
  bool surgical_referral = false;
  bool warning = false;
  Recommendation recommendation = Recommendation::kNone;
};

struct Totals {
  uint64_t reports = 0, errors = 0, warnings = 0, applicable = 0, equivocal = 0,
           surgical_referral = 0;
  uint64_t by_recommendation[5] = {0, 0, 0, 0, 0};

  void Add(const RecordStats& s) {
    ++reports;
    if (s.error) {
      ++errors;
      return;
    }
    warnings += s.warning;
    applicable += s.applicable;
    equivocal += s.equivocal;
    surgical_referral += s.surgical_referral;
    ++by_recommendation[static_cast<int>(s.recommendation)];
  }
};

// Loads the analyzer, or prints why not (every lexicon problem).
bool LoadAnalyzer(const char* cmd, const AnalyzerOptions& options,
                  std::unique_ptr<Analyzer>* analyzer) {
  struct stat st;
  if (::stat(options.lexicon_dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    std::cerr << "myelex " << cmd << ": lexicon directory '"
              << options.lexicon_dir
              << "' not found (use --lexicons DIR or set MYELEX_LEXICONS)\n";
    return false;
  }
  Status s = Analyzer::Create(options, analyzer);
  if (s.ok()) return true;
  std::cerr << "myelex " << cmd << ": the lexicons in '" << options.lexicon_dir
            << "' do not load: " << s.ToString() << "\n";
  // Create() stops at the first failure; list every problem for the user.
  Lexicon lexicon;
  std::vector<std::string> problems;
  LoadLexiconDir(options.lexicon_dir, &lexicon, &problems);
  for (const std::string& p : problems) std::cerr << p << "\n";
  return false;
}

// The scan pipeline. One instance per RunScan.
class Pipeline {
 public:
  Pipeline(const Analyzer& analyzer, Sink* sink, const ScanConfig& config)
      : analyzer_(analyzer),
        sink_(sink),
        config_(config),
        queue_cap_(2 * static_cast<size_t>(config.threads) + 4),
        window_(4 * static_cast<size_t>(config.threads) + 16),
        slots_(window_) {}

  // Runs everything; returns false if writing the output failed.
  bool Run(const std::vector<InputFile>& files, bool progress) {
    start_ = Clock::now();
    for (const InputFile& f : files) total_bytes_ += f.size;
    for (const InputFile& f : files) {
      if (f.path == "-") total_bytes_ = 0;  // unknown size: no percentage
    }
    std::thread reader([this, &files] { ReadAll(files); });
    std::vector<std::thread> workers;
    for (int i = 0; i < config_.threads; ++i) {
      workers.emplace_back([this] { Work(); });
    }
    bool ok = WriteAll(progress);
    reader.join();
    for (std::thread& t : workers) t.join();
    if (progress) std::cerr << "\r\033[K" << std::flush;
    return ok;
  }

  const Totals& totals() const { return totals_; }
  const std::vector<std::string>& input_problems() const { return problems_; }
  uint64_t bytes_read() const { return bytes_read_; }
  double seconds() const {
    return std::chrono::duration<double>(Clock::now() - start_).count();
  }

 private:
  struct Item {
    uint64_t seq;
    InputRecord record;
  };
  struct Slot {
    bool ready = false;
    std::string output;
    RecordStats stats;
  };

  void ReadAll(const std::vector<InputFile>& files) {
    RecordCallback emit = [this](InputRecord&& r) {
      return Push(std::move(r));
    };
    for (const InputFile& f : files) {
      if (aborted_) break;
      ReadInput(f, config_.reader, emit, &bytes_read_, &problems_);
    }
    std::lock_guard<std::mutex> lock(mu_);
    input_done_ = true;
    work_cv_.notify_all();
    done_cv_.notify_all();
  }

  bool Push(InputRecord&& record) {
    std::unique_lock<std::mutex> lock(mu_);
    space_cv_.wait(lock,
                   [this] { return queue_.size() < queue_cap_ || aborted_; });
    if (aborted_) return false;
    queue_.push_back(Item{next_seq_++, std::move(record)});
    work_cv_.notify_one();
    return true;
  }

  void Work() {
    for (;;) {
      Item item;
      {
        std::unique_lock<std::mutex> lock(mu_);
        // Take the oldest record, but only within the window the writer
        // can hold, so a slow record cannot let memory grow without bound.
        work_cv_.wait(lock, [this] {
          return aborted_ || (queue_.empty() && input_done_) ||
                 (!queue_.empty() &&
                  queue_.front().seq < next_write_ + window_);
        });
        if (aborted_ || queue_.empty()) return;
        item = std::move(queue_.front());
        queue_.pop_front();
        space_cv_.notify_one();
        // Pass the wake-up on: the writer and the reader wake one worker
        // at a time, so the others learn here that there is more to take
        // or that the input is over.
        if (queue_.empty()) {
          if (input_done_) work_cv_.notify_all();
        } else if (queue_.front().seq < next_write_ + window_) {
          work_cv_.notify_one();
        }
      }
      Slot slot;
      Process(std::move(item.record), &slot);
      {
        std::lock_guard<std::mutex> lock(mu_);
        slots_[item.seq % window_] = std::move(slot);
        slots_[item.seq % window_].ready = true;
        if (item.seq == next_write_) done_cv_.notify_one();
      }
    }
  }

  void Process(InputRecord&& r, Slot* slot) {
    if (!r.error_code.empty()) {
      slot->stats.error = true;
      sink_->FormatError(r.id, r.error_code, r.error_message, &slot->output);
      return;
    }
    Analysis a = analyzer_.Analyze(std::move(r.id), std::move(r.text));
    slot->stats.applicable = a.exam.applicable;
    slot->stats.equivocal = a.decision.equivocal;
    slot->stats.surgical_referral = a.decision.surgical_referral;
    slot->stats.recommendation = a.decision.recommendation;
    slot->stats.warning = !a.warnings.empty();
    sink_->Format(a, &slot->output);
  }

  bool WriteAll(bool progress) {
    Clock::time_point last_progress = Clock::now();
    for (;;) {
      Slot slot;
      {
        std::unique_lock<std::mutex> lock(mu_);
        bool got =
            done_cv_.wait_for(lock, std::chrono::milliseconds(200), [this] {
              return slots_[next_write_ % window_].ready ||
                     (input_done_ && next_write_ == next_seq_);
            });
        if (got) {
          Slot& s = slots_[next_write_ % window_];
          if (!s.ready) return true;  // everything written
          slot = std::move(s);
          s = Slot();
          ++next_write_;
          // A worker waits only when the oldest queued record is just past
          // the window; this write may have let it in.
          if (!queue_.empty() &&
              queue_.front().seq + 1 == next_write_ + window_) {
            work_cv_.notify_one();
          }
        }
      }
      if (slot.ready) {
        totals_.Add(slot.stats);
        Status s = sink_->Write(slot.output);
        if (!s.ok()) {
          write_error_ = s.ToString();
          Abort();
          return false;
        }
      }
      if (progress &&
          Clock::now() - last_progress > std::chrono::milliseconds(200)) {
        last_progress = Clock::now();
        ShowProgress();
      }
    }
  }

  void Abort() {
    std::lock_guard<std::mutex> lock(mu_);
    aborted_ = true;
    work_cv_.notify_all();
    space_cv_.notify_all();
  }

  void ShowProgress() {
    double mb = static_cast<double>(bytes_read_) / 1e6;
    double secs = seconds();
    char line[160];
    if (total_bytes_ > 0) {
      double frac = std::min(1.0, static_cast<double>(bytes_read_) /
                                      static_cast<double>(total_bytes_));
      const int width = 24;
      int filled = static_cast<int>(frac * width);
      std::string bar(filled, '#');
      bar.append(width - filled, '-');
      std::snprintf(line, sizeof line,
                    "\r\033[K[%s] %3.0f%% %llu reports, %.1f MB, %.1f MB/s",
                    bar.c_str(), frac * 100,
                    static_cast<unsigned long long>(totals_.reports), mb,
                    secs > 0 ? mb / secs : 0.0);
    } else {
      std::snprintf(line, sizeof line,
                    "\r\033[K%llu reports, %.1f MB, %.1f MB/s",
                    static_cast<unsigned long long>(totals_.reports), mb,
                    secs > 0 ? mb / secs : 0.0);
    }
    std::cerr << line << std::flush;
  }

 public:
  const std::string& write_error() const { return write_error_; }

 private:
  const Analyzer& analyzer_;
  Sink* sink_;
  const ScanConfig& config_;
  const size_t queue_cap_;
  const size_t window_;

  std::mutex mu_;
  std::condition_variable space_cv_, work_cv_, done_cv_;
  std::deque<Item> queue_;   // guarded by mu_
  std::vector<Slot> slots_;  // guarded by mu_; seq % window_
  uint64_t next_seq_ = 0;    // guarded by mu_
  uint64_t next_write_ = 0;  // guarded by mu_
  bool input_done_ = false;  // guarded by mu_
  std::atomic<bool> aborted_{false};

  // Reader thread only (read by the writer after join).
  std::vector<std::string> problems_;
  std::atomic<uint64_t> bytes_read_{0};
  uint64_t total_bytes_ = 0;
  // Writer only.
  Totals totals_;
  std::string write_error_;
  Clock::time_point start_;
};

void PrintSummary(const Pipeline& p) {
  const Totals& t = p.totals();
  double secs = p.seconds();
  double mb = static_cast<double>(p.bytes_read()) / 1e6;
  char rate[64];
  std::snprintf(rate, sizeof rate, "%.2f MB in %.2f s, %.1f MB/s", mb, secs,
                secs > 0 ? mb / secs : 0.0);
  std::cerr << "myelex scan: " << t.reports << " reports, " << t.errors
            << " errors";
  if (t.warnings > 0) std::cerr << ", " << t.warnings << " with warnings";
  std::cerr << "; " << t.applicable << " applicable, " << t.equivocal
            << " equivocal, " << t.surgical_referral
            << " surgical referral; recommendations:";
  static const Recommendation kAll[] = {
      Recommendation::kCtMyelography, Recommendation::kMriWithContrast,
      Recommendation::kMri, Recommendation::kManualReview,
      Recommendation::kNone};
  for (Recommendation r : kAll) {
    std::cerr << " " << ToString(r) << " "
              << t.by_recommendation[static_cast<int>(r)];
  }
  std::cerr << "; " << rate << "\n";
}

// Reads FILE, or standard input for "-", whole (explain takes one report).
Status ReadReport(const std::string& path, std::string* text) {
  if (path != "-") return ReadFileToString(path, text);
  text->clear();
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(0, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IOError("standard input", std::strerror(errno));
    }
    if (n == 0) return Status::OK();
    text->append(buf, static_cast<size_t>(n));
  }
}

}  // namespace

const char* DefaultLexiconDir() {
  const char* env = std::getenv("MYELEX_LEXICONS");
  if (env != nullptr && *env != '\0') return env;
#ifdef MYELEX_DEFAULT_LEXICON_DIR
  struct stat st;
  if (::stat(MYELEX_DEFAULT_LEXICON_DIR, &st) == 0 && S_ISDIR(st.st_mode)) {
    return MYELEX_DEFAULT_LEXICON_DIR;
  }
#endif
  return "lexicons";
}

int RunScan(int argc, char** argv) {
  ScanArgs args;
  ParseScanArgs(argc, argv, &args);
  if (args.help) {
    PrintScanUsage(std::cout);
    return 0;
  }
  ScanConfig config;
  Status s = ResolveScanArgs(args, &config);
  if (!s.ok()) {
    std::cerr << "myelex scan: " << s.message() << "\n"
              << "Try 'myelex scan --help'.\n";
    return 2;
  }
  std::unique_ptr<Analyzer> analyzer;
  if (!LoadAnalyzer("scan", config.analyzer, &analyzer)) return 1;

  std::vector<InputFile> files;
  std::vector<std::string> problems;
  ExpandInputs(config.inputs, config.reader, &files, &problems);
  for (const std::string& p : problems) {
    std::cerr << "myelex scan: cannot read " << p << "\n";
  }

  std::unique_ptr<Sink> sink;
  config.sink.lexicon = &analyzer->lexicon();
  s = OpenSink(config.sink, &sink);
  if (!s.ok()) {
    std::cerr << "myelex scan: cannot open the output: " << s.ToString()
              << "\n";
    return s.IsInvalidArgument() ? 2 : 1;
  }
  const bool progress = ::isatty(2) != 0;
  Pipeline pipeline(*analyzer, sink.get(), config);
  bool ok = pipeline.Run(files, progress);
  for (const std::string& p : pipeline.input_problems()) {
    std::cerr << "myelex scan: " << p << "\n";
  }
  if (!ok) {
    std::cerr << "myelex scan: writing the output failed: "
              << pipeline.write_error() << "\n";
    return 1;
  }
  s = sink->Finish();
  if (!s.ok()) {
    std::cerr << "myelex scan: finishing the output failed: " << s.ToString()
              << "\n";
    return 1;
  }
  if (config.summary) PrintSummary(pipeline);
  return problems.empty() && pipeline.input_problems().empty() ? 0 : 1;
}

int RunExplain(int argc, char** argv) {
  ExplainArgs args;
  ParseExplainArgs(argc, argv, &args);
  if (args.help) {
    PrintExplainUsage(std::cout);
    return 0;
  }
  ExplainConfig config;
  Status s = ResolveExplainArgs(args, &config);
  if (!s.ok()) {
    std::cerr << "myelex explain: " << s.message() << "\n"
              << "Try 'myelex explain --help'.\n";
    return 2;
  }
  std::string text;
  s = ReadReport(config.input, &text);
  if (!s.ok()) {
    std::cerr << "myelex explain: cannot read " << s.message() << "\n";
    return 1;
  }
  std::unique_ptr<Analyzer> analyzer;
  if (!LoadAnalyzer("explain", config.analyzer, &analyzer)) return 1;
  bool color = config.color == ColorMode::kAlways ||
               (config.color == ColorMode::kAuto && ::isatty(1) != 0);
  Analysis a = analyzer->Analyze(config.input, std::move(text));
  std::string out;
  AppendExplain(a, analyzer->lexicon(), color, &out);
  if (!out.empty() && out.back() != '\n') out += '\n';
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (std::fflush(stdout) != 0) {
    std::cerr << "myelex explain: writing the output failed\n";
    return 1;
  }
  return 0;
}

int RunLexiconCheck(int argc, char** argv) {
  LexiconCheckArgs args;
  ParseLexiconCheckArgs(argc, argv, &args);
  if (args.help) {
    PrintLexiconCheckUsage(std::cout);
    return 0;
  }
  if (args.dirs.size() > 1) {
    std::cerr << "myelex lexicon check: expected at most one DIR\n"
              << "Try 'myelex lexicon check --help'.\n";
    return 2;
  }
  const std::string dir =
      args.dirs.empty() ? DefaultLexiconDir() : args.dirs[0];
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    std::cerr << dir << ": not a directory\n";
    return 1;
  }
  Lexicon lexicon;
  std::vector<std::string> problems, warnings;
  Status s = LoadLexiconDir(dir, &lexicon, &problems, &warnings);
  for (const std::string& p : problems) std::cout << p << "\n";
  for (const std::string& w : warnings) std::cout << "warning: " << w << "\n";
  if (!s.ok() || !problems.empty()) {
    if (problems.empty()) std::cout << s.message() << "\n";
    std::cerr << "myelex lexicon check: " << dir << ": "
              << std::max<size_t>(problems.size(), 1) << " problem(s)\n";
    return 1;
  }
  std::vector<std::string> files;
  ListFiles(dir, ".tsv", &files);
  std::cout << "OK: " << lexicon.rules.size() << " rules in " << files.size()
            << " files (" << dir << ")";
  if (!warnings.empty()) std::cout << ", " << warnings.size() << " warnings";
  std::cout << "\n";
  return 0;
}

}  // namespace cli
}  // namespace myelex
