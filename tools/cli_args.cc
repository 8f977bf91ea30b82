#include "cli_args.h"

#include <boost/program_options.hpp>
#include <limits>
#include <thread>

#include "commands.h"

namespace po = boost::program_options;

namespace myelex {
namespace cli {
namespace {

const char kScanSynopsis[] =
    "usage: myelex scan [OPTIONS] [INPUT...]\n"
    "\n"
    "Analyzes every report in the inputs and writes one output record per\n"
    "report, in input order (JSONL by default, contract section 2).\n"
    "\n"
    "INPUT is a file, a directory (read recursively) or '-' for standard\n"
    "input; with no INPUT, standard input is read. Formats come from the\n"
    "file name or --format:\n"
    "  .txt .text .rpt (or any other name)  plain text, one report per file;\n"
    "                           id = the path as given, or for files found in\n"
    "                           a directory the path relative to it\n"
    "  .jsonl .ndjson           one JSON object per line; id and text from\n"
    "                           --id-field/--text-field (a missing id becomes\n"
    "                           INPUT:LINE); blank lines are skipped\n"
    "  .csv                     a header row, then one report per record\n"
    "                           (quoted fields may span lines); a missing id\n"
    "                           becomes the row number (data rows count from "
    "1)\n"
    "  .tar .tar.gz .tgz .zip   each regular member is read by its own name:\n"
    "                           .jsonl/.ndjson lines, .csv rows, anything\n"
    "                           else one text report; ids are\n"
    "                           ARCHIVE:MEMBER or ARCHIVE:MEMBER:ID\n"
    "In directories only files with the extensions above are read, in\n"
    "byte-wise order of their relative paths; other files (e.g.\n"
    "*.expected.json) are skipped. --format applies to inputs named on the\n"
    "command line and to standard input, not to files found in directories.\n"
    "\n"
    "Every input record gives exactly one output record. Records that cannot\n"
    "be analyzed get an error record (codes: invalid_json, "
    "missing_text_field,\n"
    "text_not_string, invalid_utf8, empty_report, report_too_large,\n"
    "csv_error, archive_member_error, read_error); messages name the input,\n"
    "line and byte offset and never quote report text.\n"
    "\n"
    "Reports are analyzed on --threads workers and written strictly in\n"
    "input order, so the output is byte-identical for any thread count.\n"
    "A progress line goes to standard error when it is a terminal, and a\n"
    "summary (counts, MB/s) at the end unless --no-summary.\n"
    "\n"
    "Exit status: 0 success (also with per-record errors), 1 runtime or data\n"
    "error (lexicons do not load, an input cannot be read, the output cannot\n"
    "be written), 2 usage error.\n";

const char kExplainSynopsis[] =
    "usage: myelex explain [OPTIONS] FILE\n"
    "\n"
    "Analyzes one plain-text report (FILE, or '-' for standard input) and\n"
    "shows it for a person: the text with findings, cues and scopes marked,\n"
    "then the decision and its reasons.\n";

const char kLexiconCheckSynopsis[] =
    "usage: myelex lexicon check [DIR]\n"
    "\n"
    "Loads and validates every *.tsv lexicon file under DIR (default: the\n"
    "shipped lexicons, or $MYELEX_LEXICONS). Prints every problem as\n"
    "'file:line: message', then warnings as 'warning: ...'. Exit status 1 if\n"
    "there is any problem, 0 otherwise.\n";

void AddAnalyzerOptions(po::options_description* desc, AnalyzerArgs* args) {
  desc->add_options()(
      "lexicons", po::value<std::string>(&args->lexicons)->value_name("DIR"),
      "lexicon directory (default: $MYELEX_LEXICONS, else the shipped "
      "lexicons)")(
      "probable-as",
      po::value<std::string>(&args->probable_as)
          ->value_name("definite|equivocal")
          ->default_value("definite"),
      "guideline policy: whether a 'probable' finding counts as definite or "
      "as equivocal")(
      "unlikely-differential-counts",
      po::bool_switch(&args->unlikely_differential_counts),
      "guideline policy: a non-compressive cause stated as unlikely still "
      "counts as in the differential");
}

po::options_description ScanOptions(ScanArgs* args) {
  po::options_description desc("Options");
  desc.add_options()("help,h", po::bool_switch(&args->help), "show this help")(
      "output,o", po::value<std::string>(&args->output)->value_name("FILE"),
      "write the output to FILE (default: standard output)")(
      "output-format",
      po::value<std::string>(&args->output_format)
          ->value_name("jsonl|csv|sqlite|html")
          ->default_value("jsonl"),
      "output format")("threads,j",
                       po::value<int>(&args->threads)->value_name("N"),
                       "worker threads (default or 0: all cores)")(
      "emit-cues", po::bool_switch(&args->emit_cues),
      "add every modifier cue found to each record")(
      "format",
      po::value<std::string>(&args->format)
          ->value_name("text|jsonl|csv|archive"),
      "input format (default: from the file name)")(
      "id-field",
      po::value<std::string>(&args->id_field)
          ->value_name("NAME")
          ->default_value("id"),
      "JSONL key / CSV column holding the report id")(
      "text-field",
      po::value<std::string>(&args->text_field)
          ->value_name("NAME")
          ->default_value("text"),
      "JSONL key / CSV column holding the report text")(
      "max-report-bytes",
      po::value<std::string>(&args->max_report_bytes)
          ->value_name("N")
          ->default_value("1MiB"),
      "larger reports get a report_too_large error record (suffixes K, M, "
      "G or KiB, MiB, GiB: powers of 1024)")(
      "no-summary", po::bool_switch(&args->no_summary),
      "do not print the summary to standard error at the end");
  AddAnalyzerOptions(&desc, &args->analyzer);
  desc.add_options()("input",
                     po::value<std::vector<std::string>>(&args->inputs));
  return desc;
}

po::options_description ExplainOptions(ExplainArgs* args) {
  po::options_description desc("Options");
  desc.add_options()("help,h", po::bool_switch(&args->help), "show this help")(
      "color",
      po::value<std::string>(&args->color)
          ->value_name("auto|always|never")
          ->default_value("auto"),
      "colour the marks (auto: when standard output is a terminal; "
      "otherwise plain brackets)");
  AddAnalyzerOptions(&desc, &args->analyzer);
  desc.add_options()("input",
                     po::value<std::vector<std::string>>(&args->inputs));
  return desc;
}

po::options_description LexiconCheckOptions(LexiconCheckArgs* args) {
  po::options_description desc("Options");
  desc.add_options()("help,h", po::bool_switch(&args->help), "show this help")(
      "dir", po::value<std::vector<std::string>>(&args->dirs));
  return desc;
}

// Runs Boost over argv (argv[0], the subcommand, is skipped by Boost).
void Parse(int argc, char** argv, const po::options_description& desc,
           const char* positional) {
  po::positional_options_description pos;
  pos.add(positional, -1);
  po::variables_map vm;
  po::store(po::command_line_parser(argc, argv)
                .options(desc)
                .positional(pos)
                .style(po::command_line_style::default_style &
                       ~po::command_line_style::allow_guessing)
                .run(),
            vm);
  po::notify(vm);
}

// Prints the visible options: everything but the positional one.
void PrintOptions(std::ostream& out, const po::options_description& all) {
  po::options_description visible("Options");
  for (const auto& opt : all.options()) {
    if (opt->long_name() == "input" || opt->long_name() == "dir") continue;
    visible.add(opt);
  }
  out << visible;
}

// "1048576", "10M", "10MiB", "512k" -> bytes.
bool ParseByteCount(const std::string& s, uint64_t* out) {
  size_t i = 0;
  uint64_t n = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    uint64_t d = static_cast<uint64_t>(s[i] - '0');
    if (n > (std::numeric_limits<uint64_t>::max() - d) / 10) return false;
    n = n * 10 + d;
    ++i;
  }
  if (i == 0) return false;
  std::string unit = s.substr(i);
  uint64_t mul = 1;
  if (unit.empty() || unit == "B") {
    mul = 1;
  } else if (unit == "K" || unit == "k" || unit == "KiB") {
    mul = uint64_t{1} << 10;
  } else if (unit == "M" || unit == "MiB") {
    mul = uint64_t{1} << 20;
  } else if (unit == "G" || unit == "GiB") {
    mul = uint64_t{1} << 30;
  } else {
    return false;
  }
  if (n > std::numeric_limits<uint64_t>::max() / mul) return false;
  *out = n * mul;
  return true;
}

Status ResolveAnalyzerArgs(const AnalyzerArgs& args, AnalyzerOptions* out) {
  out->lexicon_dir =
      args.lexicons.empty() ? std::string(DefaultLexiconDir()) : args.lexicons;
  if (args.probable_as == "definite") {
    out->guideline.probable_is_definite = true;
  } else if (args.probable_as == "equivocal") {
    out->guideline.probable_is_definite = false;
  } else {
    return Status::InvalidArgument(
        "--probable-as",
        "expected 'definite' or 'equivocal', got '" + args.probable_as + "'");
  }
  out->guideline.unlikely_differential_counts =
      args.unlikely_differential_counts;
  return Status::OK();
}

}  // namespace

void ParseScanArgs(int argc, char** argv, ScanArgs* args) {
  Parse(argc, argv, ScanOptions(args), "input");
}

void ParseExplainArgs(int argc, char** argv, ExplainArgs* args) {
  Parse(argc, argv, ExplainOptions(args), "input");
}

void ParseLexiconCheckArgs(int argc, char** argv, LexiconCheckArgs* args) {
  Parse(argc, argv, LexiconCheckOptions(args), "dir");
}

Status ResolveScanArgs(const ScanArgs& args, ScanConfig* config) {
  MYELEX_RETURN_IF_ERROR(ResolveAnalyzerArgs(args.analyzer, &config->analyzer));
  const std::string& of = args.output_format;
  if (of != "jsonl" && of != "csv" && of != "sqlite" && of != "html") {
    return Status::InvalidArgument(
        "--output-format",
        "expected jsonl, csv, sqlite or html, got '" + of + "'");
  }
  if (of == "sqlite" && (args.output.empty() || args.output == "-")) {
    return Status::InvalidArgument("--output-format sqlite",
                                   "needs an output file (-o FILE)");
  }
  config->sink.format = of;
  config->sink.path = args.output;
  config->sink.emit_cues = args.emit_cues;

  if (args.threads < 0) {
    return Status::InvalidArgument(
        "--threads",
        "expected a positive number, got " + std::to_string(args.threads));
  }
  config->threads = args.threads;
  if (config->threads == 0) {
    config->threads = static_cast<int>(std::thread::hardware_concurrency());
    if (config->threads < 1) config->threads = 1;
  }

  config->reader.format = InputFormat::kAuto;
  if (!args.format.empty() && args.format != "auto" &&
      !ParseInputFormat(args.format, &config->reader.format)) {
    return Status::InvalidArgument(
        "--format",
        "expected text, jsonl, csv or archive, got '" + args.format + "'");
  }
  if (args.id_field.empty() || args.text_field.empty()) {
    return Status::InvalidArgument("--id-field/--text-field",
                                   "must not be empty");
  }
  config->reader.id_field = args.id_field;
  config->reader.text_field = args.text_field;
  if (!ParseByteCount(args.max_report_bytes,
                      &config->reader.max_report_bytes) ||
      config->reader.max_report_bytes == 0) {
    return Status::InvalidArgument(
        "--max-report-bytes",
        "expected a positive byte count such as 1048576 or 10MiB, got '" +
            args.max_report_bytes + "'");
  }
  config->inputs = args.inputs;
  config->summary = !args.no_summary;
  return Status::OK();
}

Status ResolveExplainArgs(const ExplainArgs& args, ExplainConfig* config) {
  MYELEX_RETURN_IF_ERROR(ResolveAnalyzerArgs(args.analyzer, &config->analyzer));
  if (args.inputs.size() != 1) {
    return Status::InvalidArgument("explain",
                                   "expected exactly one FILE (or '-'), got " +
                                       std::to_string(args.inputs.size()));
  }
  config->input = args.inputs[0];
  if (args.color == "auto") {
    config->color = ColorMode::kAuto;
  } else if (args.color == "always") {
    config->color = ColorMode::kAlways;
  } else if (args.color == "never") {
    config->color = ColorMode::kNever;
  } else {
    return Status::InvalidArgument(
        "--color", "expected auto, always or never, got '" + args.color + "'");
  }
  return Status::OK();
}

void PrintScanUsage(std::ostream& out) {
  ScanArgs dummy;
  out << kScanSynopsis << "\n";
  PrintOptions(out, ScanOptions(&dummy));
}

void PrintExplainUsage(std::ostream& out) {
  ExplainArgs dummy;
  out << kExplainSynopsis << "\n";
  PrintOptions(out, ExplainOptions(&dummy));
}

void PrintLexiconCheckUsage(std::ostream& out) { out << kLexiconCheckSynopsis; }

}  // namespace cli
}  // namespace myelex
