// Input readers for `myelex scan`: files, directories, standard input and
// archives, in plain text, JSONL or CSV, turned into a stream of records.
//
// Every record the inputs contain yields exactly one InputRecord: a report
// (id + text) or an error (id + code + message). Messages name the input,
// line and byte offset and never quote report text (it may carry patient
// information). Readers stream: files are read in chunks, so memory holds
// one record at a time however large the input is.
//
// Error codes (contract section 2): invalid_json, missing_text_field,
// text_not_string, invalid_utf8, empty_report, report_too_large, csv_error,
// archive_member_error, read_error.
//
// Thread-safety: the functions here are reentrant; one ReadInput() call is
// driven by one thread (the scan reader thread).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace myelex {
namespace cli {

enum class InputFormat { kAuto, kText, kJsonl, kCsv, kArchive };

// "text", "jsonl", "csv", "archive" (kAuto: "auto").
const char* ToString(InputFormat f);
// Accepts the names above; returns false for anything else.
bool ParseInputFormat(std::string_view name, InputFormat* format);

// The format a file name implies: .txt .text .rpt -> text; .jsonl .ndjson ->
// jsonl; .csv -> csv; .tar .tar.gz .tgz .zip -> archive (case-insensitive).
// Returns false (and leaves *format alone) for any other name.
bool FormatFromName(std::string_view name, InputFormat* format);

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: from each file's name
  std::string id_field = "id";
  std::string text_field = "text";
  uint64_t max_report_bytes = uint64_t{1} << 20;
};

// One record read from the inputs: a report, or an error when
// `error_code` is not empty (then `text` is empty).
struct InputRecord {
  std::string id;
  std::string text;
  std::string error_code;
  std::string error_message;
};

// One input file after expanding directories.
struct InputFile {
  std::string path;  // what to open; "-" is standard input
  std::string name;  // what ids are built from: the path as given, or the
                     // path relative to the directory input that held it
  InputFormat format = InputFormat::kText;
  uint64_t size = 0;  // bytes, 0 when unknown (standard input)
};

// Expands the command-line `inputs` in order ("-" or no inputs: standard
// input). A directory contributes its regular files with known extensions
// (FormatFromName), recursively, in byte-wise order of their relative paths;
// other files in it are skipped. A file named on the command line is read
// with --format, else the format of its name, else as plain text. Each path
// that does not exist or cannot be listed adds "path: what" to *problems;
// the other inputs are still expanded.
void ExpandInputs(const std::vector<std::string>& inputs,
                  const ReaderOptions& options, std::vector<InputFile>* files,
                  std::vector<std::string>* problems);

// Receives records in input order. Returns false to stop reading (the
// consumer has failed); the reader then returns as soon as it can.
using RecordCallback = std::function<bool(InputRecord&& record)>;

// Reads every record of `file` in order and passes each to `emit`.
// `bytes_read` (may be null) is advanced as bytes are consumed, for the
// progress display and the summary. If the file cannot be opened or read,
// or an archive is damaged, one error record (read_error or
// archive_member_error) is emitted for what could not be read, and
// "name: what" is appended to *problems (an exit-code 1 condition).
void ReadInput(const InputFile& file, const ReaderOptions& options,
               const RecordCallback& emit, std::atomic<uint64_t>* bytes_read,
               std::vector<std::string>* problems);

// The byte offset of the first byte of `s` that is not part of valid UTF-8,
// or std::string_view::npos if `s` is valid.
size_t FindInvalidUtf8(std::string_view s);

}  // namespace cli
}  // namespace myelex
