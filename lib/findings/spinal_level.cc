#include "findings/spinal_level.h"

#include <algorithm>
#include <cstring>
#include <initializer_list>

namespace myelex {

namespace {

// Vertebra indices (see SpinalLevel): C1..C7 = 1..7, T1..T12 = 8..19,
// L1..L5 = 20..24, S1 = 25.
constexpr int kLastCervical = 7;
constexpr int kLastThoracic = 19;
constexpr int kLastLumbar = 24;
constexpr int kSacral1 = 25;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return c >= 'a' && c <= 'z'; }
bool IsAlnum(char c) { return IsDigit(c) || IsAlpha(c); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

// Vertebra index of region letter `region` ('c', 't', 'l', 's') and number
// `n`; 0 if there is no such vertebra (C8 is a nerve root, not a vertebra).
int IndexOf(char region, int n) {
  switch (region) {
    case 'c':
      return (n >= 1 && n <= 7) ? n : 0;
    case 't':
      return (n >= 1 && n <= 12) ? kLastCervical + n : 0;
    case 'l':
      return (n >= 1 && n <= 5) ? kLastThoracic + n : 0;
    case 's':
      return n == 1 ? kSacral1 : 0;
  }
  return 0;
}

std::string VertebraName(int index) {
  if (index >= 1 && index <= kLastCervical) {
    return "C" + std::to_string(index);
  }
  if (index > kLastCervical && index <= kLastThoracic) {
    return "T" + std::to_string(index - kLastCervical);
  }
  if (index > kLastThoracic && index <= kLastLumbar) {
    return "L" + std::to_string(index - kLastThoracic);
  }
  if (index == kSacral1) return "S1";
  return "?";
}

// A word of the scanned text: a maximal run of ASCII letters and digits.
struct Word {
  size_t begin;
  size_t end;
};

// The level scanner over one sentence of normalized lower-case text. The
// grammar, informally:
//   mention  := item (list-sep item)* [" level" | " levels"]
//   item     := vert [pair-sep (vert | number)] [span-word vert [pair-sep
//               (vert | number)]]
//   vert     := region [" " | "-"] number     region := c | t | th | l | s
// A pair of adjacent vertebrae is one disc level; a wider pair or a span is
// every disc level between its ends. Items are closed vertebra ranges
// [lo, hi]: lo == hi is a vertebra, lo < hi the disc levels lo..hi.
class Scanner {
 public:
  // Scans an ASCII-lower-cased copy, so callers may pass raw text; offsets
  // are unchanged (lower-casing ASCII keeps every byte in place).
  explicit Scanner(std::string_view text) : text_(text) {
    for (char& c : text_) c = Lower(c);
    size_t i = 0;
    while (i < text_.size()) {
      if (!IsAlnum(text_[i])) {
        ++i;
        continue;
      }
      size_t b = i;
      while (i < text_.size() && IsAlnum(text_[i])) ++i;
      words_.push_back({b, i});
    }
  }

  std::vector<LevelMention> Scan(uint32_t base_offset) {
    std::vector<LevelMention> out;
    size_t w = 0;
    while (w < words_.size()) {
      size_t start = words_[w].begin;
      Mention m;
      if (ParseMention(start, &m)) {
        LevelMention lm;
        lm.span = NormSpan(base_offset + static_cast<uint32_t>(m.begin),
                           base_offset + static_cast<uint32_t>(m.end));
        lm.kind = LevelMention::Kind::kExplicit;
        lm.levels = std::move(m.levels);
        out.push_back(std::move(lm));
        w = FirstWordAtOrAfter(m.end);
        continue;
      }
      size_t end = 0;
      bool operated = false;
      if (MatchAnaphora(w, &end, &operated)) {
        LevelMention lm;
        lm.span = NormSpan(base_offset + static_cast<uint32_t>(start),
                           base_offset + static_cast<uint32_t>(end));
        lm.kind = operated ? LevelMention::Kind::kOperated
                           : LevelMention::Kind::kAnaphora;
        out.push_back(std::move(lm));
        w = FirstWordAtOrAfter(end);
        continue;
      }
      ++w;
    }
    return out;
  }

  // Parses one explicit mention starting exactly at `pos`; used by
  // ParseLevelHeader. Returns the end of the mention or 0.
  size_t ParseAt(size_t pos, std::vector<SpinalLevel>* levels) {
    Mention m;
    if (!ParseMention(pos, &m)) return 0;
    *levels = std::move(m.levels);
    return m.end;
  }

 private:
  struct Vert {
    int index = 0;
    char region = 0;
    size_t end = 0;
    bool spaced = false;  // "c 5": region and number apart
    int ocr_pair = 0;     // "c56": index of the lower vertebra, else 0
  };

  struct Item {
    int lo = 0;
    int hi = 0;
    size_t begin = 0;
    size_t end = 0;
    char region = 0;
    bool clear = false;  // unambiguous level syntax (see IsClear)
  };

  struct Mention {
    size_t begin = 0;
    size_t end = 0;
    std::vector<SpinalLevel> levels;
  };

  bool StartsWith(size_t pos, std::string_view s) const {
    return pos <= text_.size() &&
           std::string_view(text_).substr(pos, s.size()) == s;
  }

  size_t SkipSpaces(size_t pos) const {
    while (pos < text_.size() && text_[pos] == ' ') ++pos;
    return pos;
  }

  // Length of a pair separator at `pos`: '-', '/', or a raw en dash, em dash
  // or minus sign (the normalizer folds them to '-', raw text may not).
  size_t DashLength(size_t pos) const {
    if (pos >= text_.size()) return 0;
    if (text_[pos] == '-' || text_[pos] == '/') return 1;
    for (const char* d : {"\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x88\x92"}) {
      if (StartsWith(pos, d)) return 3;
    }
    return 0;
  }

  size_t FirstWordAtOrAfter(size_t pos) const {
    return std::lower_bound(
               words_.begin(), words_.end(), pos,
               [](const Word& w, size_t p) { return w.begin < p; }) -
           words_.begin();
  }

  std::string_view WordText(size_t w) const {
    return std::string_view(text_).substr(words_[w].begin,
                                          words_[w].end - words_[w].begin);
  }

  // The word before `pos` ("" if none).
  std::string_view PrevWord(size_t pos) const {
    size_t w = FirstWordAtOrAfter(pos);
    if (w == 0) return {};
    return WordText(w - 1);
  }

  // The k-th word (0-based) at or after `pos` ("" if none).
  std::string_view NextWord(size_t pos, size_t k = 0) const {
    size_t w = FirstWordAtOrAfter(pos) + k;
    if (w >= words_.size()) return {};
    return WordText(w);
  }

  // Parses a number of one or two digits at `pos` that is not part of a
  // longer number, a decimal or a word.
  bool ParseNumber(size_t pos, int* n, size_t* end) const {
    size_t i = pos;
    while (i < text_.size() && IsDigit(text_[i]) && i - pos < 3) ++i;
    size_t len = i - pos;
    if (len == 0 || len > 2) return false;
    if (i < text_.size() && IsAlpha(text_[i])) return false;  // "t2w"
    if (i + 1 < text_.size() && text_[i] == '.' && IsDigit(text_[i + 1])) {
      return false;  // a decimal: "5.5"
    }
    *n = 0;
    for (size_t k = pos; k < i; ++k) *n = *n * 10 + (text_[k] - '0');
    *end = i;
    return true;
  }

  // Parses a vertebra reference starting at `pos`, which must be at a word
  // start: "c5", "c 5", "c-5", "th1", "l4", and the OCR run-together
  // cervical pair "c56".
  bool ParseVert(size_t pos, Vert* v) const {
    if (pos >= text_.size() || (pos > 0 && IsAlnum(text_[pos - 1]))) {
      return false;
    }
    char region = Lower(text_[pos]);
    size_t i = pos + 1;
    if (region == 't' && i < text_.size() && text_[i] == 'h') ++i;  // "th1"
    if (region != 'c' && region != 't' && region != 'l' && region != 's') {
      return false;
    }
    bool spaced = false;
    if (i < text_.size() && (text_[i] == ' ' || text_[i] == '-')) {
      if (region == 's') return false;  // "s 5": too ambiguous
      spaced = text_[i] == ' ';
      ++i;
    }
    int n = 0;
    size_t end = 0;
    if (!ParseNumber(i, &n, &end)) return false;
    v->region = region;
    v->end = end;
    v->spaced = spaced;
    v->ocr_pair = 0;
    if (n >= 10 && region == 'c' && !spaced) {
      // "c56" (OCR): two adjacent cervical digits run together.
      int a = n / 10, b = n % 10;
      if (a >= 1 && b == a + 1 && b <= kLastCervical) {
        v->index = a;
        v->ocr_pair = b;
        return true;
      }
      return false;
    }
    v->index = IndexOf(region, n);
    return v->index != 0;
  }

  // Parses what follows a pair separator: a vertebra ("c6", "t1") or a bare
  // number in `region` ("6"). Returns the vertebra index or 0; -1 when a
  // number is there but names no vertebra after `lower_than` (so the caller
  // can reject "c5-4" or "c7-8" as a whole).
  int ParsePartner(size_t pos, char region, int lower_than, size_t* end) const {
    Vert v;
    if (ParseVert(pos, &v) && v.ocr_pair == 0 && !v.spaced) {
      *end = v.end;
      return v.index > lower_than ? v.index : -1;
    }
    int n = 0;
    if (pos < text_.size() && IsDigit(text_[pos]) &&
        (pos == 0 || !IsAlnum(text_[pos - 1])) && ParseNumber(pos, &n, end)) {
      int index = IndexOf(region, n);
      return index > lower_than ? index : -1;
    }
    return 0;
  }

  // True if the word after `end` is a unit, so a bare number was a
  // measurement ("2-3 mm"), not a level.
  bool FollowedByUnit(size_t end) const {
    std::string_view next = NextWord(end);
    size_t p = SkipSpaces(end);
    if (p < text_.size() && text_[p] == '%') return true;
    for (const char* unit : {"mm", "cm", "m", "x", "degrees", "degree", "years",
                             "year", "yo", "months", "days"}) {
      if (next == unit) return true;
    }
    return false;
  }

  // Extends a range item with a pair: "-6", "/6", "-c6", "-t1", ", 6" only
  // as "c5,6" (no space) with adjacent numbers. Returns false if the item
  // must be rejected (a partner that names no vertebra after it).
  bool ParsePairTail(Item* item, bool require) {
    size_t p = item->end;
    size_t q = p;
    if (q < text_.size() && text_[q] == ' ' && DashLength(q + 1) > 0) ++q;
    size_t dash = DashLength(q);
    if (dash > 0) {
      size_t r = q + dash;
      if (r < text_.size() && text_[r] == ' ') ++r;
      size_t end = 0;
      int partner = ParsePartner(r, item->region, item->hi, &end);
      if (partner < 0) return false;
      if (partner > 0) {
        item->hi = partner;
        item->end = end;
        item->clear = true;
        return true;
      }
    } else if (q == p && q < text_.size() && text_[q] == ',' &&
               q + 1 < text_.size() && IsDigit(text_[q + 1])) {
      int n = 0;
      size_t end = 0;
      if (ParseNumber(q + 1, &n, &end) &&
          IndexOf(item->region, n) == item->hi + 1) {
        item->hi = item->hi + 1;
        item->end = end;
        item->clear = true;
        return true;
      }
    } else if (q == p && q + 1 < text_.size() && text_[q] == ' ') {
      // "c5 c6" (dictation): the next vertebra of the same region, written
      // with its letter after one space, is the disc level between them,
      // unless the pair names roots or bones ("c5 c6 nerve roots").
      Vert v;
      if (ParseVert(q + 1, &v) && v.ocr_pair == 0 && !v.spaced &&
          v.region == item->region && v.index == item->hi + 1 &&
          !FollowedByStructure(v.end)) {
        item->hi = v.index;
        item->end = v.end;
        item->clear = true;
        return true;
      }
    }
    return !require;
  }

  // True if the word after `end` names something that two vertebrae listed
  // side by side can be, other than their disc level.
  bool FollowedByStructure(size_t end) const {
    std::string_view next = NextWord(end);
    for (const char* w :
         {"nerve", "nerves", "root", "roots", "vertebra", "vertebrae",
          "vertebral", "bodies", "body", "dermatome", "dermatomes",
          "radiculopathy", "radiculopathies", "pedicles", "laminae", "and",
          "or"}) {
      if (next == w) return true;
    }
    return false;
  }

  // Parses one item at `pos`. `region` is the region inherited from the
  // previous item of a list (0 for the first), which allows bare pairs
  // ("c4-5, 5-6 and 6-7").
  bool ParseItem(size_t pos, char region, Item* item) {
    Vert v;
    item->begin = pos;
    if (ParseVert(pos, &v)) {
      item->region = v.region;
      item->lo = v.index;
      item->end = v.end;
      item->clear = v.region != 't';
      if (v.ocr_pair != 0) {
        item->hi = v.ocr_pair;
        item->clear = true;
      } else {
        item->hi = v.index;
        // "c 5" only counts when a pair follows ("c 5-6").
        if (!ParsePairTail(item, /*require=*/v.spaced)) return false;
      }
    } else if (region != 0 && pos < text_.size() && IsDigit(text_[pos]) &&
               (pos == 0 || !IsAlnum(text_[pos - 1]))) {
      int n = 0;
      size_t end = 0;
      if (!ParseNumber(pos, &n, &end)) return false;
      item->region = region;
      item->lo = item->hi = IndexOf(region, n);
      item->end = end;
      if (item->lo == 0) return false;
      size_t dash = DashLength(end);
      if (dash == 0) return false;
      size_t partner_end = 0;
      int partner = ParsePartner(end + dash, region, item->hi, &partner_end);
      if (partner != item->lo + 1) return false;
      item->hi = partner;
      item->end = partner_end;
      item->clear = true;
      if (FollowedByUnit(item->end)) return false;
    } else {
      return false;
    }
    ParseSpanTail(item);
    return true;
  }

  // "c3 through c6", "c3 to c6", "c3-4 through c5-6", "c3-4 to c6-7".
  void ParseSpanTail(Item* item) {
    size_t p = SkipSpaces(item->end);
    if (p == item->end) return;
    size_t after = 0;
    for (const char* w : {"through", "thru", "to"}) {
      size_t len = std::strlen(w);
      if (StartsWith(p, w) && p + len < text_.size() && text_[p + len] == ' ') {
        after = p + len + 1;
        break;
      }
    }
    if (after == 0) return;
    Vert v;
    if (!ParseVert(after, &v) || v.spaced) return;
    Item tail;
    tail.region = v.region;
    tail.lo = v.index;
    tail.hi = v.ocr_pair != 0 ? v.ocr_pair : v.index;
    tail.end = v.end;
    if (v.ocr_pair == 0 && !ParsePairTail(&tail, false)) return;
    if (tail.hi <= item->lo) return;
    item->hi = tail.hi;
    item->end = tail.end;
    item->clear = true;
  }

  // Consumes list separators after `pos` (",", "and", "or", "&", "as well
  // as", "to a lesser extent/degree", "also"). Returns the position of the
  // next item or 0 if there is no separator.
  size_t ParseListSeparator(size_t pos) const {
    size_t p = pos;
    bool any = false;
    for (;;) {
      p = SkipSpaces(p);
      if (p < text_.size() && (text_[p] == ',' || text_[p] == '&')) {
        ++p;
        any = true;
        continue;
      }
      bool matched = false;
      for (const char* w :
           {"and", "or", "also", "as well as", "to a lesser extent",
            "to a lesser degree", "to a smaller extent", "less so"}) {
        size_t len = std::strlen(w);
        if (StartsWith(p, w) &&
            (p + len == text_.size() || !IsAlnum(text_[p + len]))) {
          p += len;
          any = true;
          matched = true;
          break;
        }
      }
      if (!matched) break;
    }
    return any ? SkipSpaces(p) : 0;
  }

  static bool IsRootWord(std::string_view w) {
    for (const char* r :
         {"nerve", "nerves", "root", "roots", "rootlet", "rootlets",
          "radiculopathy", "radicular", "dermatome", "dermatomes", "dermatomal",
          "myotome", "myotomal", "distribution", "innervation"}) {
      if (w == r) return true;
    }
    return false;
  }

  static bool IsVertebraWord(std::string_view w) {
    for (const char* r : {"vertebra", "vertebrae", "vertebral", "level",
                          "levels", "body", "spinous", "pedicle", "pedicles",
                          "lamina", "laminae", "segment", "segments"}) {
      if (w == r) return true;
    }
    return false;
  }

  // Words that make "t1"/"t2" an MRI sequence rather than a level.
  static bool IsSequenceWord(std::string_view w) {
    if (w.empty()) return false;
    for (const char* s : {"weighted",     "w",          "wi",      "signal",
                          "image",        "images",     "imaging", "sequence",
                          "sequences",    "stir",       "flair",   "mismatch",
                          "bright",       "dark",       "shine",   "shortening",
                          "prolongation", "relaxation", "fat",     "fse",
                          "tse",          "gre",        "post",    "pre",
                          "sagittal",     "axial"}) {
      if (w == s) return true;
    }
    for (const char* prefix : {"hyper", "hypo", "iso", "intens"}) {
      if (w.substr(0, std::strlen(prefix)) == prefix) return true;
    }
    return false;
  }

  // A lone thoracic vertebra ("t2") is a level only in clear level syntax:
  // after "at"/"from"/"to"/"through"/"retro-", or before "vertebra",
  // "level", "body".
  bool IsClearSingle(const Item& item) const {
    if (item.clear) return true;
    std::string_view prev = PrevWord(item.begin);
    for (const char* p : {"at", "from", "to", "through", "retro", "above",
                          "below", "spanning"}) {
      if (prev == p) return true;
    }
    return IsVertebraWord(NextWord(item.end));
  }

  bool ParseMention(size_t pos, Mention* m) {
    std::vector<Item> items;
    Item item;
    if (!ParseItem(pos, 0, &item)) return false;
    items.push_back(item);
    for (;;) {
      size_t next = ParseListSeparator(items.back().end);
      if (next == 0) break;
      Item more;
      if (!ParseItem(next, items.back().region, &more)) break;
      items.push_back(more);
    }
    // Nerve roots: "c6 nerve root", "c5 and c6 roots", "exiting c6 root".
    // Trailing lone vertebrae before a root word are roots, not levels.
    size_t tail = items.back().end;
    bool roots =
        IsRootWord(NextWord(tail)) ||
        (items.back().lo == items.back().hi && IsRootWord(NextWord(tail, 1)));
    std::string_view prev = PrevWord(items.front().begin);
    if (prev == "exiting" || prev == "traversing") roots = true;
    if (roots) {
      while (!items.empty() && items.back().lo == items.back().hi) {
        items.pop_back();
      }
      if (items.empty()) return false;
    }
    // MRI sequence names: "t2 hyperintensity", "t1 and t2 weighted",
    // "on t1/t2".
    bool any_clear = false;
    bool all_t12 = true;
    for (const Item& it : items) {
      if (IsClearSingle(it)) any_clear = true;
      if (it.lo < 8 || it.hi > 9) all_t12 = false;
    }
    if (!any_clear) return false;
    if (all_t12) {
      std::string_view before = PrevWord(items.front().begin);
      if (IsSequenceWord(NextWord(items.back().end)) || before == "on" ||
          before == "and" || IsSequenceWord(before)) {
        return false;
      }
    }
    m->begin = items.front().begin;
    m->end = items.back().end;
    // Absorb a trailing "level"/"levels" into the mention.
    size_t p = SkipSpaces(m->end);
    for (const char* w : {"levels", "level"}) {
      size_t len = std::strlen(w);
      if (p > m->end && StartsWith(p, w) &&
          (p + len == text_.size() || !IsAlnum(text_[p + len]))) {
        m->end = p + len;
        break;
      }
    }
    for (const Item& it : items) {
      if (it.lo == it.hi) {
        m->levels.push_back({it.lo, it.lo});
      } else {
        for (int u = it.lo; u < it.hi; ++u) m->levels.push_back({u, u + 1});
      }
    }
    std::sort(m->levels.begin(), m->levels.end());
    m->levels.erase(std::unique(m->levels.begin(), m->levels.end()),
                    m->levels.end());
    return true;
  }

  // Anaphora: "(at) this level", "these levels", "the above levels", "the
  // same level", "that level", "both levels", "the aforementioned levels",
  // "each of these levels". Word index `w` is the first word. *operated is
  // set when a modifier names the levels of surgery ("the fused levels",
  // "the operated segments", "the instrumented levels").
  bool MatchAnaphora(size_t w, size_t* end, bool* operated) const {
    size_t i = w;
    if (i < words_.size() && WordText(i) == "at") ++i;
    if (i >= words_.size()) return false;
    std::string_view det = WordText(i);
    bool needs_modifier = false;
    if (det == "each" || det == "all" || det == "both") {
      // "each of these levels", "all of these levels", "both levels"
      if (i + 1 < words_.size() && WordText(i + 1) == "of") ++i;
      if (det != "both" &&
          (i + 1 >= words_.size() ||
           (WordText(i + 1) != "these" && WordText(i + 1) != "those"))) {
        return false;
      }
      if (i + 1 < words_.size() &&
          (WordText(i + 1) == "these" || WordText(i + 1) == "those")) {
        ++i;
      }
    } else if (det == "the") {
      needs_modifier = true;
    } else if (det != "this" && det != "that" && det != "these" &&
               det != "those") {
      return false;
    }
    ++i;
    bool modified = false;
    while (i < words_.size()) {
      std::string_view mod = WordText(i);
      bool is_mod = false;
      for (const char* m :
           {"same", "above", "aforementioned", "abovementioned", "mentioned",
            "affected", "involved", "previously", "described", "two", "three",
            "2", "3", "stenotic", "noted"}) {
        if (mod == m) is_mod = true;
      }
      for (const char* m :
           {"fused", "operated", "operative", "instrumented", "postoperative",
            "post", "surgical", "surgically", "treated", "decompressed",
            "fusion", "arthrodesis"}) {
        if (mod == m) {
          is_mod = true;
          *operated = true;
        }
      }
      if (!is_mod) break;
      modified = true;
      ++i;
    }
    if (needs_modifier && !modified) return false;
    // "above the fused segment", "adjacent to the operated levels" name the
    // levels next to the surgery, not the surgery's own.
    if (*operated && w > 0) {
      for (const char* rel : {"above", "below", "beyond", "to", "over", "under",
                              "past", "outside", "except"}) {
        if (WordText(w - 1) == rel) return false;
      }
    }
    if (i >= words_.size()) return false;
    std::string_view head = WordText(i);
    if (head != "level" && head != "levels" && head != "segment" &&
        head != "segments") {
      return false;
    }
    // "the level above/below" is relative, not anaphoric; so is "the same
    // level of <something>".
    *end = words_[i].end;
    return true;
  }

  std::string text_;
  std::vector<Word> words_;
};

}  // namespace

std::string SpinalLevel::ToString() const {
  if (upper == lower) return VertebraName(upper);
  return VertebraName(upper) + "-" + VertebraName(lower);
}

bool Overlaps(const SpinalLevel& a, const SpinalLevel& b) {
  // Closed vertebra ranges; two different discs share at most one vertebra,
  // which does not make them overlap.
  if (a.IsDisc() && b.IsDisc()) return a == b;
  return a.upper <= b.lower && b.upper <= a.lower;
}

bool ParseCanonicalLevel(std::string_view s, SpinalLevel* out) {
  // One vertebra: region letter + number, e.g. "C5", "T12".
  auto parse_vertebra = [](std::string_view v, int* index) {
    if (v.size() < 2 || v.size() > 3) return false;
    char region = Lower(v[0]);
    int n = 0;
    for (size_t i = 1; i < v.size(); ++i) {
      if (!IsDigit(v[i])) return false;
      n = n * 10 + (v[i] - '0');
    }
    *index = IndexOf(region, n);
    return *index != 0;
  };
  size_t dash = s.find('-');
  int upper = 0;
  int lower = 0;
  if (dash == std::string_view::npos) {
    if (!parse_vertebra(s, &upper)) return false;
    lower = upper;
  } else {
    if (!parse_vertebra(s.substr(0, dash), &upper) ||
        !parse_vertebra(s.substr(dash + 1), &lower) || lower != upper + 1) {
      return false;
    }
  }
  out->upper = upper;
  out->lower = lower;
  return true;
}

bool AnyOverlap(const std::vector<std::string>& a,
                const std::vector<std::string>& b) {
  for (const std::string& sa : a) {
    SpinalLevel la;
    if (!ParseCanonicalLevel(sa, &la)) continue;
    for (const std::string& sb : b) {
      SpinalLevel lb;
      if (ParseCanonicalLevel(sb, &lb) && Overlaps(la, lb)) return true;
    }
  }
  return false;
}

namespace {

// True if `text` holds `word` (lower case) at `pos`, ignoring ASCII case.
bool HasLowerAt(std::string_view text, size_t pos, std::string_view word) {
  if (text.size() - pos < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (Lower(text[pos + k]) != word[k]) return false;
  }
  return true;
}

// False only for text that cannot hold a level mention: every explicit
// mention has an ASCII digit and every anaphora ends in "level(s)" or
// "segment(s)". Most sentences have neither, and the scanner is costly.
bool MayHoldLevels(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = Lower(text[i]);
    if (IsDigit(c) || (c == 'l' && HasLowerAt(text, i, "level")) ||
        (c == 's' && HasLowerAt(text, i, "segment"))) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<LevelMention> FindLevels(std::string_view text,
                                     uint32_t base_offset) {
  if (!MayHoldLevels(text)) return {};
  return Scanner(text).Scan(base_offset);
}

std::vector<SpinalLevel> ParseLevelHeader(std::string_view text) {
  size_t b = 0;
  size_t e = text.size();
  while (b < e && (text[b] == ' ' || text[b] == '\n')) ++b;
  while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n' ||
                   text[e - 1] == ':' || text[e - 1] == '.')) {
    --e;
  }
  // "level c5-6" / "at c5-6" as a header.
  std::string_view body = text.substr(b, e - b);
  for (const char* prefix : {"level ", "levels ", "at "}) {
    size_t len = std::strlen(prefix);
    if (body.substr(0, len) == prefix) {
      body.remove_prefix(len);
      break;
    }
  }
  Scanner scanner(body);
  std::vector<SpinalLevel> levels;
  size_t end = scanner.ParseAt(0, &levels);
  if (end == 0) return {};
  std::string_view rest = body.substr(end);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  for (const char* suffix : {"", "disc", "disc level", "disc space",
                             "interspace", "intervertebral disc"}) {
    if (rest == suffix) return levels;
  }
  return {};
}

}  // namespace myelex
