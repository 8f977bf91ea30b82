// Small formatting helpers shared by the writers and by tools/ sinks that
// format Analysis values themselves (e.g. the SQLite sink).
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "text/document.h"

namespace myelex {

// The contract's finding `section` enum: history, technique, comparison,
// findings, impression, recommendation, other (exam, none, addendum and
// other all map to "other").
const char* ContractSectionName(SectionKind kind);

// True if `s` is well-formed UTF-8 (no overlongs, surrogates or values above
// U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Appends `s` to *out, replacing each maximal ill-formed subsequence with
// U+FFFD (the Unicode "best practice" substitution).
void AppendValidUtf8(std::string_view s, std::string* out);

}  // namespace myelex
