#include "text/normalizer.h"

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace myelex {
namespace {

// True if `s` is well-formed UTF-8 (Unicode table 3-7).
bool IsValidUtf8(const std::string& s) {
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0, n = s.size();
  while (i < n) {
    const unsigned char c = u[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + len > n) return false;
    if (u[i + 1] < lo || u[i + 1] > hi) return false;
    for (int k = 2; k < len; ++k) {
      if (u[i + k] < 0x80 || u[i + k] > 0xBF) return false;
    }
    i += len;
  }
  return true;
}

// One row: the input, the normalized text, and the full offset map written
// out byte by byte (begin has one extra entry: the original size).
struct MapCase {
  const char* name;
  std::string input;
  std::string want_text;
  std::vector<uint32_t> want_begin;
  std::vector<uint32_t> want_end;
};

TEST(Normalizer, ProducesTheExpectedOffsetMap) {
  const MapCase kCases[] = {
      {"empty", "", "", {0}, {}},
      // ASCII fast path: each byte maps to itself.
      {"ascii lower-cased", "AbC", "abc", {0, 1, 2, 3}, {1, 2, 3}},
      // CRLF is one newline whose source is both bytes; a lone CR too.
      {"crlf and cr",
       "a\r\nb\rc",
       "a\nb\nc",
       {0, 1, 3, 4, 5, 6},
       {1, 3, 4, 5, 6}},
      // A run of spaces and tabs is one space covering the run.
      {"space run", "a \t  b", "a b", {0, 1, 5, 6}, {1, 5, 6}},
      // No-break space (2 bytes) becomes ' '.
      {"nbsp",
       "a\xC2\xA0"
       "b",
       "a b",
       {0, 1, 3, 4},
       {1, 3, 4}},
      // Spaces and a no-break space collapse together.
      {"nbsp in run", "a \xC2\xA0 b", "a b", {0, 1, 5, 6}, {1, 5, 6}},
      // Ligature fi (3 bytes): both output bytes come from all three.
      {"ligature", "\xEF\xAC\x81ne", "fine", {0, 0, 3, 4, 5}, {3, 3, 4, 5}},
      // Full-width digits (3 bytes each) become ASCII digits.
      {"full-width digits",
       "C\xEF\xBC\x95-\xEF\xBC\x96",
       "c5-6",
       {0, 1, 4, 5, 8},
       {1, 4, 5, 8}},
      // Sharp s expands to "ss"; both bytes come from the 2-byte source.
      {"sharp s",
       "Stra\xC3\x9F"
       "e",
       "strasse",
       {0, 1, 2, 3, 4, 4, 6, 7},
       {1, 2, 3, 4, 6, 6, 7}},
      // En dash (3 bytes) becomes '-'.
      {"en dash",
       "C5\xE2\x80\x93"
       "6",
       "c5-6",
       {0, 1, 2, 5, 6},
       {1, 2, 5, 6}},
      // Zero-width space becomes a space so the words stay apart.
      {"zero-width space",
       "cord\xE2\x80\x8B"
       "flat",
       "cord flat",
       {0, 1, 2, 3, 4, 7, 8, 9, 10, 11},
       {1, 2, 3, 4, 7, 8, 9, 10, 11}},
      // Soft hyphen is deleted: no normalized byte maps to bytes 2-3.
      {"soft hyphen",
       "my\xC2\xAD"
       "el",
       "myel",
       {0, 1, 4, 5, 6},
       {1, 2, 5, 6}},
      // Precomposed capital E acute folds to the 2-byte small letter.
      {"accented capital",
       "CAF\xC3\x89",
       "caf\xC3\xA9",
       {0, 1, 2, 3, 3, 5},
       {1, 2, 3, 5, 5}},
      // e + combining acute composes; the result covers all three bytes.
      {"combining mark", "e\xCC\x81", "\xC3\xA9", {0, 0, 3}, {3, 3}},
      // Right single quotation mark becomes an ASCII apostrophe.
      {"smart apostrophe", "L\xE2\x80\x99h", "l'h", {0, 1, 4, 5}, {1, 4, 5}},
      // Smart double quotes become '"'.
      {"smart double quotes",
       "\xE2\x80\x9Cx\xE2\x80\x9D",
       "\"x\"",
       {0, 3, 4, 7},
       {3, 4, 7}},
      // An invalid byte becomes U+FFFD (3 bytes) mapped to that byte.
      {"invalid byte",
       "a\xFF"
       "b",
       "a\xEF\xBF\xBD"
       "b",
       {0, 1, 1, 1, 2, 3},
       {1, 2, 2, 2, 3}},
      // A truncated sequence (maximal subpart E2 80) is one U+FFFD.
      {"truncated sequence",
       "a\xE2\x80"
       "b",
       "a\xEF\xBF\xBD"
       "b",
       {0, 1, 1, 1, 3, 4},
       {1, 3, 3, 3, 4}},
      // Tabs and form feeds are spaces; newlines are kept.
      {"controls", "a\t\n\fb", "a \n b", {0, 1, 2, 3, 4, 5}, {1, 2, 3, 4, 5}},
  };
  for (const MapCase& c : kCases) {
    SCOPED_TRACE(c.name);
    NormalizedText n = Normalize(c.input);
    EXPECT_EQ(n.text, c.want_text);
    EXPECT_EQ(n.begin, c.want_begin);
    EXPECT_EQ(n.end, c.want_end);
  }
}

TEST(Normalizer, MapsLigatureBackToOriginalBytes) {
  const std::string original = "Con\xEF\xAC\x81rmed";  // "Conﬁrmed"
  NormalizedText n = Normalize(original);
  ASSERT_EQ(n.text, "confirmed");
  // "fi" alone, and either of its bytes, maps to the whole ligature.
  EXPECT_EQ(n.ToOriginal(NormSpan(3, 5)), Span(3, 6));
  EXPECT_EQ(n.ToOriginal(NormSpan(4, 5)), Span(3, 6));
  EXPECT_EQ(n.ToOriginal(NormSpan(0, 9)), Span(0, original.size()));
}

TEST(Normalizer, ToOriginalReturnsTheOriginalSubstring) {
  struct Case {
    std::string original;
    std::string needle;  // a substring of the normalized text
    std::string want;    // the original text it must map to
  };
  const Case kCases[] = {
      {"The STRASSE and Stra\xC3\x9F"
       "e",
       "strasse and strasse",
       "STRASSE and Stra\xC3\x9F"
       "e"},
      {"at C5\xE2\x80\x93"
       "6 level",
       "c5-6",
       "C5\xE2\x80\x93"
       "6"},
      {"L\xE2\x80\x99hermitte sign", "l'hermitte", "L\xE2\x80\x99hermitte"},
      {"no\xC2\xA0\xC2\xA0 cord  compression", "no cord compression",
       "no\xC2\xA0\xC2\xA0 cord  compression"},
      {"line one\r\nline two", "one\nline", "one\r\nline"},
      {"x\xFF\xFEy", "x\xEF\xBF\xBD\xEF\xBF\xBDy", "x\xFF\xFEy"},
      {"\xEF\xBC\xA3\xEF\xBC\x95 level", "c5", "\xEF\xBC\xA3\xEF\xBC\x95"},
  };
  for (const Case& c : kCases) {
    NormalizedText n = Normalize(c.original);
    const size_t at = n.text.find(c.needle);
    ASSERT_NE(at, std::string::npos) << n.text;
    Span s = n.ToOriginal(NormSpan(at, at + c.needle.size()));
    EXPECT_EQ(c.original.substr(s.begin, s.size()), c.want);
  }
}

TEST(Normalizer, EmptySpanMapsToAPoint) {
  NormalizedText n = Normalize(
      "AB\xE2\x80\x93"
      "C");  // "ab-c"
  EXPECT_EQ(n.ToOriginal(NormSpan(0, 0)), Span(0, 0));
  EXPECT_EQ(n.ToOriginal(NormSpan(3, 3)), Span(5, 5));
  // The end position maps to the original size.
  EXPECT_EQ(n.ToOriginal(NormSpan(4, 4)), Span(6, 6));
}

TEST(Normalizer, ToNormalizedFindsTheOverlappingCharacters) {
  // "c5-6" from "C5–6": the dash is original bytes [2, 5).
  NormalizedText n = Normalize(
      "C5\xE2\x80\x93"
      "6");
  EXPECT_EQ(n.ToNormalized(Span(0, 6)), NormSpan(0, 4));
  EXPECT_EQ(n.ToNormalized(Span(2, 5)), NormSpan(2, 3));
  // Part of a multi-byte character selects the whole character.
  EXPECT_EQ(n.ToNormalized(Span(3, 4)), NormSpan(2, 3));
  EXPECT_EQ(n.ToNormalized(Span(1, 3)), NormSpan(1, 3));
  // Past the end is clamped.
  EXPECT_EQ(n.ToNormalized(Span(5, 100)), NormSpan(3, 4));
  EXPECT_EQ(n.ToNormalized(Span(50, 100)), NormSpan(4, 4));
  // An empty span is a point before the next character.
  EXPECT_EQ(n.ToNormalized(Span(5, 5)), NormSpan(3, 3));

  // A run of spaces is one normalized byte.
  NormalizedText m = Normalize("no   cord");
  EXPECT_EQ(m.ToNormalized(Span(5, 9)), NormSpan(3, 7));
  EXPECT_EQ(m.ToNormalized(Span(3, 4)), NormSpan(2, 3));
}

TEST(Normalizer, RecordsInvalidUtf8Offsets) {
  // C0 is never valid; AF after it is a lone continuation byte; ED A0 is the
  // start of a surrogate (invalid: ED allows only 80..9F next).
  NormalizedText n = Normalize(
      "ok\xC0\xAF"
      "x\xED\xA0\x80");
  EXPECT_EQ(n.invalid_utf8, (std::vector<uint32_t>{2, 3, 5, 6, 7}));
  EXPECT_EQ(n.text,
            "ok\xEF\xBF\xBD\xEF\xBF\xBDx\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_TRUE(Normalize("plain text").invalid_utf8.empty());
  EXPECT_TRUE(Normalize("caf\xC3\xA9").invalid_utf8.empty());
}

TEST(Normalizer, FoldsDashesAndSpacesThatNfkcLeavesAlone) {
  // Non-breaking hyphen, figure dash, em dash, minus sign, full-width
  // hyphen-minus; ideographic space and narrow no-break space.
  EXPECT_EQ(Normalize("a\xE2\x80\x91"
                      "b\xE2\x80\x92"
                      "c\xE2\x80\x94"
                      "d"
                      "\xE2\x88\x92"
                      "e\xEF\xBC\x8D"
                      "f")
                .text,
            "a-b-c-d-e-f");
  EXPECT_EQ(Normalize("a\xE3\x80\x80"
                      "b\xE2\x80\xAF"
                      "c")
                .text,
            "a b c");
  // Line and paragraph separators are newlines.
  EXPECT_EQ(Normalize("a\xE2\x80\xA8"
                      "b")
                .text,
            "a\nb");
}

TEST(Normalizer, AppliesNfkcCasefoldToNonAsciiText) {
  EXPECT_EQ(Normalize("\xC3\x89"
                      "CHEC")
                .text,
            "\xC3\xA9"
            "chec");                                   // ÉCHEC
  EXPECT_EQ(Normalize("\xE2\x85\xA0").text, "i");      // Roman numeral one
  EXPECT_EQ(Normalize("5\xE3\x8E\x9C").text, "5mm");   // square mm
  EXPECT_EQ(Normalize("\xCE\xA3").text, "\xCF\x83");   // Greek capital sigma
  EXPECT_EQ(Normalize("x\xE2\x80\xA6").text, "x...");  // ellipsis
}

// Inputs built from fragments that stress the map, then byte-mutated.
std::string RandomInput(std::mt19937* rng) {
  static const char* const kFragments[] = {"The ",
                                           "CORD",
                                           " ",
                                           "\t",
                                           "\r\n",
                                           "\n\n",
                                           "\r",
                                           ".",
                                           "C5-6: ",
                                           "1. ",
                                           "IMPRESSION:",
                                           ",",
                                           "FINDINGS\n",
                                           "e.g. ",
                                           "3.5 mm",
                                           "?",
                                           "\xC3\xA9",
                                           "\xEF\xAC\x81",
                                           "\xC3\x9F",
                                           "\xEF\xBC\x95",
                                           "\xE2\x80\x93",
                                           "\xE2\x80\x8B",
                                           "\xC2\xA0",
                                           "\xC2\xAD",
                                           "\xE2\x80\x99",
                                           "e\xCC\x81",
                                           "\xC4\xB0",
                                           "\xC7\x85",
                                           "\xFF",
                                           "\xE2\x80",
                                           "\xF0\x9F\x98\x80",
                                           "\xED\xA0\x80",
                                           "\xE2\x80\xA6",
                                           "\xEF\xB7\xBA",
                                           "\xCC\x81",
                                           "\xC2\xA8",
                                           "\xE3\x80\x80",
                                           "\xE2\x80\xA8",
                                           "c\xE2\x80\x93"
                                           "t1:",
                                           "\x00"};
  const size_t kCount = sizeof(kFragments) / sizeof(kFragments[0]);
  std::uniform_int_distribution<size_t> pick(0, kCount - 1);
  std::uniform_int_distribution<int> len(0, 40);
  std::string s;
  const int parts = len(*rng);
  for (int i = 0; i < parts; ++i) {
    const char* f = kFragments[pick(*rng)];
    if (*f == '\0') {
      s.push_back('\0');
    } else {
      s += f;
    }
  }
  std::uniform_int_distribution<int> mutations(0, 3);
  std::uniform_int_distribution<int> byte(0, 255);
  const int m = s.empty() ? 0 : mutations(*rng);
  for (int i = 0; i < m; ++i) {
    std::uniform_int_distribution<size_t> at(0, s.size() - 1);
    s[at(*rng)] = static_cast<char>(byte(*rng));
  }
  return s;
}

TEST(Normalizer, OffsetMapInvariantsHoldOnRandomInputs) {
  std::mt19937 rng(20240611);
  for (int iter = 0; iter < 3000; ++iter) {
    const std::string original = RandomInput(&rng);
    NormalizedText n = Normalize(original);
    SCOPED_TRACE(::testing::PrintToString(original));
    ASSERT_TRUE(IsValidUtf8(n.text));
    ASSERT_EQ(n.begin.size(), n.text.size() + 1);
    ASSERT_EQ(n.end.size(), n.text.size());
    ASSERT_EQ(n.begin.back(), original.size());
    for (size_t i = 0; i < n.text.size(); ++i) {
      ASSERT_LT(n.begin[i], n.end[i]) << i;
      ASSERT_LE(n.end[i], original.size()) << i;
      if (i > 0) {
        ASSERT_LE(n.begin[i - 1], n.begin[i]) << i;
        ASSERT_LE(n.end[i - 1], n.end[i]) << i;
      }
    }
    for (uint32_t inv : n.invalid_utf8) ASSERT_LT(inv, original.size());
    // Normalization is idempotent.
    ASSERT_EQ(Normalize(n.text).text, n.text);
    // Round trip: a normalized span maps back to a span that covers it.
    if (!n.text.empty()) {
      std::uniform_int_distribution<uint32_t> pos(0, n.text.size());
      uint32_t a = pos(rng), b = pos(rng);
      if (a > b) std::swap(a, b);
      const Span o = n.ToOriginal(NormSpan(a, b));
      ASSERT_LE(o.end, original.size());
      const NormSpan back = n.ToNormalized(o);
      if (a < b) {
        ASSERT_TRUE(back.Contains(NormSpan(a, b)));
      }
    }
  }
}

}  // namespace
}  // namespace myelex
