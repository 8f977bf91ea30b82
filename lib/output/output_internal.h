// Helpers shared by the writers in lib/output/ (not for tools/).
//
// Implemented in jsonl_writer.cc. All functions are pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "analysis.h"
#include "base/span.h"
#include "lexicon/compiled_lexicon.h"
#include "lexicon/rule.h"
#include "output/format_util.h"
#include "text/document.h"

namespace myelex {
namespace output_internal {

using ::myelex::AppendValidUtf8;
using ::myelex::ContractSectionName;
using ::myelex::IsValidUtf8;

// `s` itself if valid UTF-8, else a repaired copy stored in *scratch.
std::string_view ValidUtf8(std::string_view s, std::string* scratch);

// original[span], clamped to the document (never out of range).
std::string_view SpanText(const Analysis& a, Span span);

// A modifier cue resolved through its mention to its lexicon rule.
struct CueInfo {
  const Rule* rule = nullptr;  // null when no lexicon was given
  Span span;                   // original bytes of the cue phrase
  Span scope;                  // original bytes of the scope (may be empty)
  bool blocked = false;
};

// Resolves ContextResult::cues[cue]; the scope only `with_scope` (it costs
// an offset-map lookup). Returns false if the index or its mention is out
// of range (a malformed Analysis); writers then skip it.
bool ResolveCue(const Analysis& a, const CompiledLexicon* lexicon, int cue,
                CueInfo* info, bool with_scope = false);

// The target rule of a finding, or null (no lexicon, or index out of range).
const Rule* FindingRule(const CompiledLexicon* lexicon, int rule);

}  // namespace output_internal
}  // namespace myelex
