#include "output/csv_writer.h"

#include <string>
#include <string_view>

#include "output/output_internal.h"

namespace myelex {

namespace {

const char* Bool(bool b) { return b ? "true" : "false"; }

// Accumulates one record: fields separated by ',' and terminated by CRLF.
class Row {
 public:
  explicit Row(std::string* out) : out_(out) {}
  void Field(std::string_view s) {
    Sep();
    AppendCsvField(s, out_);
  }
  // A field known to need no quoting (enum names, numbers, booleans).
  void Plain(std::string_view s) {
    Sep();
    out_->append(s);
  }
  void End() { out_->append("\r\n"); }

 private:
  void Sep() {
    if (!first_) out_->push_back(',');
    first_ = false;
  }
  std::string* out_;
  bool first_ = true;
};

}  // namespace

void AppendCsvField(std::string_view field, std::string* out) {
  std::string scratch;
  const std::string_view s = output_internal::ValidUtf8(field, &scratch);
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(s);
    return;
  }
  out->push_back('"');
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendCsvHeader(std::string* out) {
  out->append(
      "id,modality,cervical,contrast,applicable,equivocal,recommendation,dwi,"
      "surgical_referral,concordance,pitfall,report_recommends,reasons,"
      "n_findings,error_code,error_message\r\n");
}

void AppendCsvRow(const Analysis& a, std::string* out) {
  const Decision& d = a.decision;
  Row row(out);
  row.Field(a.id);
  row.Plain(ToString(a.exam.modality));
  row.Plain(Bool(a.exam.cervical));
  row.Plain(a.exam.contrast.has_value() ? Bool(*a.exam.contrast) : "");
  row.Plain(Bool(a.exam.applicable));
  row.Plain(Bool(d.equivocal));
  row.Plain(ToString(d.recommendation));
  row.Plain(Bool(d.dwi));
  row.Plain(Bool(d.surgical_referral));
  row.Plain(ToString(d.concordance));
  row.Plain(Bool(d.pitfall));

  std::string joined;
  const auto& recs = a.report_recommends;
  for (size_t i = 0; i < recs.size(); ++i) {
    bool seen = false;
    for (size_t k = 0; k < i && !seen; ++k) {
      seen = recs[k].value == recs[i].value;
    }
    if (seen) continue;
    if (!joined.empty()) joined.push_back(';');
    joined.append(recs[i].value);
  }
  row.Field(joined);

  joined.clear();
  for (size_t i = 0; i < d.reasons.size(); ++i) {
    if (i > 0) joined.push_back(';');
    joined.append(d.reasons[i].rule);
  }
  row.Field(joined);
  row.Plain(std::to_string(a.findings.size()));
  row.Plain("");  // error_code
  row.Plain("");  // error_message
  row.End();
}

void AppendCsvErrorRow(std::string_view id, std::string_view code,
                       std::string_view message, std::string* out) {
  Row row(out);
  row.Field(id);
  row.Plain(ToString(Modality::kUnknown));
  row.Plain("false");  // cervical
  row.Plain("");       // contrast
  row.Plain("false");  // applicable
  row.Plain("false");  // equivocal
  row.Plain(ToString(Recommendation::kNone));
  row.Plain("false");  // dwi
  row.Plain("false");  // surgical_referral
  row.Plain(ToString(Concordance::kNotApplicable));
  row.Plain("false");  // pitfall
  row.Plain("");       // report_recommends
  row.Plain("");       // reasons
  row.Plain("0");      // n_findings
  row.Field(code);
  row.Field(message);
  row.End();
}

}  // namespace myelex
