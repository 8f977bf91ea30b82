#include "output/jsonl_writer.h"

#include <simdjson.h>

#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "output/output_test_util.h"

namespace myelex {
namespace {

using output_testing::AnalysisBuilder;
using output_testing::Find;
using output_testing::kReport;
using output_testing::StandardAnalysis;
using output_testing::TestLexicon;
using simdjson::dom::element;
using simdjson::dom::element_type;

// Parses one JSONL record (checking it is exactly one line) and keeps the
// parser alive for the returned element.
class Parsed {
 public:
  explicit Parsed(const std::string& line) {
    EXPECT_FALSE(line.empty());
    EXPECT_EQ(line.back(), '\n');
    EXPECT_EQ(line.find('\n'), line.size() - 1) << "record spans lines";
    auto error = parser_.parse(line).get(root_);
    EXPECT_EQ(error, simdjson::SUCCESS)
        << simdjson::error_message(error) << "\n"
        << line;
  }
  element root() const { return root_; }

 private:
  simdjson::dom::parser parser_;
  element root_;
};

std::vector<std::string> Keys(element obj) {
  std::vector<std::string> keys;
  for (auto field : obj.get_object()) keys.emplace_back(field.key);
  return keys;
}

std::string Str(element e) { return std::string(std::string_view(e)); }

class JsonlWriterTest : public ::testing::Test {
 protected:
  void SetUp() override { lexicon_ = TestLexicon(); }
  std::string Write(const Analysis& a, bool emit_cues = false,
                    bool with_lexicon = true) {
    WriteOptions options;
    options.emit_cues = emit_cues;
    options.lexicon = with_lexicon ? lexicon_.get() : nullptr;
    std::string out;
    AppendJsonl(a, options, &out);
    return out;
  }
  std::unique_ptr<CompiledLexicon> lexicon_;
};

TEST_F(JsonlWriterTest, WritesEveryContractFieldInContractOrder) {
  Parsed p(Write(StandardAnalysis(*lexicon_)));
  EXPECT_EQ(Keys(p.root()),
            (std::vector<std::string>{
                "id", "exam", "applicable", "equivocal", "recommendation",
                "dwi", "surgical_referral", "reasons", "report_recommends",
                "concordance", "pitfall", "findings", "error"}));
  EXPECT_EQ(Keys(p.root()["exam"]),
            (std::vector<std::string>{"modality", "cervical", "contrast"}));
  EXPECT_EQ(Keys(p.root()["reasons"].at(0)),
            (std::vector<std::string>{"rule", "text", "citation", "findings"}));
  EXPECT_EQ(Keys(p.root()["findings"].at(0)),
            (std::vector<std::string>{"concept", "certainty", "historical",
                                      "hypothetical", "experiencer", "levels",
                                      "severity", "laterality", "section",
                                      "start", "end", "text", "cues", "rule"}));
  EXPECT_EQ(Keys(p.root()["findings"].at(0)["cues"].at(0)),
            (std::vector<std::string>{"id", "category", "certainty", "start",
                                      "end"}));
}

TEST_F(JsonlWriterTest, WritesDecisionValuesWithContractTypes) {
  Parsed p(Write(StandardAnalysis(*lexicon_)));
  element r = p.root();
  EXPECT_EQ(Str(r["id"]), "r1");
  EXPECT_EQ(Str(r["exam"]["modality"]), "mri");
  EXPECT_TRUE(bool(r["exam"]["cervical"]));
  EXPECT_TRUE(r["exam"]["contrast"].is_null());
  EXPECT_TRUE(bool(r["applicable"]));
  EXPECT_TRUE(bool(r["equivocal"]));
  EXPECT_EQ(Str(r["recommendation"]), "ct_myelography");
  EXPECT_FALSE(bool(r["dwi"]));
  EXPECT_FALSE(bool(r["surgical_referral"]));
  EXPECT_EQ(Str(r["concordance"]), "silent");
  EXPECT_FALSE(bool(r["pitfall"]));
  EXPECT_TRUE(r["error"].is_null());

  element reason = r["reasons"].at(0);
  EXPECT_EQ(Str(reason["rule"]), "R5");
  EXPECT_EQ(Str(reason["text"]), "Equivocal cord finding on MRI.");
  EXPECT_EQ(Str(reason["citation"]), "ACR 2021");
  EXPECT_EQ(reason["findings"].get_array().size(), 1u);
  EXPECT_EQ(int64_t(reason["findings"].at(0)), 0);
}

TEST_F(JsonlWriterTest, ContrastIsBooleanWhenStated) {
  Analysis a = StandardAnalysis(*lexicon_);
  a.exam.contrast = false;
  Parsed p(Write(a));
  element contrast = p.root()["exam"]["contrast"];
  EXPECT_EQ(contrast.type(), element_type::BOOL);
  EXPECT_FALSE(bool(p.root()["exam"]["contrast"]));
}

TEST_F(JsonlWriterTest, ReportRecommendsAreDistinctInFirstSeenOrder) {
  Parsed p(Write(StandardAnalysis(*lexicon_)));
  std::vector<std::string> values;
  for (element e : p.root()["report_recommends"].get_array()) {
    values.push_back(Str(e));
  }
  EXPECT_EQ(values, (std::vector<std::string>{"clinical_correlation",
                                              "ct_myelography"}));
}

TEST_F(JsonlWriterTest, FindingFieldsAndSpansRoundTrip) {
  const Analysis a = StandardAnalysis(*lexicon_);
  Parsed p(Write(a));
  element f0 = p.root()["findings"].at(0);
  const Span span = Find(kReport, "indent the cord");
  EXPECT_EQ(Str(f0["concept"]), "cord_compression");
  EXPECT_EQ(Str(f0["certainty"]), "possible");
  EXPECT_FALSE(bool(f0["historical"]));
  EXPECT_FALSE(bool(f0["hypothetical"]));
  EXPECT_EQ(Str(f0["experiencer"]), "patient");
  EXPECT_EQ(f0["levels"].get_array().size(), 1u);
  EXPECT_EQ(Str(f0["levels"].at(0)), "C4-C5");
  EXPECT_EQ(Str(f0["severity"]), "mild");
  EXPECT_TRUE(f0["laterality"].is_null());
  EXPECT_EQ(Str(f0["section"]), "findings");
  EXPECT_EQ(uint64_t(f0["start"]), span.begin);
  EXPECT_EQ(uint64_t(f0["end"]), span.end);
  EXPECT_EQ(Str(f0["text"]), "indent the cord");
  EXPECT_EQ(Str(f0["rule"]), "cord.indent");
  EXPECT_EQ(f0["measurement_mm"].error(), simdjson::NO_SUCH_FIELD);

  element cue = f0["cues"].at(0);
  const Span may = Find(kReport, "may");
  EXPECT_EQ(Str(cue["id"]), "hedge.may");
  EXPECT_EQ(Str(cue["category"]), "hedge");
  EXPECT_EQ(Str(cue["certainty"]), "possible");
  EXPECT_EQ(uint64_t(cue["start"]), may.begin);
  EXPECT_EQ(uint64_t(cue["end"]), may.end);

  element f1 = p.root()["findings"].at(1);
  EXPECT_EQ(Str(f1["certainty"]), "negated");
  EXPECT_EQ(Str(f1["section"]), "impression");
  EXPECT_TRUE(f1["severity"].is_null());
  EXPECT_EQ(Str(f1["laterality"]), "left");
  EXPECT_EQ(f1["levels"].get_array().size(), 0u);
  EXPECT_DOUBLE_EQ(double(f1["measurement_mm"]), 7.5);
  EXPECT_EQ(Str(f1["cues"].at(0)["id"]), "neg.no");
  EXPECT_EQ(Str(f1["cues"].at(0)["certainty"]), "negated");
}

TEST_F(JsonlWriterTest, FlagsAndExperiencerAreWritten) {
  Analysis a = StandardAnalysis(*lexicon_);
  a.findings[0].historical = true;
  a.findings[0].hypothetical = true;
  a.findings[0].experiencer = Experiencer::kOther;
  Parsed p(Write(a));
  element f0 = p.root()["findings"].at(0);
  EXPECT_TRUE(bool(f0["historical"]));
  EXPECT_TRUE(bool(f0["hypothetical"]));
  EXPECT_EQ(Str(f0["experiencer"]), "other");
}

TEST_F(JsonlWriterTest, MapsSectionKindsToContractEnum) {
  const struct {
    SectionKind kind;
    const char* name;
  } kCases[] = {
      {SectionKind::kNone, "other"},
      {SectionKind::kExam, "other"},
      {SectionKind::kHistory, "history"},
      {SectionKind::kTechnique, "technique"},
      {SectionKind::kComparison, "comparison"},
      {SectionKind::kFindings, "findings"},
      {SectionKind::kImpression, "impression"},
      {SectionKind::kRecommendation, "recommendation"},
      {SectionKind::kAddendum, "other"},
      {SectionKind::kOther, "other"},
  };
  for (const auto& c : kCases) {
    Analysis a = StandardAnalysis(*lexicon_);
    a.findings[0].section = c.kind;
    Parsed p(Write(a));
    EXPECT_EQ(Str(p.root()["findings"].at(0)["section"]), c.name)
        << ToString(c.kind);
  }
}

TEST_F(JsonlWriterTest, CueWithoutCertaintyWritesNull) {
  AnalysisBuilder b(*lexicon_, "h", "Prior laminectomy at C5.");
  const std::string& t = b.text();
  int cue = b.AddCue("hist.prior", Find(t, "Prior"), Find(t, "laminectomy"));
  b.AddFinding("cord.indent", Find(t, "laminectomy"), Certainty::kDefinite,
               SectionKind::kNone, {cue});
  Parsed p(Write(b.analysis(), /*emit_cues=*/true));
  element c = p.root()["findings"].at(0)["cues"].at(0);
  EXPECT_EQ(Str(c["id"]), "hist.prior");
  EXPECT_EQ(Str(c["category"]), "historical");
  EXPECT_TRUE(c["certainty"].is_null());
  EXPECT_TRUE(p.root()["cues"].at(0)["certainty"].is_null());
}

TEST_F(JsonlWriterTest, ReportCuesOnlyWithEmitCues) {
  const Analysis a = StandardAnalysis(*lexicon_);
  Parsed without(Write(a));
  EXPECT_EQ(without.root()["cues"].error(), simdjson::NO_SUCH_FIELD);

  Parsed with(Write(a, /*emit_cues=*/true));
  EXPECT_EQ(Keys(with.root()).back(), "error");
  auto cues = with.root()["cues"].get_array();
  ASSERT_EQ(cues.size(), 2u);
  element c1 = with.root()["cues"].at(1);
  EXPECT_EQ(Keys(c1), (std::vector<std::string>{"id", "category", "certainty",
                                                "start", "end", "text"}));
  EXPECT_EQ(Str(c1["id"]), "neg.no");
  EXPECT_EQ(Str(c1["category"]), "negation");
  EXPECT_EQ(Str(c1["text"]), "No");
  EXPECT_EQ(uint64_t(c1["start"]), Find(kReport, "No").begin);
}

TEST_F(JsonlWriterTest, WithoutLexiconCueNamesAreNull) {
  Parsed p(Write(StandardAnalysis(*lexicon_), /*emit_cues=*/false,
                 /*with_lexicon=*/false));
  element f0 = p.root()["findings"].at(0);
  EXPECT_TRUE(f0["cues"].at(0)["id"].is_null());
  EXPECT_EQ(uint64_t(f0["cues"].at(0)["start"]), Find(kReport, "may").begin);
  EXPECT_EQ(f0["rule"].error(), simdjson::NO_SUCH_FIELD);
}

TEST_F(JsonlWriterTest, WarningsAppearOnlyWhenPresent) {
  Analysis a = StandardAnalysis(*lexicon_);
  Parsed p(Write(a));
  EXPECT_EQ(p.root()["warnings"].error(), simdjson::NO_SUCH_FIELD);
  a.warnings.push_back({"invalid_utf8", "invalid UTF-8 at byte offset 3"});
  Parsed q(Write(a));
  EXPECT_EQ(Keys(q.root()).back(), "warnings");
  EXPECT_EQ(Str(q.root()["warnings"].at(0)["code"]), "invalid_utf8");
  EXPECT_EQ(Str(q.root()["warnings"].at(0)["message"]),
            "invalid UTF-8 at byte offset 3");
}

TEST_F(JsonlWriterTest, ErrorRecordHasEveryFieldAtItsEmptyValue) {
  std::string out;
  AppendErrorJsonl("bad \"id\"", "invalid_json", "record 7: byte offset 12",
                   &out);
  Parsed p(out);
  element r = p.root();
  EXPECT_EQ(Keys(r),
            (std::vector<std::string>{
                "id", "exam", "applicable", "equivocal", "recommendation",
                "dwi", "surgical_referral", "reasons", "report_recommends",
                "concordance", "pitfall", "findings", "error"}));
  EXPECT_EQ(Str(r["id"]), "bad \"id\"");
  EXPECT_EQ(Str(r["exam"]["modality"]), "unknown");
  EXPECT_FALSE(bool(r["exam"]["cervical"]));
  EXPECT_TRUE(r["exam"]["contrast"].is_null());
  EXPECT_FALSE(bool(r["applicable"]));
  EXPECT_FALSE(bool(r["equivocal"]));
  EXPECT_EQ(Str(r["recommendation"]), "none");
  EXPECT_FALSE(bool(r["dwi"]));
  EXPECT_FALSE(bool(r["surgical_referral"]));
  EXPECT_EQ(r["reasons"].get_array().size(), 0u);
  EXPECT_EQ(r["report_recommends"].get_array().size(), 0u);
  EXPECT_EQ(Str(r["concordance"]), "not_applicable");
  EXPECT_FALSE(bool(r["pitfall"]));
  EXPECT_EQ(r["findings"].get_array().size(), 0u);
  EXPECT_EQ(Keys(r["error"]), (std::vector<std::string>{"code", "message"}));
  EXPECT_EQ(Str(r["error"]["code"]), "invalid_json");
  EXPECT_EQ(Str(r["error"]["message"]), "record 7: byte offset 12");
}

TEST_F(JsonlWriterTest, EscapesQuotesControlCharactersAndKeepsNonAscii) {
  const struct {
    std::string in;
    std::string parsed;  // what a JSON parser must read back
    std::string raw;     // a substring the encoded line must contain
  } kCases[] = {
      {"a\"b\\c", "a\"b\\c", "a\\\"b\\\\c"},
      {"tab\there", "tab\there", "tab\\there"},
      {"line\nbreak\r", "line\nbreak\r", "line\\nbreak\\r"},
      {std::string("nul\0x", 5), std::string("nul\0x", 5), "nul\\u0000x"},
      {"esc\x1b[1m", "esc\x1b[1m", "esc\\u001B[1m"},
      {"C5\xE2\x80\x93"
       "6 \xC2\xA0 \xC3\xA9",
       "C5\xE2\x80\x93"
       "6 \xC2\xA0 \xC3\xA9",
       "C5\xE2\x80\x93"
       "6 \xC2\xA0 \xC3\xA9"},
      {"bad\xFFz", "bad\xEF\xBF\xBDz", "bad\xEF\xBF\xBDz"},
      {"cut\xE2\x80", "cut\xEF\xBF\xBD", "cut\xEF\xBF\xBD"},
      {"over\xC0\xAF", "over\xEF\xBF\xBD\xEF\xBF\xBD",
       "over\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"surr\xED\xA0\x80", "surr\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
       "surr\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
  };
  for (const auto& c : kCases) {
    std::string out;
    AppendErrorJsonl(c.in, "code", "message", &out);
    EXPECT_NE(out.find(c.raw), std::string::npos) << out;
    Parsed p(out);
    EXPECT_EQ(Str(p.root()["id"]), c.parsed);
  }
}

TEST_F(JsonlWriterTest, FindingTextWithInvalidBytesIsRepaired) {
  std::string text =
      "Mild \xFF"
      "indent the cord\xC3 here.";
  AnalysisBuilder b(*lexicon_, "bad", text);
  const Span span(5, static_cast<uint32_t>(text.find(" here")));
  b.AddFinding("cord.indent", span, Certainty::kDefinite,
               SectionKind::kFindings);
  Parsed p(Write(b.analysis()));
  element f = p.root()["findings"].at(0);
  EXPECT_EQ(Str(f["text"]), "\xEF\xBF\xBDindent the cord\xEF\xBF\xBD");
  EXPECT_EQ(uint64_t(f["start"]), 5u);
  EXPECT_EQ(uint64_t(f["end"]), span.end);
}

TEST_F(JsonlWriterTest, NonAsciiSpansAreOriginalBytes) {
  // An en dash and a no-break space before the finding shift byte offsets.
  std::string text =
      "C4\xE2\x80\x93"
      "5:\xC2\xA0may indent the cord.";
  AnalysisBuilder b(*lexicon_, "utf8", text);
  const Span span = Find(text, "indent the cord");
  b.AddFinding("cord.indent", span, Certainty::kPossible,
               SectionKind::kFindings);
  Parsed p(Write(b.analysis()));
  element f = p.root()["findings"].at(0);
  EXPECT_EQ(uint64_t(f["start"]), 13u);
  EXPECT_EQ(Str(f["text"]), "indent the cord");
}

TEST_F(JsonlWriterTest, IsDeterministicAndAppends) {
  const Analysis a = StandardAnalysis(*lexicon_);
  std::string first = Write(a, true);
  std::string second = Write(a, true);
  EXPECT_EQ(first, second);
  std::string out = "previous\n";
  WriteOptions options;
  options.lexicon = lexicon_.get();
  options.emit_cues = true;
  AppendJsonl(a, options, &out);
  EXPECT_EQ(out, "previous\n" + first);
}

TEST_F(JsonlWriterTest, NonFiniteMeasurementIsNull) {
  Analysis a = StandardAnalysis(*lexicon_);
  a.findings[1].measurement_mm = std::numeric_limits<double>::quiet_NaN();
  Parsed p(Write(a));
  EXPECT_TRUE(p.root()["findings"].at(1)["measurement_mm"].is_null());
}

TEST_F(JsonlWriterTest, OutOfRangeCueIndicesAreSkipped) {
  Analysis a = StandardAnalysis(*lexicon_);
  a.findings[0].cues = {99, -1, 0};
  Parsed p(Write(a));
  auto cues = p.root()["findings"].at(0)["cues"].get_array();
  ASSERT_EQ(cues.size(), 1u);
  EXPECT_EQ(Str(p.root()["findings"].at(0)["cues"].at(0)["id"]), "hedge.may");
}

}  // namespace
}  // namespace myelex
