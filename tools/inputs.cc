#include "inputs.h"

#include <archive.h>
#include <archive_entry.h>
#include <csv.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <system_error>
#include <utility>

#include "base/utf8.h"
#include "rapidjson/document.h"
#include "rapidjson/error/en.h"
#include "simdjson.h"

namespace myelex {
namespace cli {
namespace {

constexpr size_t kChunkBytes = size_t{1} << 20;

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  s.remove_prefix(s.size() - suffix.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' &&
        c != '\v') {
      return false;
    }
  }
  return true;
}

std::string Num(uint64_t n) { return std::to_string(n); }

std::string TooLargeMessage(std::string_view where, uint64_t size,
                            uint64_t limit) {
  return std::string(where) + ": report is " + Num(size) +
         " bytes, over the limit of " + Num(limit) +
         " bytes (--max-report-bytes)";
}

// A stream of bytes: a file descriptor or the current archive member.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buf`. Returns the count, 0 at the end, or -1
  // on error with a description (no data) in *error.
  virtual int64_t Read(char* buf, size_t n, std::string* error) = 0;
};

class FdSource : public ByteSource {
 public:
  FdSource(int fd, std::atomic<uint64_t>* counter)
      : fd_(fd), counter_(counter) {}
  int64_t Read(char* buf, size_t n, std::string* error) override {
    for (;;) {
      ssize_t r = ::read(fd_, buf, n);
      if (r >= 0) {
        if (counter_ != nullptr) *counter_ += static_cast<uint64_t>(r);
        return r;
      }
      if (errno == EINTR) continue;
      *error = std::strerror(errno);
      return -1;
    }
  }

 private:
  int fd_;
  std::atomic<uint64_t>* counter_;
};

class ArchiveSource : public ByteSource {
 public:
  explicit ArchiveSource(struct archive* a) : a_(a) {}
  int64_t Read(char* buf, size_t n, std::string* error) override {
    la_ssize_t r = archive_read_data(a_, buf, n);
    if (r >= 0) return r;
    const char* msg = archive_error_string(a_);
    *error = msg != nullptr ? msg : "archive read failed";
    return -1;
  }

 private:
  struct archive* a_;
};

// Where the records of one stream go and how they are named.
struct Stream {
  std::string name;       // "reports.jsonl", "a.tar.gz:x/reports.jsonl"
  std::string id_prefix;  // prepended to ids found in records
  std::string read_error_code = "read_error";
  const ReaderOptions* options = nullptr;
  const RecordCallback* emit = nullptr;
  bool stopped = false;  // the consumer asked to stop

  void Emit(std::string id, std::string text) {
    if (stopped) return;
    InputRecord r;
    r.id = std::move(id);
    r.text = std::move(text);
    stopped = !(*emit)(std::move(r));
  }
  void Error(std::string id, std::string_view code, std::string message) {
    if (stopped) return;
    InputRecord r;
    r.id = std::move(id);
    r.error_code = std::string(code);
    r.error_message = std::move(message);
    stopped = !(*emit)(std::move(r));
  }
  // A report (from a JSONL or CSV record) after the size/blank checks.
  void Report(std::string id, std::string_view text, std::string_view where) {
    uint64_t limit = options->max_report_bytes;
    if (text.size() > limit) {
      Error(std::move(id), "report_too_large",
            TooLargeMessage(where, text.size(), limit));
    } else if (IsBlank(text)) {
      Error(std::move(id), "empty_report",
            std::string(where) + ": the report text is empty");
    } else {
      Emit(std::move(id), std::string(text));
    }
  }
};

// One plain-text report: the whole stream. Returns false on a read error
// (after emitting the error record) with the cause in *problem.
bool ReadTextReport(ByteSource* src, Stream* s, std::string* problem) {
  const uint64_t limit = s->options->max_report_bytes;
  std::string text;
  std::unique_ptr<char[]> buf(new char[kChunkBytes]);
  uint64_t total = 0;
  std::string error;
  for (;;) {
    int64_t n = src->Read(buf.get(), kChunkBytes, &error);
    if (n < 0) {
      *problem =
          s->name + ": read failed after " + Num(total) + " bytes: " + error;
      s->Error(s->name, s->read_error_code, *problem);
      return false;
    }
    if (n == 0) break;
    total += static_cast<uint64_t>(n);
    if (total <= limit) {
      text.append(buf.get(), static_cast<size_t>(n));
    } else if (!text.empty()) {
      std::string().swap(text);  // over the limit: only count from now on
    }
  }
  if (total > limit) {
    s->Error(s->name, "report_too_large",
             TooLargeMessage(s->name, total, limit));
  } else if (IsBlank(text)) {
    s->Error(s->name, "empty_report", s->name + ": the report is empty");
  } else {
    // Invalid UTF-8 in a plain-text report is analyzed anyway: the text
    // layer replaces the bad bytes and records a warning.
    s->Emit(s->name, std::move(text));
  }
  return true;
}

// Splits a stream into lines ('\n', a trailing '\r' dropped), reading in
// chunks. Lines longer than `cap` bytes are not kept, only measured.
class LineReader {
 public:
  LineReader(ByteSource* src, uint64_t cap)
      : src_(src), cap_(cap), buf_(new char[kChunkBytes]) {}

  // The next line in *line. Returns false at the end or on a read error
  // (then failed() is true). When the line is longer than the cap, *line is
  // empty and *too_long is set; *length is the full length either way.
  bool Next(std::string* line, uint64_t* length, bool* too_long) {
    line->clear();
    *too_long = false;
    *length = 0;
    line_offset_ = offset_;
    bool any = false;
    for (;;) {
      if (pos_ == end_) {
        if (eof_) break;
        int64_t n = src_->Read(buf_.get(), kChunkBytes, &error_);
        if (n < 0) {
          failed_ = true;
          return false;
        }
        if (n == 0) {
          eof_ = true;
          break;
        }
        pos_ = 0;
        end_ = static_cast<size_t>(n);
      }
      any = true;
      const char* start = buf_.get() + pos_;
      const char* nl =
          static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
      size_t seg =
          nl != nullptr ? static_cast<size_t>(nl - start) : end_ - pos_;
      if (!*too_long) {
        if (*length + seg > cap_) {
          *too_long = true;
          std::string().swap(*line);
        } else {
          line->append(start, seg);
        }
      }
      *length += seg;
      pos_ += seg;
      offset_ += seg;
      if (nl != nullptr) {
        ++pos_;
        ++offset_;
        break;
      }
    }
    if (!any) return false;
    ++line_number_;
    if (!*too_long && !line->empty() && line->back() == '\r') line->pop_back();
    return true;
  }

  uint64_t line_number() const { return line_number_; }  // 1-based
  uint64_t line_offset() const { return line_offset_; }  // of its start
  uint64_t offset() const { return offset_; }            // bytes consumed
  bool failed() const { return failed_; }
  const std::string& error() const { return error_; }

 private:
  ByteSource* src_;
  uint64_t cap_;
  std::unique_ptr<char[]> buf_;
  size_t pos_ = 0, end_ = 0;
  bool eof_ = false, failed_ = false;
  std::string error_;
  uint64_t offset_ = 0, line_offset_ = 0, line_number_ = 0;
};

// "line 3 (byte offset 120)" style locations for JSONL records.
std::string LineWhere(const Stream& s, uint64_t line, uint64_t offset) {
  return s.name + ": line " + Num(line) + " (byte offset " + Num(offset) + ")";
}

// Describes where and why `line` is not valid JSON. simdjson says whether;
// RapidJSON, run only on bad lines, says where.
std::string JsonErrorMessage(const std::string& line, uint64_t line_number,
                             uint64_t line_offset, const Stream& s,
                             simdjson::error_code simdjson_error) {
  rapidjson::Document d;
  d.Parse(line.data(), line.size());
  std::string msg = s.name + ": line " + Num(line_number);
  if (d.HasParseError()) {
    uint64_t col = d.GetErrorOffset();
    msg += ", byte offset " + Num(line_offset + col) + " (byte " + Num(col) +
           " of the line): invalid JSON: " +
           rapidjson::GetParseError_En(d.GetParseError());
  } else {
    msg += " (byte offset " + Num(line_offset) +
           "): invalid JSON: " + simdjson::error_message(simdjson_error);
  }
  return msg;
}

// Reads JSONL records: one JSON object per line; blank lines are skipped.
bool ReadJsonl(ByteSource* src, Stream* s, std::string* problem) {
  const ReaderOptions& opt = *s->options;
  // A JSON string can take up to 6 bytes per text byte (\u00XX), so a line
  // longer than this cannot hold a report within the limit; such lines are
  // only measured (their id is lost), keeping memory bounded. Below 64 MiB
  // lines are parsed anyway so that an over-long report keeps its id.
  const uint64_t kMax = std::numeric_limits<uint64_t>::max();
  uint64_t cap = opt.max_report_bytes > (kMax - 65536) / 6
                     ? kMax
                     : std::max<uint64_t>(opt.max_report_bytes * 6 + 65536,
                                          uint64_t{64} << 20);
  LineReader lines(src, cap);
  simdjson::dom::parser parser;
  std::string line;
  uint64_t length = 0;
  bool too_long = false;
  while (!s->stopped && lines.Next(&line, &length, &too_long)) {
    const uint64_t n = lines.line_number();
    uint64_t off = lines.line_offset();
    std::string fallback_id =
        s->id_prefix.empty() ? s->name + ":" + Num(n) : s->id_prefix + Num(n);
    if (too_long) {
      s->Error(std::move(fallback_id), "report_too_large",
               LineWhere(*s, n, off) + ": record is " + Num(length) +
                   " bytes, over what a report of at most " +
                   Num(opt.max_report_bytes) +
                   " bytes can take (--max-report-bytes)");
      continue;
    }
    if (n == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) {
      line.erase(0, 3);  // a byte-order mark
      off += 3;
    }
    if (IsBlank(line)) continue;
    size_t bad = FindInvalidUtf8(line);
    if (bad != std::string::npos) {
      s->Error(std::move(fallback_id), "invalid_utf8",
               s->name + ": line " + Num(n) + ", byte offset " +
                   Num(off + bad) + " (byte " + Num(bad) +
                   " of the line): invalid UTF-8");
      continue;
    }
    line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
    simdjson::dom::element root;
    simdjson::error_code err =
        parser.parse(line.data(), line.size(), false).get(root);
    if (err) {
      s->Error(std::move(fallback_id), "invalid_json",
               JsonErrorMessage(line, n, off, *s, err));
      continue;
    }
    simdjson::dom::object obj;
    if (root.get_object().get(obj)) {
      s->Error(std::move(fallback_id), "invalid_json",
               LineWhere(*s, n, off) + ": the line is not a JSON object");
      continue;
    }
    std::string id = std::move(fallback_id);
    simdjson::dom::element id_value;
    if (!obj.at_key(opt.id_field).get(id_value)) {
      if (id_value.is_string()) {
        std::string_view v = id_value.get_string().value_unsafe();
        if (!v.empty()) id = s->id_prefix + std::string(v);
      } else if (id_value.is_number()) {
        id = s->id_prefix + simdjson::minify(id_value);
      }
    }
    simdjson::dom::element text_value;
    if (obj.at_key(opt.text_field).get(text_value)) {
      s->Error(std::move(id), "missing_text_field",
               LineWhere(*s, n, off) + ": no field '" + opt.text_field + "'");
      continue;
    }
    if (!text_value.is_string()) {
      s->Error(std::move(id), "text_not_string",
               LineWhere(*s, n, off) + ": field '" + opt.text_field +
                   "' is not a string");
      continue;
    }
    s->Report(std::move(id), text_value.get_string().value_unsafe(),
              LineWhere(*s, n, off));
  }
  if (lines.failed()) {
    *problem = s->name + ": read failed at byte offset " + Num(lines.offset()) +
               ": " + lines.error();
    s->Error(s->name + ":" + Num(lines.line_number() + 1), s->read_error_code,
             *problem);
    return false;
  }
  return true;
}

// Reads CSV with a header row through libcsv, fed line by line so that
// every record and error can be located by line and byte offset.
class CsvReader {
 public:
  explicit CsvReader(Stream* s) : s_(s) { Init(); }
  ~CsvReader() { csv_free(&parser_); }
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  bool Read(ByteSource* src, std::string* problem) {
    std::unique_ptr<char[]> buf(new char[kChunkBytes]);
    std::string error;
    for (;;) {
      int64_t n = src->Read(buf.get(), kChunkBytes, &error);
      if (n < 0) {
        *problem = s_->name + ": read failed at byte offset " + Num(offset_) +
                   ": " + error;
        s_->Error(s_->name + ":" + Num(row_number_ + 1), s_->read_error_code,
                  *problem);
        return false;
      }
      if (n == 0) break;
      const char* p = buf.get();
      const char* end = p + n;
      while (p < end && !s_->stopped && !header_failed_) {
        const char* nl =
            static_cast<const char*>(std::memchr(p, '\n', end - p));
        const char* q = nl != nullptr ? nl + 1 : end;
        Feed(p, static_cast<size_t>(q - p), nl != nullptr);
        p = q;
      }
      if (s_->stopped || header_failed_)
        return !header_failed_ || Fail(problem);
    }
    if (csv_fini(&parser_, &CsvReader::OnField, &CsvReader::OnRowEnd, this) !=
        0) {
      ParseError("unterminated quoted field", row_start_offset_);
    }
    return !header_failed_ || Fail(problem);
  }

 private:
  void Init() {
    csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI);
    // Keep fields byte for byte: no trimming of spaces around them.
    csv_set_space_func(&parser_, [](unsigned char) { return 0; });
  }

  bool Fail(std::string* problem) {
    *problem = header_problem_;
    return false;
  }

  // Feeds one line, or the part of it in this chunk.
  void Feed(const char* p, size_t len, bool ends_line) {
    if (skip_to_newline_) {
      offset_ += len;
      if (ends_line) {
        skip_to_newline_ = false;
        ++line_;
      }
      return;
    }
    if (!row_open_ && !IsBlank(std::string_view(p, len))) {
      row_open_ = true;
      row_start_line_ = line_;
      row_start_offset_ = offset_;
    }
    if (row_open_) raw_row_.append(p, len);
    size_t used = csv_parse(&parser_, p, len, &CsvReader::OnField,
                            &CsvReader::OnRowEnd, this);
    if (used != len) {
      ParseError(csv_error(&parser_) == CSV_EPARSE
                     ? "malformed quoting (a quote inside a quoted field must "
                       "be doubled)"
                     : csv_strerror(csv_error(&parser_)),
                 offset_ + used);
      csv_free(&parser_);
      Init();
      skip_to_newline_ = !ends_line;
    }
    if (row_ended_) {
      raw_row_.clear();
      row_ended_ = false;
    }
    offset_ += len;
    if (ends_line) ++line_;
  }

  // A strict-mode parse error in the record being read: one csv_error
  // record for it; reading resumes at the next line.
  void ParseError(std::string_view what, uint64_t at) {
    std::string where = s_->name + ": line " + Num(line_) + ", byte offset " +
                        Num(at) + ": CSV: " + std::string(what) +
                        " (record starting at line " + Num(row_start_line_) +
                        ")";
    if (!have_header_) {
      header_failed_ = true;
      header_problem_ = where + " in the header row";
      s_->Error(s_->name + ":header", "csv_error", header_problem_);
    } else {
      s_->Error(FallbackId(++row_number_), "csv_error", where);
    }
    fields_.clear();
    raw_row_.clear();
    row_open_ = false;
  }

  // The contract: a CSV id defaults to the row number (data rows count
  // from 1); inside an archive it follows the member's prefix.
  std::string FallbackId(uint64_t row) const {
    return s_->id_prefix + Num(row);
  }

  static void OnField(void* data, size_t len, void* self) {
    static_cast<CsvReader*>(self)->fields_.emplace_back(
        static_cast<const char*>(data), len);
  }
  static void OnRowEnd(int, void* self) {
    static_cast<CsvReader*>(self)->EndRow();
  }

  void EndRow() {
    row_ended_ = true;
    row_open_ = false;
    std::vector<std::string> fields;
    fields.swap(fields_);
    if (!have_header_) {
      have_header_ = true;
      header_ = std::move(fields);
      if (!header_.empty() && header_[0].compare(0, 3, "\xEF\xBB\xBF") == 0) {
        header_[0].erase(0, 3);
      }
      for (size_t i = 0; i < header_.size(); ++i) {
        if (id_col_ < 0 && header_[i] == s_->options->id_field) id_col_ = i;
        if (text_col_ < 0 && header_[i] == s_->options->text_field) {
          text_col_ = i;
        }
      }
      return;
    }
    const uint64_t row = ++row_number_;
    std::string where = s_->name + ": row " + Num(row) + " (line " +
                        Num(row_start_line_) + ", byte offset " +
                        Num(row_start_offset_) + ")";
    size_t bad = FindInvalidUtf8(raw_row_);
    if (bad != std::string::npos) {
      s_->Error(FallbackId(row), "invalid_utf8",
                where + ": invalid UTF-8 at byte offset " +
                    Num(row_start_offset_ + bad));
      return;
    }
    if (fields.size() != header_.size()) {
      s_->Error(FallbackId(row), "csv_error",
                where + ": " + Num(fields.size()) + " fields, the header has " +
                    Num(header_.size()));
      return;
    }
    std::string id = FallbackId(row);
    if (id_col_ >= 0 && !fields[id_col_].empty()) {
      id = s_->id_prefix + fields[id_col_];
    }
    if (text_col_ < 0) {
      s_->Error(std::move(id), "missing_text_field",
                where + ": the header has no column '" +
                    s_->options->text_field + "'");
      return;
    }
    s_->Report(std::move(id), fields[text_col_], where);
  }

  Stream* s_;
  struct csv_parser parser_;
  std::vector<std::string> header_;
  std::vector<std::string> fields_;
  std::string raw_row_;  // the bytes of the record being read
  bool have_header_ = false, header_failed_ = false;
  std::string header_problem_;
  long id_col_ = -1, text_col_ = -1;
  uint64_t row_number_ = 0;
  uint64_t line_ = 1, offset_ = 0;
  uint64_t row_start_line_ = 1, row_start_offset_ = 0;
  bool row_open_ = false, row_ended_ = false, skip_to_newline_ = false;
};

bool ReadCsv(ByteSource* src, Stream* s, std::string* problem) {
  CsvReader reader(s);
  return reader.Read(src, problem);
}

// Reads one archive member (the archive is positioned at its data).
void ReadMember(struct archive* a, const std::string& member_name,
                InputFormat format, int64_t size, Stream* parent,
                std::vector<std::string>* problems) {
  Stream s = *parent;
  s.name = member_name;
  s.id_prefix = member_name + ":";
  s.read_error_code = "archive_member_error";
  ArchiveSource src(a);
  std::string problem;
  bool ok = true;
  switch (format) {
    case InputFormat::kJsonl:
      ok = ReadJsonl(&src, &s, &problem);
      break;
    case InputFormat::kCsv:
      ok = ReadCsv(&src, &s, &problem);
      break;
    case InputFormat::kArchive:
      s.Error(member_name, "archive_member_error",
              member_name + ": archives inside archives are not read");
      break;
    default:
      if (size >= 0 &&
          static_cast<uint64_t>(size) > s.options->max_report_bytes) {
        s.Error(member_name, "report_too_large",
                TooLargeMessage(member_name, static_cast<uint64_t>(size),
                                s.options->max_report_bytes));
      } else {
        s.id_prefix.clear();
        ok = ReadTextReport(&src, &s, &problem);
      }
      break;
  }
  parent->stopped = s.stopped;
  if (!ok) problems->push_back(problem);
}

void ReadArchive(int fd, Stream* s, std::atomic<uint64_t>* bytes_read,
                 std::vector<std::string>* problems) {
  struct archive* a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_tar(a);
  archive_read_support_format_zip(a);
  auto fail = [&](std::string id, std::string what) {
    const char* msg = archive_error_string(a);
    std::string m = s->name + ": " + what + ": " +
                    (msg != nullptr ? msg : "unknown archive error");
    s->Error(std::move(id), "archive_member_error", m);
    problems->push_back(m);
  };
  if (archive_read_open_fd(a, fd, 1 << 16) != ARCHIVE_OK) {
    fail(s->name, "cannot open the archive");
    archive_read_free(a);
    return;
  }
  int64_t counted = 0;
  uint64_t index = 0;
  while (!s->stopped) {
    struct archive_entry* entry = nullptr;
    int r = archive_read_next_header(a, &entry);
    if (r == ARCHIVE_EOF) break;
    ++index;
    if (r < ARCHIVE_WARN) {
      if (r == ARCHIVE_FATAL) {
        fail(s->name + ":#" + Num(index),
             "damaged archive (member #" + Num(index) + "), reading stopped");
        break;
      }
      fail(s->name + ":#" + Num(index),
           "cannot read member #" + Num(index) + " header");
      continue;
    }
    if (archive_entry_filetype(entry) == AE_IFREG) {
      const char* path = archive_entry_pathname(entry);
      std::string member = path != nullptr ? path : "";
      while (member.compare(0, 2, "./") == 0) member.erase(0, 2);
      if (member.empty()) member = "#" + Num(index);
      InputFormat format = InputFormat::kText;
      FormatFromName(member, &format);
      int64_t size =
          archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1;
      ReadMember(a, s->name + ":" + member, format, size, s, problems);
    }
    if (bytes_read != nullptr) {
      int64_t now = archive_filter_bytes(a, -1);
      if (now > counted) {
        *bytes_read += static_cast<uint64_t>(now - counted);
        counted = now;
      }
    }
  }
  archive_read_free(a);
}

}  // namespace

const char* ToString(InputFormat f) {
  switch (f) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kText:
      return "text";
    case InputFormat::kJsonl:
      return "jsonl";
    case InputFormat::kCsv:
      return "csv";
    case InputFormat::kArchive:
      return "archive";
  }
  return "auto";
}

bool ParseInputFormat(std::string_view name, InputFormat* format) {
  for (InputFormat f : {InputFormat::kText, InputFormat::kJsonl,
                        InputFormat::kCsv, InputFormat::kArchive}) {
    if (name == ToString(f)) {
      *format = f;
      return true;
    }
  }
  return false;
}

bool FormatFromName(std::string_view name, InputFormat* format) {
  struct Ext {
    const char* suffix;
    InputFormat format;
  };
  static const Ext kExts[] = {
      {".txt", InputFormat::kText},     {".text", InputFormat::kText},
      {".rpt", InputFormat::kText},     {".jsonl", InputFormat::kJsonl},
      {".ndjson", InputFormat::kJsonl}, {".csv", InputFormat::kCsv},
      {".tar", InputFormat::kArchive},  {".tar.gz", InputFormat::kArchive},
      {".tgz", InputFormat::kArchive},  {".zip", InputFormat::kArchive},
  };
  for (const Ext& e : kExts) {
    if (EndsWithNoCase(name, e.suffix)) {
      *format = e.format;
      return true;
    }
  }
  return false;
}

size_t FindInvalidUtf8(std::string_view s) {
  // simdjson's SIMD validation is the fast answer for the common valid case.
  if (simdjson::validate_utf8(s.data(), s.size())) return std::string::npos;
  return ::myelex::FindInvalidUtf8(s);
}

void ExpandInputs(const std::vector<std::string>& inputs,
                  const ReaderOptions& options, std::vector<InputFile>* files,
                  std::vector<std::string>* problems) {
  namespace fs = std::filesystem;
  auto stdin_file = [&]() {
    InputFile f;
    f.path = "-";
    f.name = "-";
    f.format = options.format == InputFormat::kAuto ? InputFormat::kText
                                                    : options.format;
    return f;
  };
  if (inputs.empty()) {
    files->push_back(stdin_file());
    return;
  }
  for (const std::string& input : inputs) {
    if (input == "-") {
      files->push_back(stdin_file());
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) {
      problems->push_back(
          input + ": " +
          (ec ? ec.message() : std::string("No such file or directory")));
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<InputFile> found;
      fs::recursive_directory_iterator it(input, ec), end;
      if (ec) {
        problems->push_back(input + ": " + ec.message());
        continue;
      }
      const fs::path root(input);
      for (; it != end; it.increment(ec)) {
        std::error_code ec2;
        if (!it->is_regular_file(ec2)) continue;
        std::string rel = it->path().lexically_relative(root).generic_string();
        InputFile f;
        if (!FormatFromName(rel, &f.format)) continue;
        f.path = it->path().string();
        f.name = std::move(rel);
        f.size = it->file_size(ec2);
        if (ec2) f.size = 0;
        found.push_back(std::move(f));
      }
      if (ec) problems->push_back(input + ": " + ec.message());
      std::sort(found.begin(), found.end(),
                [](const InputFile& a, const InputFile& b) {
                  return a.name < b.name;
                });
      for (InputFile& f : found) files->push_back(std::move(f));
      continue;
    }
    InputFile f;
    f.path = input;
    f.name = input;
    f.format = options.format;
    if (f.format == InputFormat::kAuto && !FormatFromName(input, &f.format)) {
      f.format = InputFormat::kText;
    }
    if (fs::is_regular_file(st)) {
      f.size = fs::file_size(input, ec);
      if (ec) f.size = 0;
    }
    files->push_back(std::move(f));
  }
}

void ReadInput(const InputFile& file, const ReaderOptions& options,
               const RecordCallback& emit, std::atomic<uint64_t>* bytes_read,
               std::vector<std::string>* problems) {
  Stream s;
  s.name = file.name;
  s.options = &options;
  s.emit = &emit;
  int fd = 0;
  if (file.path != "-") {
    fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      std::string problem =
          file.name + ": cannot open: " + std::strerror(errno);
      s.Error(file.name, "read_error", problem);
      problems->push_back(problem);
      return;
    }
  }
  std::string problem;
  bool ok = true;
  FdSource src(fd, bytes_read);
  switch (file.format) {
    case InputFormat::kJsonl:
      ok = ReadJsonl(&src, &s, &problem);
      break;
    case InputFormat::kCsv:
      ok = ReadCsv(&src, &s, &problem);
      break;
    case InputFormat::kArchive:
      ReadArchive(fd, &s, bytes_read, problems);
      break;
    case InputFormat::kAuto:
    case InputFormat::kText:
      if (file.size > options.max_report_bytes) {
        // Known from the file size: no need to read it.
        s.Error(
            file.name, "report_too_large",
            TooLargeMessage(file.name, file.size, options.max_report_bytes));
        if (bytes_read != nullptr) *bytes_read += file.size;
      } else {
        ok = ReadTextReport(&src, &s, &problem);
      }
      break;
  }
  if (!ok) problems->push_back(problem);
  if (fd != 0) ::close(fd);
}

}  // namespace cli
}  // namespace myelex
