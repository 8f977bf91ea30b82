// Tests of the `myelex scan` output sinks (tools/sinks.cc) over hand-built
// analyses: file output, headers and footers written once, and the SQLite
// schema and values.
#include "sinks.h"

#include <sqlite3.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "output/jsonl_writer.h"
#include "output/output_test_util.h"

namespace myelex {
namespace cli {
namespace {

using output_testing::StandardAnalysis;
using output_testing::TestLexicon;

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "myelex_sinks_test_" + name;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class SinksTest : public ::testing::Test {
 protected:
  void SetUp() override { lexicon_ = TestLexicon(); }

  // Opens `format` at `path`, writes the standard analysis and one error
  // record, and finishes.
  void WriteTwo(const std::string& format, const std::string& path) {
    SinkOptions options;
    options.format = format;
    options.path = path;
    options.lexicon = lexicon_.get();
    std::unique_ptr<Sink> sink;
    ASSERT_OK(OpenSink(options, &sink));
    std::string record;
    sink->Format(StandardAnalysis(*lexicon_), &record);
    ASSERT_OK(sink->Write(record));
    record.clear();
    sink->FormatError("bad\xFF", "unreadable", "read failed at byte 0",
                      &record);
    ASSERT_OK(sink->Write(record));
    ASSERT_OK(sink->Finish());
  }

  std::unique_ptr<CompiledLexicon> lexicon_;
};

TEST_F(SinksTest, JsonlSinkWritesOneLinePerRecordInOrder) {
  const std::string path = TempPath("out.jsonl");
  WriteTwo("jsonl", path);
  WriteOptions options;
  options.lexicon = lexicon_.get();
  std::string expected;
  AppendJsonl(StandardAnalysis(*lexicon_), options, &expected);
  AppendErrorJsonl("bad\xFF", "unreadable", "read failed at byte 0", &expected);
  EXPECT_EQ(ReadAll(path), expected);
  std::remove(path.c_str());
}

TEST_F(SinksTest, CsvSinkWritesTheHeaderOnce) {
  const std::string path = TempPath("out.csv");
  WriteTwo("csv", path);
  const std::string csv = ReadAll(path);
  EXPECT_EQ(csv.rfind("id,modality,", 0), 0u);
  EXPECT_EQ(csv.find("id,modality,", 1), std::string::npos);
  EXPECT_NE(csv.find("\r\nr1,mri,"), std::string::npos);
  EXPECT_NE(csv.find("\r\nbad\xEF\xBF\xBD,unknown,"), std::string::npos);

  // No records: still a header.
  SinkOptions options;
  options.format = "csv";
  options.path = path;
  std::unique_ptr<Sink> sink;
  ASSERT_OK(OpenSink(options, &sink));
  ASSERT_OK(sink->Finish());
  EXPECT_EQ(ReadAll(path).substr(0, 3), "id,");
  std::remove(path.c_str());
}

TEST_F(SinksTest, HtmlSinkCountsReportsInTheFooter) {
  const std::string path = TempPath("out.html");
  WriteTwo("html", path);
  const std::string html = ReadAll(path);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("2 reports: 1 equivocal, 0 with surgical referral, "
                      "1 errors."),
            std::string::npos);
  EXPECT_EQ(html.find('\x01'), std::string::npos);  // flag bytes stripped
  EXPECT_EQ(html.find('\x04'), std::string::npos);
  std::remove(path.c_str());
}

TEST_F(SinksTest, RejectsSqliteToStdoutAndUnknownFormats) {
  std::unique_ptr<Sink> sink;
  SinkOptions options;
  options.format = "sqlite";
  for (const char* path : {"", "-"}) {
    options.path = path;
    EXPECT_TRUE(OpenSink(options, &sink).IsInvalidArgument()) << path;
  }
  options.format = "xml";
  options.path = TempPath("x");
  EXPECT_TRUE(OpenSink(options, &sink).IsInvalidArgument());
}

TEST_F(SinksTest, UnwritablePathIsAnIOError) {
  std::unique_ptr<Sink> sink;
  SinkOptions options;
  options.path = "/nonexistent-dir/out.jsonl";
  EXPECT_TRUE(OpenSink(options, &sink).IsIOError());
}

// Runs `sql` and returns the rows, columns joined by '|', NULL as "NULL".
std::vector<std::string> Query(const std::string& db_path,
                               const std::string& sql) {
  sqlite3* db = nullptr;
  std::vector<std::string> rows;
  EXPECT_EQ(
      sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
      SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  while (stmt != nullptr && sqlite3_step(stmt) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      if (i > 0) row.push_back('|');
      const unsigned char* text = sqlite3_column_text(stmt, i);
      row.append(text == nullptr ? "NULL"
                                 : reinterpret_cast<const char*>(text));
    }
    rows.push_back(row);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

TEST_F(SinksTest, SqliteSinkStoresReportsFindingsAndReasons) {
  const std::string path = TempPath("out.db");
  {
    std::ofstream stale(path);
    stale << "not a database";
  }
  WriteTwo("sqlite", path);

  EXPECT_EQ(Query(path,
                  "SELECT row, id, modality, cervical, contrast, applicable, "
                  "equivocal, recommendation, dwi, surgical_referral, "
                  "concordance, pitfall, error_code, error_message, "
                  "report_recommends FROM reports ORDER BY row"),
            (std::vector<std::string>{
                "1|r1|mri|1|NULL|1|1|ct_myelography|0|0|silent|0|NULL|NULL|"
                "[\"clinical_correlation\",\"ct_myelography\"]",
                "2|bad\xEF\xBF\xBD|unknown|0|NULL|0|0|none|0|0|not_applicable|"
                "0|unreadable|read failed at byte 0|[]"}));

  WriteOptions options;
  options.lexicon = lexicon_.get();
  std::string json;
  AppendJsonl(StandardAnalysis(*lexicon_), options, &json);
  json.pop_back();
  EXPECT_EQ(Query(path, "SELECT record_json FROM reports WHERE row = 1"),
            (std::vector<std::string>{json}));

  EXPECT_EQ(Query(path,
                  "SELECT report_row, idx, concept, certainty, historical, "
                  "hypothetical, experiencer, levels, severity, laterality, "
                  "section, start, \"end\", text FROM findings "
                  "ORDER BY report_row, idx"),
            (std::vector<std::string>{
                "1|0|cord_compression|possible|0|0|patient|[\"C4-C5\"]|mild|"
                "NULL|findings|23|38|indent the cord",
                "1|1|cord_signal_abnormality|negated|0|0|patient|[]|NULL|"
                "left|impression|63|86|cord signal abnormality"}));

  EXPECT_EQ(Query(path,
                  "SELECT report_row, idx, rule, text, citation, findings "
                  "FROM reasons"),
            (std::vector<std::string>{
                "1|0|R5|Equivocal cord finding on MRI.|ACR 2021|[0]"}));
  std::remove(path.c_str());
}

TEST_F(SinksTest, SqliteSinkCommitsOnlyOnFinish) {
  const std::string path = TempPath("unfinished.db");
  {
    SinkOptions options;
    options.format = "sqlite";
    options.path = path;
    std::unique_ptr<Sink> sink;
    ASSERT_OK(OpenSink(options, &sink));
    std::string record;
    sink->Format(StandardAnalysis(*lexicon_), &record);
    ASSERT_OK(sink->Write(record));
  }  // destroyed without Finish()
  EXPECT_EQ(Query(path, "SELECT count(*) FROM reports"),
            (std::vector<std::string>{"0"}));
  std::remove(path.c_str());
}

TEST_F(SinksTest, SqliteSinkRejectsMalformedRecords) {
  const std::string path = TempPath("malformed.db");
  SinkOptions options;
  options.format = "sqlite";
  options.path = path;
  std::unique_ptr<Sink> sink;
  ASSERT_OK(OpenSink(options, &sink));
  std::string record;
  sink->Format(StandardAnalysis(*lexicon_), &record);
  EXPECT_FALSE(sink->Write(record.substr(0, record.size() - 3)).ok());
  EXPECT_FALSE(sink->Write("").ok());
  EXPECT_FALSE(sink->Write("f\x01N").ok());  // a finding before its report
  std::remove(path.c_str());
}

}  // namespace
}  // namespace cli
}  // namespace myelex
