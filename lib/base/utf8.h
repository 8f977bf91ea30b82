// UTF-8 validation and repair, shared by the normalizer, the writers and the
// input readers.
//
// Well-formed means Unicode's definition: no overlong forms, no surrogates,
// nothing above U+10FFFF. Ill-formed input is replaced one "maximal subpart"
// at a time (Unicode 15, section 3.9, "U+FFFD substitution of maximal
// subparts"), so each replacement has one well-defined original offset.
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace myelex {

// Decodes the sequence starting at s[i] (REQUIRES: i < s.size()). Returns its
// length (1..4) and sets *cp; or, if it is ill-formed, returns 0 and sets
// *bad to the length of the maximal subpart (>= 1) that one U+FFFD replaces.
size_t DecodeUtf8(std::string_view s, size_t i, uint32_t* cp, size_t* bad);

// True if `s` is well-formed UTF-8 (ASCII runs are skipped eight bytes at a
// time).
bool IsValidUtf8(std::string_view s);

// The offset of the first ill-formed byte of `s`, or std::string_view::npos.
size_t FindInvalidUtf8(std::string_view s);

// Appends `s` to *out with each maximal ill-formed subpart replaced by
// U+FFFD.
void AppendValidUtf8(std::string_view s, std::string* out);

}  // namespace myelex
