// Small formatting helpers shared by the writers and by tools/ sinks that
// format Analysis values themselves (e.g. the SQLite sink).
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/utf8.h"  // IsValidUtf8, AppendValidUtf8 for writers
#include "text/document.h"

namespace myelex {

// The contract's finding `section` enum: history, technique, comparison,
// findings, impression, recommendation, other (exam, none, addendum and
// other all map to "other").
const char* ContractSectionName(SectionKind kind);

}  // namespace myelex
