// CSV writer: one row per report, for spreadsheets and quick filtering.
//
// Columns (header row written once by the caller with AppendCsvHeader):
//   id, modality, cervical, contrast, applicable, equivocal, recommendation,
//   dwi, surgical_referral, concordance, pitfall, report_recommends,
//   reasons, n_findings, error_code, error_message
// Booleans are "true"/"false"; an unknown contrast is the empty field;
// report_recommends (distinct, first-seen order) and reasons (rule ids, in
// order) are joined by ';'. Quoting follows RFC 4180: a field containing a
// comma, a double quote, CR or LF is enclosed in double quotes with inner
// quotes doubled; every record ends with CRLF. Invalid UTF-8 is replaced by
// U+FFFD. The report text is never written.
//
// Writers format, they never decide. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "analysis.h"

namespace myelex {

// Appends the header row.
void AppendCsvHeader(std::string* out);

// Appends the row for `a`.
void AppendCsvRow(const Analysis& a, std::string* out);

// Appends the row for an input that could not be analyzed: every decision
// field at its empty value, error_code and error_message set. `message` must
// not quote report text.
void AppendCsvErrorRow(std::string_view id, std::string_view code,
                       std::string_view message, std::string* out);

// Appends `field` quoted as RFC 4180 requires (unchanged if no quoting is
// needed). Exposed for tests and other tabular sinks.
void AppendCsvField(std::string_view field, std::string* out);

}  // namespace myelex
