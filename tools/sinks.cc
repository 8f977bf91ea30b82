// Output sinks for `myelex scan` (see sinks.h).
//
// jsonl, csv and html records are the formatted bytes themselves. The html
// record carries one leading flag byte (equivocal / surgical referral /
// error) that Write() strips and counts for the page footer. The sqlite
// record is a compact row encoding (below) decoded by Write() on the writer
// thread, which owns the database connection.
#include "sinks.h"

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "output/csv_writer.h"
#include "output/format_util.h"
#include "output/html_writer.h"
#include "output/jsonl_writer.h"

namespace myelex {
namespace cli {

namespace {

bool IsStdout(const std::string& path) { return path.empty() || path == "-"; }

// A FILE* opened for writing, or standard output.
class Output {
 public:
  Status Open(const std::string& path) {
    if (IsStdout(path)) {
      name_ = "<stdout>";
      file_ = stdout;
      return Status::OK();
    }
    name_ = path;
    file_ = std::fopen(path.c_str(), "wb");
    if (file_ == nullptr) return Status::IOError(path, std::strerror(errno));
    owned_ = true;
    std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
    return Status::OK();
  }
  ~Output() {
    if (owned_ && file_ != nullptr) std::fclose(file_);
  }
  Status Put(std::string_view bytes) {
    if (bytes.empty()) return Status::OK();
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
      return Status::IOError(name_, std::strerror(errno));
    }
    return Status::OK();
  }
  Status Close() {
    if (file_ == nullptr) return Status::OK();
    bool ok = std::fflush(file_) == 0 && !std::ferror(file_);
    int err = errno;
    if (owned_) {
      ok = std::fclose(file_) == 0 && ok;
      if (!ok && err == 0) err = errno;
    }
    file_ = nullptr;
    if (!ok) return Status::IOError(name_, std::strerror(err ? err : EIO));
    return Status::OK();
  }

 private:
  std::string name_;
  FILE* file_ = nullptr;
  bool owned_ = false;
};

// ---- jsonl ----------------------------------------------------------------

class JsonlSink : public Sink {
 public:
  explicit JsonlSink(const SinkOptions& o) {
    options_.emit_cues = o.emit_cues;
    options_.lexicon = o.lexicon;
  }
  Status Open(const std::string& path) { return out_.Open(path); }
  void Format(const Analysis& a, std::string* record) const override {
    AppendJsonl(a, options_, record);
  }
  void FormatError(std::string_view id, std::string_view code,
                   std::string_view message,
                   std::string* record) const override {
    AppendErrorJsonl(id, code, message, record);
  }
  Status Write(const std::string& record) override { return out_.Put(record); }
  Status Finish() override { return out_.Close(); }

 private:
  WriteOptions options_;
  Output out_;
};

// ---- csv ------------------------------------------------------------------

class CsvSink : public Sink {
 public:
  Status Open(const std::string& path) {
    MYELEX_RETURN_IF_ERROR(out_.Open(path));
    std::string header;
    AppendCsvHeader(&header);
    return out_.Put(header);
  }
  void Format(const Analysis& a, std::string* record) const override {
    AppendCsvRow(a, record);
  }
  void FormatError(std::string_view id, std::string_view code,
                   std::string_view message,
                   std::string* record) const override {
    AppendCsvErrorRow(id, code, message, record);
  }
  Status Write(const std::string& record) override { return out_.Put(record); }
  Status Finish() override { return out_.Close(); }

 private:
  Output out_;
};

// ---- html -----------------------------------------------------------------

constexpr char kHtmlEquivocal = 1, kHtmlSurgical = 2, kHtmlError = 4;

class HtmlSink : public Sink {
 public:
  explicit HtmlSink(const SinkOptions& o) : lexicon_(o.lexicon) {}
  Status Open(const std::string& path, const std::string& title) {
    MYELEX_RETURN_IF_ERROR(out_.Open(path));
    std::string header;
    AppendHtmlHeader(title, &header);
    return out_.Put(header);
  }
  void Format(const Analysis& a, std::string* record) const override {
    char flags = 0;
    if (a.decision.equivocal) flags |= kHtmlEquivocal;
    if (a.decision.surgical_referral) flags |= kHtmlSurgical;
    record->push_back(flags);
    AppendHtmlReport(a, lexicon_, record);
  }
  void FormatError(std::string_view id, std::string_view code,
                   std::string_view message,
                   std::string* record) const override {
    record->push_back(kHtmlError);
    AppendHtmlErrorReport(id, code, message, record);
  }
  Status Write(const std::string& record) override {
    if (record.empty()) return Status::Internal("html sink", "empty record");
    const char flags = record[0];
    ++summary_.reports;
    if (flags & kHtmlEquivocal) ++summary_.equivocal;
    if (flags & kHtmlSurgical) ++summary_.surgical_referral;
    if (flags & kHtmlError) ++summary_.errors;
    return out_.Put(std::string_view(record).substr(1));
  }
  Status Finish() override {
    std::string footer;
    AppendHtmlFooter(summary_, &footer);
    MYELEX_RETURN_IF_ERROR(out_.Put(footer));
    return out_.Close();
  }

 private:
  const CompiledLexicon* lexicon_;
  Output out_;
  HtmlSummary summary_;
};

// ---- sqlite ---------------------------------------------------------------
//
// Record encoding, produced by Format on a worker thread:
//   record := row*
//   row    := table:char ('r' reports | 'f' findings | 's' reasons)
//             count:u8 value{count}
//   value  := 'N'                       NULL
//           | 'I' int64 (8 bytes, host order)
//           | 'T' length:u32 (host order) bytes (valid UTF-8)
//           | 'R'                       the row number of this record's
//                                       report (assigned by Write)
// Each record holds exactly one 'r' row first, then its findings and
// reasons. Host byte order is fine: records never leave the process.

constexpr char kSchema[] =
    "CREATE TABLE reports("
    "row INTEGER PRIMARY KEY, id TEXT NOT NULL, modality TEXT, "
    "cervical INTEGER, contrast INTEGER, applicable INTEGER, "
    "equivocal INTEGER, recommendation TEXT, dwi INTEGER, "
    "surgical_referral INTEGER, concordance TEXT, pitfall INTEGER, "
    "error_code TEXT, error_message TEXT, record_json TEXT, "
    "report_recommends TEXT);"
    "CREATE TABLE findings("
    "report_row INTEGER NOT NULL REFERENCES reports(row), idx INTEGER, "
    "concept TEXT, certainty TEXT, historical INTEGER, hypothetical INTEGER, "
    "experiencer TEXT, levels TEXT, severity TEXT, laterality TEXT, "
    "section TEXT, start INTEGER, \"end\" INTEGER, text TEXT);"
    "CREATE TABLE reasons("
    "report_row INTEGER NOT NULL REFERENCES reports(row), idx INTEGER, "
    "rule TEXT, text TEXT, citation TEXT, findings TEXT);";

constexpr char kIndexes[] =
    "CREATE INDEX findings_report ON findings(report_row);"
    "CREATE INDEX findings_concept ON findings(concept, certainty);"
    "CREATE INDEX reasons_report ON reasons(report_row);"
    "CREATE INDEX reports_id ON reports(id);";

constexpr int kReportColumns = 15;  // without `row`
constexpr int kFindingColumns = 14;
constexpr int kReasonColumns = 6;

class RowEncoder {
 public:
  explicit RowEncoder(std::string* out) : out_(out) {}
  void Begin(char table, int count) {
    out_->push_back(table);
    out_->push_back(static_cast<char>(count));
  }
  void Null() { out_->push_back('N'); }
  void Int(int64_t v) {
    out_->push_back('I');
    out_->append(reinterpret_cast<const char*>(&v), sizeof(v));
  }
  void Bool(bool b) { Int(b ? 1 : 0); }
  void ReportRow() { out_->push_back('R'); }
  void Text(std::string_view s) {
    out_->push_back('T');
    const size_t at = out_->size();
    out_->append(sizeof(uint32_t), '\0');
    AppendValidUtf8(s, out_);
    const uint32_t n = static_cast<uint32_t>(out_->size() - at - 4);
    std::memcpy(&(*out_)[at], &n, sizeof(n));
  }
  void TextOrNull(std::string_view s) {
    if (s.empty()) {
      Null();
    } else {
      Text(s);
    }
  }

 private:
  std::string* out_;
};

// A JSON array of strings; the values are escaped for JSON.
std::string JsonStrings(const std::vector<std::string_view>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.push_back('"');
    for (char c : values[i]) {
      const unsigned char u = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        out.push_back('\\');
        out.push_back(c);
      } else if (u < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof(buf), "\\u%04x", u);
        out.append(buf);
      } else {
        out.push_back(c);
      }
    }
    out.push_back('"');
  }
  out.push_back(']');
  return out;
}

std::string_view OriginalText(const Analysis& a, Span s) {
  const std::string& t = a.document.original();
  const size_t b = std::min<size_t>(s.begin, t.size());
  const size_t e = std::min<size_t>(std::max(s.begin, s.end), t.size());
  return std::string_view(t).substr(b, e - b);
}

class SqliteSink : public Sink {
 public:
  explicit SqliteSink(const SinkOptions& o) {
    options_.emit_cues = o.emit_cues;
    options_.lexicon = o.lexicon;
  }
  ~SqliteSink() override {
    for (sqlite3_stmt* s : stmts_) sqlite3_finalize(s);
    if (db_ != nullptr) {
      if (!finished_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      sqlite3_close(db_);
    }
  }

  Status Open(const std::string& path) {
    path_ = path;
    if (std::remove(path.c_str()) != 0 && errno != ENOENT) {
      return Status::IOError(path, std::strerror(errno));
    }
    if (sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
      return Error();
    }
    MYELEX_RETURN_IF_ERROR(
        Exec("PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF;"));
    MYELEX_RETURN_IF_ERROR(Exec(kSchema));
    MYELEX_RETURN_IF_ERROR(Exec("BEGIN"));
    MYELEX_RETURN_IF_ERROR(Prepare(
        "INSERT INTO reports(row, id, modality, cervical, contrast, "
        "applicable, equivocal, recommendation, dwi, surgical_referral, "
        "concordance, pitfall, error_code, error_message, record_json, "
        "report_recommends) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    MYELEX_RETURN_IF_ERROR(
        Prepare("INSERT INTO findings VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    MYELEX_RETURN_IF_ERROR(Prepare("INSERT INTO reasons VALUES(?,?,?,?,?,?)"));
    return Status::OK();
  }

  void Format(const Analysis& a, std::string* record) const override {
    std::string json;
    AppendJsonl(a, options_, &json);
    json.pop_back();  // the newline
    RowEncoder e(record);
    const Decision& d = a.decision;
    e.Begin('r', kReportColumns);
    e.Text(a.id);
    e.Text(ToString(a.exam.modality));
    e.Bool(a.exam.cervical);
    if (a.exam.contrast.has_value()) {
      e.Bool(*a.exam.contrast);
    } else {
      e.Null();
    }
    e.Bool(a.exam.applicable);
    e.Bool(d.equivocal);
    e.Text(ToString(d.recommendation));
    e.Bool(d.dwi);
    e.Bool(d.surgical_referral);
    e.Text(ToString(d.concordance));
    e.Bool(d.pitfall);
    e.Null();  // error_code
    e.Null();  // error_message
    e.Text(json);
    std::vector<std::string_view> recs;
    for (const ReportRecommendation& r : a.report_recommends) {
      bool seen = false;
      for (std::string_view v : recs) seen = seen || v == r.value;
      if (!seen) recs.push_back(r.value);
    }
    e.Text(JsonStrings(recs));

    for (size_t i = 0; i < a.findings.size(); ++i) {
      const Finding& f = a.findings[i];
      e.Begin('f', kFindingColumns);
      e.ReportRow();
      e.Int(static_cast<int64_t>(i));
      e.Text(f.concept);
      e.Text(ToString(f.certainty));
      e.Bool(f.historical);
      e.Bool(f.hypothetical);
      e.Text(ToString(f.experiencer));
      e.Text(JsonStrings({f.levels.begin(), f.levels.end()}));
      e.TextOrNull(f.severity);
      e.TextOrNull(f.laterality);
      e.Text(ContractSectionName(f.section));
      e.Int(f.span.begin);
      e.Int(f.span.end);
      e.Text(OriginalText(a, f.span));
    }
    for (size_t i = 0; i < d.reasons.size(); ++i) {
      const Reason& r = d.reasons[i];
      e.Begin('s', kReasonColumns);
      e.ReportRow();
      e.Int(static_cast<int64_t>(i));
      e.Text(r.rule);
      e.Text(r.text);
      e.Text(r.citation);
      std::string findings = "[";
      for (size_t k = 0; k < r.findings.size(); ++k) {
        if (k > 0) findings.push_back(',');
        findings.append(std::to_string(r.findings[k]));
      }
      findings.push_back(']');
      e.Text(findings);
    }
  }

  void FormatError(std::string_view id, std::string_view code,
                   std::string_view message,
                   std::string* record) const override {
    std::string json;
    AppendErrorJsonl(id, code, message, &json);
    json.pop_back();
    RowEncoder e(record);
    e.Begin('r', kReportColumns);
    e.Text(id);
    e.Text(ToString(Modality::kUnknown));
    e.Bool(false);  // cervical
    e.Null();       // contrast
    e.Bool(false);  // applicable
    e.Bool(false);  // equivocal
    e.Text(ToString(Recommendation::kNone));
    e.Bool(false);  // dwi
    e.Bool(false);  // surgical_referral
    e.Text(ToString(Concordance::kNotApplicable));
    e.Bool(false);  // pitfall
    e.Text(code);
    e.Text(message);
    e.Text(json);
    e.Text("[]");
  }

  Status Write(const std::string& record) override {
    size_t pos = 0;
    bool first = true;
    while (pos < record.size()) {
      const char table = record[pos++];
      if (pos >= record.size()) return Corrupt();
      const int count = static_cast<unsigned char>(record[pos++]);
      sqlite3_stmt* stmt;
      int column = 1;
      if (table == 'r' && first && count == kReportColumns) {
        stmt = stmts_[0];
        report_row_++;
        sqlite3_bind_int64(stmt, column++, report_row_);
      } else if (table == 'f' && !first && count == kFindingColumns) {
        stmt = stmts_[1];
      } else if (table == 's' && !first && count == kReasonColumns) {
        stmt = stmts_[2];
      } else {
        return Corrupt();
      }
      first = false;
      for (int i = 0; i < count; ++i, ++column) {
        if (pos >= record.size()) return Corrupt();
        const char tag = record[pos++];
        int rc = SQLITE_OK;
        if (tag == 'N') {
          rc = sqlite3_bind_null(stmt, column);
        } else if (tag == 'R') {
          rc = sqlite3_bind_int64(stmt, column, report_row_);
        } else if (tag == 'I') {
          int64_t v;
          if (record.size() - pos < sizeof(v)) return Corrupt();
          std::memcpy(&v, record.data() + pos, sizeof(v));
          pos += sizeof(v);
          rc = sqlite3_bind_int64(stmt, column, v);
        } else if (tag == 'T') {
          uint32_t n;
          if (record.size() - pos < sizeof(n)) return Corrupt();
          std::memcpy(&n, record.data() + pos, sizeof(n));
          pos += sizeof(n);
          if (record.size() - pos < n) return Corrupt();
          rc = sqlite3_bind_text(stmt, column, record.data() + pos,
                                 static_cast<int>(n), SQLITE_STATIC);
          pos += n;
        } else {
          return Corrupt();
        }
        if (rc != SQLITE_OK) return Error();
      }
      const int rc = sqlite3_step(stmt);
      sqlite3_reset(stmt);
      sqlite3_clear_bindings(stmt);
      if (rc != SQLITE_DONE) return Error();
    }
    if (first) return Corrupt();
    return Status::OK();
  }

  Status Finish() override {
    MYELEX_RETURN_IF_ERROR(Exec(kIndexes));
    MYELEX_RETURN_IF_ERROR(Exec("COMMIT"));
    finished_ = true;
    for (sqlite3_stmt* s : stmts_) sqlite3_finalize(s);
    stmts_.clear();
    const int rc = sqlite3_close(db_);
    db_ = nullptr;
    if (rc != SQLITE_OK) return Status::IOError(path_, sqlite3_errstr(rc));
    return Status::OK();
  }

 private:
  Status Error() const {
    return Status::IOError(
        path_, db_ != nullptr ? sqlite3_errmsg(db_) : "cannot open database");
  }
  Status Corrupt() const {
    return Status::Internal("sqlite sink", "malformed record");
  }
  Status Exec(const char* sql) {
    char* msg = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
      Status s = Status::IOError(path_, msg != nullptr ? msg : "sqlite error");
      sqlite3_free(msg);
      return s;
    }
    return Status::OK();
  }
  Status Prepare(const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK) {
      return Error();
    }
    stmts_.push_back(stmt);
    return Status::OK();
  }

  WriteOptions options_;
  std::string path_;
  sqlite3* db_ = nullptr;
  std::vector<sqlite3_stmt*> stmts_;  // reports, findings, reasons
  int64_t report_row_ = 0;
  bool finished_ = false;
};

}  // namespace

Status OpenSink(const SinkOptions& options, std::unique_ptr<Sink>* sink) {
  const std::string& f = options.format;
  if (f == "jsonl") {
    auto s = std::make_unique<JsonlSink>(options);
    MYELEX_RETURN_IF_ERROR(s->Open(options.path));
    *sink = std::move(s);
  } else if (f == "csv") {
    auto s = std::make_unique<CsvSink>();
    MYELEX_RETURN_IF_ERROR(s->Open(options.path));
    *sink = std::move(s);
  } else if (f == "html") {
    auto s = std::make_unique<HtmlSink>(options);
    MYELEX_RETURN_IF_ERROR(s->Open(options.path, options.title));
    *sink = std::move(s);
  } else if (f == "sqlite") {
    if (IsStdout(options.path)) {
      return Status::InvalidArgument("--output-format sqlite",
                                     "needs an output file (-o FILE)");
    }
    auto s = std::make_unique<SqliteSink>(options);
    MYELEX_RETURN_IF_ERROR(s->Open(options.path));
    *sink = std::move(s);
  } else {
    return Status::InvalidArgument(
        "--output-format",
        "unknown format '" + f + "' (want jsonl, csv, sqlite or html)");
  }
  return Status::OK();
}

}  // namespace cli
}  // namespace myelex
