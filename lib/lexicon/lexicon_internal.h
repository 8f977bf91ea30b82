// Helpers shared by the lexicon parser and the compiled lexicon (internal to
// lib/lexicon/ and lib/match/; not part of the public interface).
//
// A rule written as a plain literal (pattern column "-") gets the pattern
// PatternFromLiteral(NormalizeLiteral(literal)). The compiled lexicon matches
// such rules with a literal trie instead of RE2; both must agree on exactly
// these definitions, so they live in one place.
#pragma once

#include <string>
#include <string_view>

namespace myelex {
namespace lexicon_internal {

// True for the bytes RE2's ASCII-only \b counts as word characters:
// [0-9A-Za-z_].
inline bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || c == '_';
}

// The literal as the normalizer would write it inside a report (NFKC
// casefolded, spaces folded), without leading or trailing spaces. May be
// empty (e.g. a literal made only of zero-width characters).
std::string NormalizeLiteral(std::string_view literal);

// RE2 pattern matching exactly `normalized_literal`: RE2::QuoteMeta, wrapped
// in \b on each side that begins/ends with a word byte.
// REQUIRES: !normalized_literal.empty().
std::string PatternFromLiteral(std::string_view normalized_literal);

}  // namespace lexicon_internal
}  // namespace myelex
