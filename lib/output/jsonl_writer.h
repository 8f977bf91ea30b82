// JSONL writer: one Analysis -> one line of the contract's output record.
//
// Writers format, they never match or decide. Pure functions appending to a
// string so each worker thread formats its own records and the tool writes
// them in input order.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis.h"

namespace myelex {

struct WriteOptions {
  bool emit_cues = false;  // add the report-level "cues" array
  // The lexicon the Analysis was produced with (Analyzer::lexicon()); must
  // outlive the call. It names the cues (id, category, certainty) and each
  // finding's target rule. When null, cue ids/categories/certainties are
  // written as null and the finding's "rule" extra is omitted.
  const CompiledLexicon* lexicon = nullptr;
};

// Appends the record for `a` and a trailing '\n' to *out: the contract
// section 2 fields in the contract's order, then extras ("warnings" when
// Analysis::warnings is non-empty; per finding "rule" (the target rule id)
// and "measurement_mm" when set). Strings that are not valid UTF-8 are written
// with each maximal invalid sequence replaced by U+FFFD. Deterministic:
// equal inputs give identical bytes. Thread-safe (pure function).
void AppendJsonl(const Analysis& a, const WriteOptions& options,
                 std::string* out);

// Appends a record for an input that could not be analyzed: every field at
// its empty value and "error": {"code", "message"}. `message` must not quote
// report text.
void AppendErrorJsonl(std::string_view id, std::string_view code,
                      std::string_view message, std::string* out);

// Appends the `myelex assert` record (contract section 4) and a trailing
// '\n' to *out: {"id", "targets": [{"start", "end", "certainty",
// "historical", "hypothetical", "experiencer", "cues": [{"id", "category",
// "certainty", "start", "end", "text"}]}], "error": null}. `id` null writes
// JSON null. `targets` are the caller's original spans, parallel to
// result.assertions; `mentions` are the ones ApplyContext saw.
void AppendAssertJsonl(const std::string* id, const Document& doc,
                       const std::vector<Mention>& mentions,
                       const ContextResult& result,
                       const std::vector<Span>& targets,
                       const CompiledLexicon& lexicon, std::string* out);

}  // namespace myelex
