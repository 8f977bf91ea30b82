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

LiteralTrie::LiteralTrie(const std::vector<Entry>& entries) {
  // Built from the sorted strings without per-node containers: the strings
  // below a node form a contiguous range of the sorted order, and handing
  // out node numbers in queue order lays the nodes out breadth-first with
  // each node's edges contiguous and sorted by byte.
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
  };
  std::vector<Range> queue = {{0, static_cast<uint32_t>(order.size()), 0}};
  for (size_t q = 0; q < queue.size(); ++q) {
    const Range range = queue[q];
    Node node;
    uint32_t k = range.begin;
    node.terminal_begin = static_cast<uint32_t>(terminals_.size());
    for (; k < range.end && text(order[k]).size() == range.depth; ++k) {
      const Entry& entry = entries[order[k]];
      const std::vector<uint32_t>& b = entry.string.boundaries;
      terminals_.push_back(
          {entry.rule, entry.priority,
           static_cast<uint32_t>(boundaries_.size()),
           static_cast<uint32_t>(boundaries_.size() + b.size())});
      boundaries_.insert(boundaries_.end(), b.begin(), b.end());
      if (IsWordByte(static_cast<unsigned char>(entry.string.text[0])) &&
          !entry.string.lead_boundary()) {
        inside_words_ = true;
      }
    }
    node.terminal_end = static_cast<uint32_t>(terminals_.size());
    node.edge_begin = static_cast<uint32_t>(edges_.size());
    while (k < range.end) {
      const unsigned char c =
          static_cast<unsigned char>(text(order[k])[range.depth]);
      const uint32_t first = k;
      while (k < range.end &&
             static_cast<unsigned char>(text(order[k])[range.depth]) == c) {
        ++k;
      }
      edges_.push_back({c, static_cast<int>(queue.size())});
      queue.push_back({first, k, range.depth + 1});
    }
    node.edge_count = static_cast<uint32_t>(edges_.size()) - node.edge_begin;
    nodes_.push_back(node);
  }
  std::fill(std::begin(root_next_), std::end(root_next_), -1);
  for (uint32_t e = 0; e < nodes_[0].edge_count; ++e) {
    root_next_[edges_[e].byte] = edges_[e].node;
  }
}

int LiteralTrie::Child(int node, unsigned char c) const {
  const Node& n = nodes_[node];
  const Edge* first = edges_.data() + n.edge_begin;
  const Edge* last = first + n.edge_count;
  if (n.edge_count <= 8) {
    for (const Edge* e = first; e != last; ++e) {
      if (e->byte == c) return e->node;
    }
    return -1;
  }
  const Edge* e = std::lower_bound(
      first, last, c,
      [](const Edge& a, unsigned char b) { return a.byte < b; });
  return e != last && e->byte == c ? e->node : -1;
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
  const size_t n = text.size();
  const auto word = [&text, n](size_t i) {
    return i < n && IsWordByte(static_cast<unsigned char>(text[i]));
  };
  // RE2's \b: a word byte on exactly one side (outside the text counts as
  // non-word).
  const auto boundary = [&word](size_t i) {
    return (i > 0 && word(i - 1)) != word(i);
  };
  for (size_t i = 0; i < n; ++i) {
    // Unless some string may start inside a word, skip those positions: a
    // string that begins with a word byte then has a leading \b.
    if (!inside_words_ && i > 0 && word(i) && word(i - 1)) continue;
    int node = root_next_[static_cast<unsigned char>(text[i])];
    size_t j = i + 1;  // text[i, j) spells the path to `node`
    while (node >= 0) {
      const Node& nd = nodes_[node];
      for (uint32_t t = nd.terminal_begin; t < nd.terminal_end; ++t) {
        const Terminal& term = terminals_[t];
        bool ok = true;
        for (uint32_t b = term.boundary_begin; ok && b < term.boundary_end;
             ++b) {
          ok = boundary(i + boundaries_[b]);
        }
        if (ok) {
          found.push_back({term.rule, static_cast<uint32_t>(i), term.priority,
                           static_cast<uint32_t>(j)});
        }
      }
      if (j == n || nd.edge_count == 0) break;
      node = Child(node, static_cast<unsigned char>(text[j]));
      ++j;
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
