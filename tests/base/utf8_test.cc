#include "base/utf8.h"

#include <string>

#include "gtest/gtest.h"

namespace myelex {
namespace {

TEST(Utf8, DecodesEachWellFormedLength) {
  struct Case {
    std::string s;
    size_t len;
    uint32_t cp;
  } cases[] = {
      {"a", 1, 'a'},
      {"\xC3\x9F", 2, 0xDF},              // ß
      {"\xE2\x80\x93", 3, 0x2013},        // en dash
      {"\xF0\x9F\x98\x80", 4, 0x1F600},   // emoji
      {"\xF4\x8F\xBF\xBF", 4, 0x10FFFF},  // the last code point
  };
  for (const Case& c : cases) {
    uint32_t cp = 0;
    size_t bad = 0;
    EXPECT_EQ(DecodeUtf8(c.s, 0, &cp, &bad), c.len) << c.s;
    EXPECT_EQ(cp, c.cp) << c.s;
  }
}

TEST(Utf8, IllFormedSequencesReportTheirMaximalSubpart) {
  struct Case {
    std::string s;
    size_t bad;
  } cases[] = {
      {"\x80", 1},              // lone continuation byte
      {"\xC0\xAF", 1},          // overlong lead byte
      {"\xE0\x80\x80", 1},      // overlong three-byte form
      {"\xED\xA0\x80", 1},      // surrogate
      {"\xF4\x90\x80\x80", 1},  // above U+10FFFF
      {"\xE2\x80", 2},          // truncated at the end
      {"\xE2\x80x", 2},         // truncated by an ASCII byte
      {"\xF0\x9F\x98", 3},      // truncated four-byte form
  };
  for (const Case& c : cases) {
    uint32_t cp = 0;
    size_t bad = 0;
    EXPECT_EQ(DecodeUtf8(c.s, 0, &cp, &bad), 0u);
    EXPECT_EQ(bad, c.bad);
  }
}

TEST(Utf8, FindInvalidNamesTheFirstBadOffsetPastAsciiRuns) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii text, long enough for words"),
            std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("C5\xE2\x80\x93"
                            "6 ok"),
            std::string_view::npos);
  const std::string s = "0123456789abcdef\xFFxyz";
  EXPECT_EQ(FindInvalidUtf8(s), 16u);
  EXPECT_FALSE(IsValidUtf8(s));
  EXPECT_TRUE(IsValidUtf8(""));
}

TEST(Utf8, AppendValidReplacesEachMaximalSubpartOnce) {
  std::string out;
  AppendValidUtf8(
      "a\xE2\x80"
      "b\xFF\xFE"
      "c\xC3\x9F",
      &out);
  EXPECT_EQ(out,
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD\xEF\xBF\xBD"
            "c\xC3\x9F");
  EXPECT_TRUE(IsValidUtf8(out));
}

}  // namespace
}  // namespace myelex
