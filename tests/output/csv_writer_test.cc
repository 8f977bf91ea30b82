#include "output/csv_writer.h"

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "output/output_test_util.h"

namespace myelex {
namespace {

using output_testing::StandardAnalysis;
using output_testing::TestLexicon;

TEST(CsvWriter, HeaderNamesSixteenColumns) {
  std::string out;
  AppendCsvHeader(&out);
  EXPECT_EQ(out,
            "id,modality,cervical,contrast,applicable,equivocal,"
            "recommendation,dwi,surgical_referral,concordance,pitfall,"
            "report_recommends,reasons,n_findings,error_code,error_message"
            "\r\n");
}

TEST(CsvWriter, RowCarriesTheDecision) {
  auto lexicon = TestLexicon();
  Analysis a = StandardAnalysis(*lexicon);
  a.decision.reasons.push_back({"R6", "text", "cite", {}});
  std::string out;
  AppendCsvRow(a, &out);
  EXPECT_EQ(out,
            "r1,mri,true,,true,true,ct_myelography,false,false,silent,false,"
            "clinical_correlation;ct_myelography,R5;R6,2,,\r\n");
}

TEST(CsvWriter, ContrastIsWrittenWhenStated) {
  auto lexicon = TestLexicon();
  Analysis a = StandardAnalysis(*lexicon);
  a.exam.contrast = true;
  std::string out;
  AppendCsvRow(a, &out);
  EXPECT_EQ(out.substr(0, 19), "r1,mri,true,true,tr");
}

TEST(CsvWriter, QuotesFieldsAsRfc4180) {
  const struct {
    const char* in;
    const char* out;
  } kCases[] = {
      {"plain", "plain"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\rhere", "\"cr\rhere\""},
      {"", ""},
      {" spaced ", " spaced "},
      {"C5\xE2\x80\x93"
       "6",
       "C5\xE2\x80\x93"
       "6"},
      {"bad\xFF", "bad\xEF\xBF\xBD"},
  };
  for (const auto& c : kCases) {
    std::string out;
    AppendCsvField(c.in, &out);
    EXPECT_EQ(out, c.out) << c.in;
  }
}

TEST(CsvWriter, ErrorRowHasEmptyDecisionAndTheError) {
  std::string out;
  AppendCsvErrorRow("dir/a,b.txt", "unreadable", "read failed, errno 5", &out);
  EXPECT_EQ(out,
            "\"dir/a,b.txt\",unknown,false,,false,false,none,false,false,"
            "not_applicable,false,,,0,unreadable,\"read failed, errno 5\""
            "\r\n");
}

TEST(CsvWriter, IdWithQuoteAndNewlineStaysOneRecord) {
  auto lexicon = TestLexicon();
  Analysis a = StandardAnalysis(*lexicon);
  a.id = "x\"y\nz";
  std::string out;
  AppendCsvRow(a, &out);
  EXPECT_EQ(out.rfind("\"x\"\"y\nz\",mri,", 0), 0u) << out;
  EXPECT_EQ(out.find("\r\n"), out.size() - 2);
}

}  // namespace
}  // namespace myelex
