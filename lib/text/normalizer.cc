#include "text/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <algorithm>
#include <cassert>
#include <cstring>
#include <memory>

#include "base/utf8.h"

namespace myelex {
namespace {

// How the normalizer rewrites one code point by hand. ICU is never asked
// about these: NFKC would delete the zero-width characters (gluing words
// together) and keeps dashes and typographic quotes, which lexicon patterns
// would otherwise have to spell out.
constexpr int kNoFold = -1;
constexpr int kDelete = -2;

int HandFold(uint32_t cp) {
  if (cp < 0x80) return kNoFold;
  switch (cp) {
    case 0x00AD:  // soft hyphen: invisible, may sit inside a word
      return kDelete;
    case 0x0085:  // next line
    case 0x2028:  // line separator
    case 0x2029:  // paragraph separator
      return '\n';
    case 0x00A0:
    case 0x1680:
    case 0x180E:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0x200B:  // zero-width space, (non-)joiners, word joiner, BOM: a
    case 0x200C:  // space so that they cannot glue two words together
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return ' ';
    case 0x2212:  // minus sign
    case 0xFE58:  // small em dash
    case 0xFE63:  // small hyphen-minus
    case 0xFF0D:  // full-width hyphen-minus
      return '-';
    case 0x2018:  // single quotation marks, primes, modifier apostrophe
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x2035:
    case 0x02BC:
    case 0xFF07:
      return '\'';
    case 0x201C:  // double quotation marks and primes
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x2036:
    case 0xFF02:
      return '"';
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return ' ';  // en quad .. hair space
  if (cp >= 0x2010 && cp <= 0x2015) return '-';  // hyphen .. horizontal bar
  return kNoFold;
}

// Length of the UTF-8 sequence led by `c`, for text already known valid.
inline int Utf8Length(unsigned char c) {
  return c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

inline uint32_t DecodeValid(const unsigned char* s, int len) {
  uint32_t v = s[0] & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (int k = 1; k < len; ++k) v = (v << 6) | (s[k] & 0x3F);
  return v;
}

// Offset maps of a piece of input: byte i of the piece came from original
// bytes [b(i), e(i)).
struct LinearMap {  // an untouched stretch of the original
  uint32_t base;
  uint32_t b(size_t i) const { return base + static_cast<uint32_t>(i); }
  uint32_t e(size_t i) const { return base + static_cast<uint32_t>(i) + 1; }
};
struct TableMap {  // an intermediate buffer with its own per-byte map
  const uint32_t* begin;
  const uint32_t* end;
  uint32_t b(size_t i) const { return begin[i]; }
  uint32_t e(size_t i) const { return end[i]; }
};

// The output being built. Arrays are grown ahead of writing and trimmed once
// at the end, so the inner loops write through raw pointers.
class Output {
 public:
  explicit Output(NormalizedText* nt) : nt_(nt) {}

  void Reserve(size_t n) {
    if (nt_->text.size() < len_ + n) {
      const size_t cap = std::max(len_ + n, nt_->text.size() * 2);
      nt_->text.resize(cap);
      nt_->begin.resize(cap + 1);
      nt_->end.resize(cap);
    }
  }

  // Appends valid UTF-8 `s` (whose map is `m`) after the whitespace, dash
  // and quote cleanup and ASCII lower-casing. Never grows the text.
  template <class Map>
  void Clean(const char* s, size_t n, const Map& m);

  void Finish(uint32_t original_size) {
    nt_->text.resize(len_);
    nt_->end.resize(len_);
    nt_->begin.resize(len_ + 1);
    nt_->begin[len_] = original_size;
  }

 private:
  NormalizedText* nt_;
  size_t len_ = 0;
};

// A byte that is copied as is (after lower-casing) and maps 1:1: printable
// ASCII, or a single space (one not following a space).
inline bool IsPlain(const unsigned char* u, size_t j) {
  const unsigned char c = u[j];
  return (c > 0x20 && c < 0x7F) || (c == ' ' && u[j - 1] != ' ');
}

inline char Lower(unsigned char c) {
  return static_cast<char>(c + (static_cast<unsigned>(c - 'A') < 26u ? 32 : 0));
}

template <class Map>
void Output::Clean(const char* s, size_t n, const Map& map) {
  Reserve(n);
  const Map m = map;  // a local copy: stores through t cannot alias it
  char* t = &nt_->text[0];
  uint32_t* tb = nt_->begin.data();
  uint32_t* te = nt_->end.data();
  size_t len = len_;
  const unsigned char* u = reinterpret_cast<const unsigned char*>(s);

  // A space extends the previous space (runs collapse to one byte whose
  // source is the whole run) or starts a new one.
  auto space = [&](uint32_t b, uint32_t e) {
    if (len > 0 && t[len - 1] == ' ') {
      te[len - 1] = e;
    } else {
      t[len] = ' ';
      tb[len] = b;
      te[len] = e;
      ++len;
    }
  };
  auto put = [&](char c, uint32_t b, uint32_t e) {
    t[len] = c;
    tb[len] = b;
    te[len] = e;
    ++len;
  };

  size_t i = 0;
  while (i < n) {
    const unsigned char c = u[i];
    if (c > 0x20 && c < 0x7F) {
      // The common case: a run of printable ASCII and single spaces, in a
      // tight loop (everything it touches is a local).
      size_t j = i;
      do {
        put(Lower(u[j]), m.b(j), m.e(j));
        ++j;
      } while (j < n && IsPlain(u, j));
      i = j;
    } else if (c == '\n') {
      put('\n', m.b(i), m.e(i));
      ++i;
    } else if (c == '\r') {
      if (i + 1 < n && u[i + 1] == '\n') {
        put('\n', m.b(i), m.e(i + 1));
        i += 2;
      } else {
        put('\n', m.b(i), m.e(i));
        ++i;
      }
    } else if (c < 0x80) {  // space, tab and the other controls
      space(m.b(i), m.e(i));
      ++i;
    } else {
      const int l = Utf8Length(c);
      const uint32_t b = m.b(i), e = m.e(i + l - 1);
      const int f = HandFold(DecodeValid(u + i, l));
      if (f == ' ') {
        space(b, e);
      } else if (f >= 0) {
        put(static_cast<char>(f), b, e);
      } else if (f == kNoFold) {
        for (int k = 0; k < l; ++k) put(s[i + k], b, e);
      }
      i += l;
    }
  }
  len_ = len;
}

// Index of the first byte >= 0x80 in s[pos, n), or n.
size_t FindNonAscii(const char* s, size_t pos, size_t n) {
  while (pos + 8 <= n) {
    uint64_t w;
    std::memcpy(&w, s + pos, 8);
    if (w & 0x8080808080808080ULL) break;
    pos += 8;
  }
  while (pos < n && static_cast<unsigned char>(s[pos]) < 0x80) ++pos;
  return pos;
}

// Reused buffers for the non-ASCII stretches of one report.
struct Scratch {
  std::string pre;  // validated and hand-folded, ICU input
  std::vector<uint32_t> pre_b, pre_e;
  std::string icu;  // ICU output
  std::vector<uint32_t> icu_b, icu_e;
  icu::Edits edits;
};

// Normalizes original[from, to), a stretch of non-ASCII bytes possibly
// preceded by one printable ASCII character (which a combining mark may
// compose with).
void NormalizeStretch(std::string_view original, size_t from, size_t to,
                      Scratch* sc, Output* out,
                      std::vector<uint32_t>* invalid) {
  const unsigned char* u =
      reinterpret_cast<const unsigned char*>(original.data());
  sc->pre.clear();
  sc->pre_b.clear();
  sc->pre_e.clear();
  bool need_icu = false;
  auto add = [sc](const char* bytes, size_t k, uint32_t b, uint32_t e) {
    sc->pre.append(bytes, k);
    for (size_t j = 0; j < k; ++j) {
      sc->pre_b.push_back(b);
      sc->pre_e.push_back(e);
    }
  };
  size_t i = from;
  while (i < to) {
    const uint32_t oi = static_cast<uint32_t>(i);
    if (u[i] < 0x80) {
      add(original.data() + i, 1, oi, oi + 1);
      ++i;
      continue;
    }
    uint32_t cp = 0;
    size_t bad = 0;
    const int l = static_cast<int>(
        DecodeUtf8(std::string_view(original.data(), to), i, &cp, &bad));
    if (l == 0) {
      invalid->push_back(oi);
      add("\xEF\xBF\xBD", 3, oi, oi + static_cast<uint32_t>(bad));
      i += bad;
      continue;
    }
    const int f = HandFold(cp);
    if (f >= 0) {
      const char c = static_cast<char>(f);
      add(&c, 1, oi, oi + l);
    } else if (f == kNoFold) {
      // Per-byte map: ICU's unchanged stretches are then mapped bytewise.
      for (int k = 0; k < l; ++k)
        add(original.data() + i + k, 1, oi + k, oi + k + 1);
      need_icu = true;
    }
    i += l;
  }
  sc->pre_b.push_back(static_cast<uint32_t>(to));  // for insertions at end

  if (need_icu) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc =
        icu::Normalizer2::getNFKCCasefoldInstance(status);
    sc->icu.clear();
    sc->edits.reset();
    if (U_SUCCESS(status)) {
      icu::StringByteSink<std::string> sink(&sc->icu);
      nfkc->normalizeUTF8(0, icu::StringPiece(sc->pre.data(), sc->pre.size()),
                          sink, &sc->edits, status);
    }
    if (U_SUCCESS(status)) {
      sc->icu_b.resize(sc->icu.size());
      sc->icu_e.resize(sc->icu.size());
      icu::Edits::Iterator it = sc->edits.getFineIterator();
      size_t filled = 0;
      while (it.next(status)) {
        const size_t src = it.sourceIndex(), dst = it.destinationIndex();
        const size_t old_len = it.oldLength(), new_len = it.newLength();
        if (!it.hasChange()) {
          for (size_t k = 0; k < new_len; ++k) {
            sc->icu_b[dst + k] = sc->pre_b[src + k];
            sc->icu_e[dst + k] = sc->pre_e[src + k];
          }
        } else {
          // Every output byte of a change comes from the whole source range.
          const uint32_t b = sc->pre_b[src];
          const uint32_t e = old_len > 0 ? sc->pre_e[src + old_len - 1] : b;
          for (size_t k = 0; k < new_len; ++k) {
            sc->icu_b[dst + k] = b;
            sc->icu_e[dst + k] = e;
          }
        }
        filled = dst + new_len;
      }
      if (U_SUCCESS(status) && filled == sc->icu.size()) {
        out->Clean(sc->icu.data(), sc->icu.size(),
                   TableMap{sc->icu_b.data(), sc->icu_e.data()});
        return;
      }
    }
    // ICU failed (out of memory): keep the validated text un-normalized
    // rather than fail; the map stays exact.
  }
  out->Clean(sc->pre.data(), sc->pre.size(),
             TableMap{sc->pre_b.data(), sc->pre_e.data()});
}

}  // namespace

NormalizedText Normalize(std::string_view original) {
  NormalizedText nt;
  Output out(&nt);
  out.Reserve(original.size());
  const char* s = original.data();
  const size_t n = original.size();
  std::unique_ptr<Scratch> scratch;  // only non-ASCII reports pay for it
  size_t pos = 0;
  while (pos < n) {
    const size_t q = FindNonAscii(s, pos, n);
    if (q == n) {
      out.Clean(s + pos, n - pos, LinearMap{static_cast<uint32_t>(pos)});
      break;
    }
    // A combining mark may compose with the printable ASCII character before
    // it, so that character goes to ICU with the stretch. Every ASCII
    // character is a normalization boundary, so stretches end at the next
    // ASCII byte.
    size_t from = q;
    const unsigned char prev =
        q > pos ? static_cast<unsigned char>(s[q - 1]) : 0;
    if (prev > 0x20 && prev < 0x7F) from = q - 1;
    if (from > pos) {
      out.Clean(s + pos, from - pos, LinearMap{static_cast<uint32_t>(pos)});
    }
    size_t to = q;
    while (to < n && static_cast<unsigned char>(s[to]) >= 0x80) ++to;
    if (scratch == nullptr) scratch.reset(new Scratch);
    NormalizeStretch(original, from, to, scratch.get(), &out, &nt.invalid_utf8);
    pos = to;
  }
  out.Finish(static_cast<uint32_t>(n));
  return nt;
}

Span NormalizedText::ToOriginal(NormSpan s) const {
  assert(s.end <= text.size());
  if (s.empty()) return Span(begin[s.begin], begin[s.begin]);
  return Span(begin[s.begin], end[s.end - 1]);
}

NormSpan NormalizedText::ToNormalized(Span s) const {
  const uint32_t size = begin.empty() ? 0 : begin.back();
  const uint32_t ob = std::min(s.begin, size);
  const uint32_t oe = std::min(s.end, size);
  const auto b_first = begin.begin();
  const auto b_last = begin.end() - 1;  // skip the sentinel
  if (ob == oe) {
    const uint32_t p =
        static_cast<uint32_t>(std::lower_bound(b_first, b_last, ob) - b_first);
    return NormSpan(p, p);
  }
  // First byte whose source ends after ob; first byte whose source starts at
  // or after oe. Both arrays are non-decreasing.
  const uint32_t b = static_cast<uint32_t>(
      std::upper_bound(end.begin(), end.end(), ob) - end.begin());
  const uint32_t e =
      static_cast<uint32_t>(std::lower_bound(b_first, b_last, oe) - b_first);
  return NormSpan(b, std::max(b, e));
}

}  // namespace myelex
