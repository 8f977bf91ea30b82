// JSONL writer: one Analysis -> one line of the contract's output record.
//
// Writers format, they never match or decide. Pure functions appending to a
// string so each worker thread formats its own records and the tool writes
// them in input order.
#pragma once

#include <string>
#include <string_view>

#include "analysis.h"

namespace myelex {

struct WriteOptions {
  bool emit_cues = false;  // add the report-level "cues" array
};

// Appends the record for `a` and a trailing '\n' to *out.
void AppendJsonl(const Analysis& a, const WriteOptions& options,
                 std::string* out);

// Appends a record for an input that could not be analyzed: every field at
// its empty value and "error": {"code", "message"}. `message` must not quote
// report text.
void AppendErrorJsonl(std::string_view id, std::string_view code,
                      std::string_view message, std::string* out);

}  // namespace myelex
