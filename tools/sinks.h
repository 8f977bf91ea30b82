// Output sinks for `myelex scan`: jsonl, csv, sqlite, html (contract §1).
//
// Formatting runs on worker threads (Format/FormatError are const and
// thread-safe); Write() runs on the single writer thread, strictly in input
// order, so output is byte-identical for any thread count.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "analyzer.h"
#include "base/status.h"

namespace myelex {
namespace cli {

struct SinkOptions {
  std::string format = "jsonl";  // jsonl | csv | sqlite | html
  std::string path;              // "" or "-" means standard output
  bool emit_cues = false;        // scan --emit-cues
  // The analyzer's lexicon (Analyzer::lexicon()); names cues and target
  // rules in the output. Must outlive the sink. Without it cue ids are null.
  const CompiledLexicon* lexicon = nullptr;
  std::string title = "myelex report review";  // html: page title
};

class Sink {
 public:
  virtual ~Sink() = default;
  // Worker threads: turn one result into an opaque formatted record.
  virtual void Format(const Analysis& analysis, std::string* record) const = 0;
  // Worker threads: the record for an input that could not be analyzed.
  virtual void FormatError(std::string_view id, std::string_view code,
                           std::string_view message,
                           std::string* record) const = 0;
  // Writer thread, in input order.
  virtual Status Write(const std::string& record) = 0;
  // After the last record: trailers, commit, close.
  virtual Status Finish() = 0;
};

// Opens the sink for `options` (creating/truncating the output file).
// Formats:
//   jsonl   contract section 2 records, one per line;
//   csv     one row per report (lib/output/csv_writer.h), header first;
//   html    a self-contained review page (lib/output/html_writer.h);
//   sqlite  tables reports, findings and reasons (schema in sinks.cc), all
//           rows in one transaction committed by Finish(). Requires a file
//           path: "" or "-" gives InvalidArgument (a usage error). An
//           existing file at the path is replaced.
// Returns InvalidArgument for an unknown format, IOError if the file cannot
// be created.
Status OpenSink(const SinkOptions& options, std::unique_ptr<Sink>* sink);

}  // namespace cli
}  // namespace myelex
