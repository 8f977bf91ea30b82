// Command-line flags of `scan`, `explain` and `lexicon check`, in two
// phases (ripgrep's lowargs -> hiargs):
//
//   1. Parse*Args(): Boost.Program_options fills a plain *Args struct with
//      exactly what was typed. Throws boost::program_options::error on a
//      malformed command line; myelex_main.cc turns that into exit code 2.
//   2. Resolve*Args(): checks the values and turns them into the options the
//      library and the scan pipeline take (AnalyzerOptions, SinkOptions,
//      ReaderOptions). Returns InvalidArgument for a usage error (exit 2).
//
// Boost appears only in cli_args.cc.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "analyzer.h"
#include "base/status.h"
#include "inputs.h"
#include "sinks.h"

namespace myelex {
namespace cli {

// Flags shared by the commands that analyze reports.
struct AnalyzerArgs {
  std::string lexicons;                  // --lexicons ("" = default)
  std::string probable_as = "definite";  // --probable-as
  bool unlikely_differential_counts = false;
};

// Phase 1 of `myelex scan`.
struct ScanArgs {
  bool help = false;
  std::vector<std::string> inputs;
  std::string output;  // -o
  std::string output_format = "jsonl";
  int threads = 0;  // 0 = all cores
  bool emit_cues = false;
  std::string id_field = "id";
  std::string text_field = "text";
  std::string format;                     // "" = from the extension
  std::string max_report_bytes = "1MiB";  // N, NK/NKiB, NM/NMiB, NG/NGiB
  bool no_summary = false;
  AnalyzerArgs analyzer;
};

// Phase 2 of `myelex scan`: everything RunScan needs.
struct ScanConfig {
  AnalyzerOptions analyzer;
  SinkOptions sink;
  ReaderOptions reader;
  std::vector<std::string> inputs;  // empty = standard input
  int threads = 1;                  // >= 1
  bool summary = true;
};

struct ExplainArgs {
  bool help = false;
  std::vector<std::string> inputs;  // exactly one: a file or "-"
  std::string color = "auto";
  AnalyzerArgs analyzer;
};

enum class ColorMode { kAuto, kAlways, kNever };

struct ExplainConfig {
  AnalyzerOptions analyzer;
  std::string input;
  ColorMode color = ColorMode::kAuto;
};

struct LexiconCheckArgs {
  bool help = false;
  std::vector<std::string> dirs;  // at most one
};

// Phase 1. `argv[0]` is the subcommand name. Throw
// boost::program_options::error on unknown or malformed flags.
void ParseScanArgs(int argc, char** argv, ScanArgs* args);
void ParseExplainArgs(int argc, char** argv, ExplainArgs* args);
void ParseLexiconCheckArgs(int argc, char** argv, LexiconCheckArgs* args);

// Phase 2. InvalidArgument names the flag and the bad value.
Status ResolveScanArgs(const ScanArgs& args, ScanConfig* config);
Status ResolveExplainArgs(const ExplainArgs& args, ExplainConfig* config);

// Per-subcommand usage text (--help, and after a usage error).
void PrintScanUsage(std::ostream& out);
void PrintExplainUsage(std::ostream& out);
void PrintLexiconCheckUsage(std::ostream& out);

}  // namespace cli
}  // namespace myelex
