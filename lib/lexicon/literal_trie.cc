#include "lexicon/literal_trie.h"

#include <algorithm>
#include <tuple>

#include "lexicon/lexicon_internal.h"

namespace myelex {

using lexicon_internal::IsWordByte;

namespace {

// Stands for \b inside expanded strings; never part of valid UTF-8.
constexpr char kBoundary = '\xff';

bool IsAsciiPunct(unsigned char c) {
  return c < 0x80 && c > ' ' && c != 0x7f && !IsWordByte(c);
}

// Recursive-descent expansion of the literal subset (see the header). Each
// list is in preference order.
class Expander {
 public:
  Expander(std::string_view pattern, size_t max_strings)
      : p_(pattern), max_(max_strings) {}

  bool Expand(std::vector<std::string>* out) {
    *out = ParseAlternation();
    return ok_ && pos_ == p_.size();
  }

 private:
  using List = std::vector<std::string>;

  List Fail() {
    ok_ = false;
    return {};
  }
  bool AtEnd() const { return pos_ >= p_.size(); }
  unsigned char Peek() const { return static_cast<unsigned char>(p_[pos_]); }

  List ParseAlternation() {
    List out = ParseSequence();
    while (ok_ && !AtEnd() && Peek() == '|') {
      ++pos_;
      List branch = ParseSequence();
      out.insert(out.end(), branch.begin(), branch.end());
      if (out.size() > max_) return Fail();
    }
    return out;
  }

  List ParseSequence() {
    List current = {std::string()};
    while (ok_ && !AtEnd() && Peek() != '|' && Peek() != ')') {
      List item = ParseItem();
      if (!ok_) return {};
      if (current.size() * item.size() > max_) return Fail();
      List next;
      next.reserve(current.size() * item.size());
      for (const std::string& a : current) {
        for (const std::string& b : item) next.push_back(a + b);
      }
      current.swap(next);
    }
    return current;
  }

  List ParseItem() {
    List atom = ParseAtom();
    if (!ok_ || AtEnd()) return atom;
    if (Peek() == '?') {
      ++pos_;
      if (!AtEnd() && Peek() == '?') return Fail();  // lazy
      atom.push_back(std::string());
    }
    if (!AtEnd() &&
        (Peek() == '*' || Peek() == '+' || Peek() == '{' || Peek() == '?')) {
      return Fail();
    }
    return atom;
  }

  List ParseAtom() {
    const unsigned char c = Peek();
    if (c == '(') {
      ++pos_;
      if (p_.substr(pos_, 2) == "?:") {
        pos_ += 2;
      } else if (!AtEnd() && Peek() == '?') {
        return Fail();  // flags or a named group
      }
      List inner = ParseAlternation();
      if (!ok_ || AtEnd() || Peek() != ')') return Fail();
      ++pos_;
      return inner;
    }
    if (c == '[') return ParseClass();
    if (c == '\\') {
      if (pos_ + 1 >= p_.size()) return Fail();
      const unsigned char e = static_cast<unsigned char>(p_[pos_ + 1]);
      pos_ += 2;
      if (e == 'b') return {std::string(1, kBoundary)};
      if (e == 'd') return Digits();
      if (e == 't') return {"\t"};
      if (e == 'n') return {"\n"};
      if (e == ' ' || IsAsciiPunct(e)) return {std::string(1, e)};
      return Fail();
    }
    if (std::string_view(".+*?)|]{}^$").find(static_cast<char>(c)) !=
        std::string_view::npos) {
      return Fail();
    }
    // One character: an ASCII byte or a whole UTF-8 sequence (so that a
    // following `?` applies to all of it).
    size_t end = pos_ + 1;
    if (c >= 0x80) {
      while (end < p_.size() &&
             (static_cast<unsigned char>(p_[end]) & 0xC0) == 0x80) {
        ++end;
      }
    }
    List out = {std::string(p_.substr(pos_, end - pos_))};
    pos_ = end;
    return out;
  }

  static List Digits() {
    List out;
    for (char d = '0'; d <= '9'; ++d) out.push_back(std::string(1, d));
    return out;
  }

  // [abc], [a-c], [- ], [\.x]: ASCII only, not negated.
  List ParseClass() {
    ++pos_;  // '['
    if (AtEnd() || Peek() == '^' || Peek() == ']') return Fail();
    std::string chars;
    while (!AtEnd() && Peek() != ']') {
      unsigned char lo = Peek();
      if (lo == '\\') {
        if (pos_ + 1 >= p_.size()) return Fail();
        const unsigned char e = static_cast<unsigned char>(p_[pos_ + 1]);
        pos_ += 2;
        if (e == 'd') {
          chars += "0123456789";
          continue;
        }
        if (e != ' ' && !IsAsciiPunct(e)) return Fail();
        lo = e;
      } else if (lo >= 0x80 || lo == '[') {
        return Fail();
      } else {
        ++pos_;
      }
      // A range "lo-hi", unless the '-' is the last character of the class.
      if (pos_ + 1 < p_.size() && p_[pos_] == '-' && p_[pos_ + 1] != ']') {
        const unsigned char hi = static_cast<unsigned char>(p_[pos_ + 1]);
        if (hi == '\\' || hi >= 0x80 || hi < lo) return Fail();
        pos_ += 2;
        for (unsigned int x = lo; x <= hi; ++x) chars += static_cast<char>(x);
      } else {
        chars += static_cast<char>(lo);
      }
    }
    if (AtEnd()) return Fail();
    ++pos_;  // ']'
    List out;
    for (char ch : chars) {
      std::string s(1, ch);
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    }
    if (out.size() > max_) return Fail();
    return out;
  }

  std::string_view p_;
  size_t max_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace

bool ExpandLiteralPattern(std::string_view pattern, size_t max_strings,
                          std::vector<LiteralString>* out) {
  std::vector<std::string> strings;
  if (!Expander(pattern, max_strings).Expand(&strings)) return false;
  std::vector<LiteralString> result;
  for (const std::string& s : strings) {
    LiteralString ls;
    for (char c : s) {
      if (c != kBoundary) {
        ls.text += c;
        continue;
      }
      const uint32_t offset = static_cast<uint32_t>(ls.text.size());
      if (ls.boundaries.empty() || ls.boundaries.back() != offset) {
        ls.boundaries.push_back(offset);
      }
    }
    if (ls.text.empty()) return false;
    result.push_back(std::move(ls));
  }
  out->insert(out->end(), result.begin(), result.end());
  return true;
}

// The free cells of a double array under construction, in a doubly linked
// list by position, as candidates for a node's first child. A candidate
// that has failed kMaxFailures times leaves the list (it stays free and may
// still receive a later child), which bounds the search for nodes with many
// children.
class LiteralTrie::FreeCells {
 public:
  explicit FreeCells(std::vector<Cell>* cells) : cells_(*cells) { Grow(1); }

  // Marks `cell` used, growing the array to hold it.
  void Take(uint32_t cell) {
    if (cell >= cells_.size()) Grow(cell + 1);
    if (listed_[cell]) Unlink(cell);
  }

  // The lowest base >= 1 (in list order) at which children of byte classes
  // `classes` (ascending, non-empty) all land in free cells; cells past the
  // end of the array count as free.
  uint32_t FindBase(const std::vector<uint32_t>& classes) {
    for (int32_t f = head_;;) {
      if (f < 0) {
        // Every listed cell was tried: extend the array.
        const size_t old_size = cells_.size();
        Grow(old_size + 256);
        f = static_cast<int32_t>(old_size);
      }
      const uint32_t cell = static_cast<uint32_t>(f);
      const int32_t following = next_[cell];
      bool fits = cell > classes[0];
      const uint32_t base = cell - classes[0];
      for (size_t i = 1; fits && i < classes.size(); ++i) {
        const uint32_t c = base + classes[i];
        fits = c >= cells_.size() || cells_[c].check == kFree;
      }
      if (fits) return base;
      if (++failures_[cell] >= kMaxFailures) Unlink(cell);
      f = following;
    }
  }

 private:
  static constexpr uint8_t kMaxFailures = 16;

  void Grow(size_t size) {
    const size_t old_size = cells_.size();
    cells_.resize(size);
    next_.resize(size, -1);
    prev_.resize(size, -1);
    failures_.resize(size, 0);
    listed_.resize(size, true);
    for (size_t c = old_size; c < size; ++c) {
      const int32_t cell = static_cast<int32_t>(c);
      prev_[c] = tail_;
      if (tail_ >= 0) {
        next_[tail_] = cell;
      } else {
        head_ = cell;
      }
      tail_ = cell;
    }
  }

  void Unlink(uint32_t cell) {
    listed_[cell] = false;
    const int32_t p = prev_[cell], n = next_[cell];
    if (p >= 0) {
      next_[p] = n;
    } else {
      head_ = n;
    }
    if (n >= 0) {
      prev_[n] = p;
    } else {
      tail_ = p;
    }
  }

  std::vector<Cell>& cells_;
  std::vector<int32_t> next_, prev_;  // list links, -1 at the ends
  std::vector<uint8_t> failures_;
  std::vector<bool> listed_;
  int32_t head_ = -1, tail_ = -1;
};

LiteralTrie::LiteralTrie(const std::vector<Entry>& entries) {
  // Byte classes: 0 for bytes no string contains, then 1, 2, ... in byte
  // order, so that a node's children need only as many cells as there are
  // distinct bytes.
  bool used[256] = {};
  for (const Entry& e : entries) {
    for (char c : e.string.text) used[static_cast<unsigned char>(c)] = true;
  }
  uint32_t classes = 0;
  for (int b = 0; b < 256; ++b) {
    byte_class_[b] = used[b] ? static_cast<uint8_t>(++classes) : 0;
  }

  // The trie, built from the sorted strings without per-node containers:
  // the strings below a node form a contiguous range of the sorted order.
  // Nodes are placed breadth-first, each at the first base (in free-list
  // order) whose child cells are all free.
  std::vector<uint32_t> order(entries.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto text = [&entries](uint32_t i) -> const std::string& {
    return entries[i].string.text;
  };
  std::stable_sort(order.begin(), order.end(), [&text](uint32_t a, uint32_t b) {
    return text(a) < text(b);
  });
  struct Range {
    uint32_t begin, end;  // into `order`
    uint32_t depth;       // length of the shared prefix
    uint32_t cell;        // the node's cell
    uint32_t byte_class;  // of the edge from the parent
  };
  FreeCells free_cells(&cells_);
  cells_[0].check = kRootCheck;
  free_cells.Take(0);
  std::vector<Range> queue = {
      {0, static_cast<uint32_t>(order.size()), 0, 0, 0}};
  std::vector<Range> children;
  std::vector<uint32_t> child_classes;
  uint32_t max_base = 0;
  for (size_t q = 0; q < queue.size(); ++q) {
    const Range range = queue[q];
    uint32_t k = range.begin;
    cells_[range.cell].terminal_begin =
        static_cast<uint32_t>(terminals_.size());
    for (; k < range.end && text(order[k]).size() == range.depth; ++k) {
      const Entry& entry = entries[order[k]];
      const std::vector<uint32_t>& b = entry.string.boundaries;
      terminals_.push_back(
          {entry.rule, entry.priority, range.depth,
           static_cast<uint32_t>(boundaries_.size()),
           static_cast<uint32_t>(boundaries_.size() + b.size())});
      boundaries_.insert(boundaries_.end(), b.begin(), b.end());
    }
    cells_[range.cell].terminal_end = static_cast<uint32_t>(terminals_.size());
    children.clear();
    child_classes.clear();
    while (k < range.end) {
      const unsigned char c =
          static_cast<unsigned char>(text(order[k])[range.depth]);
      const uint32_t first = k;
      while (k < range.end &&
             static_cast<unsigned char>(text(order[k])[range.depth]) == c) {
        ++k;
      }
      children.push_back({first, k, range.depth + 1, 0, byte_class_[c]});
      child_classes.push_back(byte_class_[c]);
    }
    if (children.empty()) continue;
    const uint32_t base = free_cells.FindBase(child_classes);
    max_base = std::max(max_base, base);
    cells_[range.cell].base = base;
    for (Range& child : children) {
      child.cell = base + child.byte_class;
      free_cells.Take(child.cell);
      cells_[child.cell].check = static_cast<int32_t>(range.cell);
      queue.push_back(child);
    }
  }
  // Every lookup base + class stays inside the array.
  cells_.resize(std::max<size_t>(cells_.size(), max_base + classes + 1));

  // Aho-Corasick links, breadth-first so that shorter suffixes come first:
  // a node's fail cell spells its longest proper suffix that is a trie
  // path, and its output cell is the nearest cell on the fail chain where a
  // string ends (0 if none; the root ends no string).
  for (size_t q = 1; q < queue.size(); ++q) {
    const uint32_t cell = queue[q].cell;
    const uint32_t parent = static_cast<uint32_t>(cells_[cell].check);
    uint32_t fail = 0;
    if (parent != 0) {
      fail = Next(cells_[parent].fail, queue[q].byte_class);
    }
    Cell& c = cells_[cell];
    c.fail = fail;
    const Cell& f = cells_[fail];
    c.output = f.terminal_begin != f.terminal_end ? fail : f.output;
  }
}

uint32_t LiteralTrie::Next(uint32_t cell, uint32_t byte_class) const {
  for (;;) {
    const uint32_t next = cells_[cell].base + byte_class;
    if (cells_[next].check == static_cast<int32_t>(cell)) return next;
    if (cell == 0) return 0;
    cell = cells_[cell].fail;
  }
}

void LiteralTrie::FindAll(std::string_view text, std::vector<Hit>* out) const {
  if (empty()) return;
  struct Occurrence {
    int rule;
    uint32_t begin;
    int priority;
    uint32_t end;
  };
  std::vector<Occurrence> found;
  found.reserve(32);
  const size_t n = text.size();
  const auto word = [&text, n](size_t i) {
    return i < n && IsWordByte(static_cast<unsigned char>(text[i]));
  };
  // RE2's \b: a word byte on exactly one side (outside the text counts as
  // non-word).
  const auto boundary = [&word](size_t i) {
    return (i > 0 && word(i - 1)) != word(i);
  };
  uint32_t state = 0;  // the longest trie path that text[0, end) ends with
  for (size_t end = 1; end <= n; ++end) {
    const uint32_t byte_class =
        byte_class_[static_cast<unsigned char>(text[end - 1])];
    state = byte_class == 0 ? 0 : Next(state, byte_class);
    // The strings that end here: the state's own, then along its outputs.
    const Cell& s = cells_[state];
    for (uint32_t cell = s.terminal_begin != s.terminal_end ? state : s.output;
         cell != 0; cell = cells_[cell].output) {
      const Cell& c = cells_[cell];
      for (uint32_t t = c.terminal_begin; t < c.terminal_end; ++t) {
        const Terminal& term = terminals_[t];
        const size_t begin = end - term.length;
        bool ok = true;
        for (uint32_t b = term.boundary_begin; ok && b < term.boundary_end;
             ++b) {
          ok = boundary(begin + boundaries_[b]);
        }
        if (ok) {
          found.push_back({term.rule, static_cast<uint32_t>(begin),
                           term.priority, static_cast<uint32_t>(end)});
        }
      }
    }
  }
  // Per rule, in begin order: at each begin the preferred string wins, and
  // it counts only if it starts at or after the end of the previous match
  // (RE2 resumes its scan there).
  std::sort(found.begin(), found.end(),
            [](const Occurrence& a, const Occurrence& b) {
              return std::tie(a.rule, a.begin, a.priority) <
                     std::tie(b.rule, b.begin, b.priority);
            });
  for (size_t k = 0; k < found.size(); ++k) {
    const Occurrence& o = found[k];
    const bool rule_start = k == 0 || found[k - 1].rule != o.rule;
    if (!rule_start && found[k - 1].begin == o.begin) continue;
    if (!rule_start && !out->empty() && out->back().rule == o.rule &&
        o.begin < out->back().end) {
      continue;
    }
    out->push_back({o.rule, o.begin, o.end});
  }
}

}  // namespace myelex
