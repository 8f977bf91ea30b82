// LiteralTrie: the fast path for rules whose pattern is a finite set of
// literal strings (internal to lib/lexicon/).
//
// Most lexicon patterns are alternations of phrases, such as
// "\b(?:equivocal|indeterminate)\b" or "\bvs\.?", and every rule written as
// a plain literal is "\bliteral\b". Such a pattern is an ordered list of
// strings, each with an optional \b before and after it. RE2's
// leftmost-first scan then reduces to: at the leftmost position where some
// string occurs (with its \b conditions), take the first string in
// preference order; resume after it. An Aho-Corasick automaton over the
// strings' byte trie finds every occurrence of every string in one pass, so
// a sentence costs one scan instead of one RE2 search per rule.
// compiled_lexicon_test and matcher_differential_test check that the result
// equals RE2's.
//
// Thread-safety: immutable after construction; FindAll() may be called
// concurrently. Copyable (plain data).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace myelex {

// One string of a literal-only pattern.
struct LiteralString {
  std::string text;  // non-empty
  // Offsets in [0, text.size()] where RE2's \b must hold, ascending (0: a
  // leading \b, text.size(): a trailing one).
  std::vector<uint32_t> boundaries;

  bool lead_boundary() const {
    return !boundaries.empty() && boundaries.front() == 0;
  }
};

// If `pattern` is in the literal subset of RE2 syntax, appends its strings
// to *out in RE2's preference order (leftmost-first: alternatives in order,
// `X?` tries X first) and returns true. The subset: literal characters and
// escaped punctuation, \t, \n, groups ((...), (?:...)), `|`, a greedy `?`,
// character classes of ASCII characters and ranges ([- ], [a-c]), \d, and
// \b. Returns false, leaving *out unchanged, for anything else (other
// quantifiers, flags, anchors, `.`, negated classes, an empty string) or if
// there would be more than `max_strings` strings.
bool ExpandLiteralPattern(std::string_view pattern, size_t max_strings,
                          std::vector<LiteralString>* out);

class LiteralTrie {
 public:
  struct Entry {
    LiteralString string;
    int rule;      // the rule the string belongs to
    int priority;  // its rank in the rule's preference order (0 = first)
  };
  struct Hit {
    int rule;
    uint32_t begin;
    uint32_t end;
  };

  explicit LiteralTrie(const std::vector<Entry>& entries = {});

  bool empty() const { return terminals_.empty(); }

  // Appends to *out, for each rule, exactly the matches RE2 would find for
  // the rule's pattern scanning `text` leftmost-first without overlaps.
  // Ordered by rule, then begin.
  void FindAll(std::string_view text, std::vector<Hit>* out) const;

 private:
  // The strings' trie as a double array (Aoe, 1989): the child of the node
  // in cell p by byte b is the cell q = cells_[p].base + byte_class_[b] if
  // cells_[q].check == p, so a step costs one add and one compare. Cell 0 is
  // the root. The array is padded so that every lookup stays inside it.
  // With the Aho-Corasick fail and output links, one pass over the text
  // finds every occurrence of every string.
  static constexpr int32_t kFree = -1;
  static constexpr int32_t kRootCheck = -2;
  struct Cell {
    uint32_t base = 0;            // children at base + class (0: no children)
    int32_t check = kFree;        // the parent's cell, kFree, or kRootCheck
    uint32_t fail = 0;            // the longest proper suffix in the trie
    uint32_t output = 0;          // the nearest fail-chain cell ending a
                                  // string, 0 if none
    uint32_t terminal_begin = 0;  // terminals_[terminal_begin, terminal_end)
    uint32_t terminal_end = 0;    // are the strings that end here
  };
  struct Terminal {
    int rule;
    int priority;
    uint32_t length;          // of the string
    uint32_t boundary_begin;  // boundaries_[boundary_begin, boundary_end)
    uint32_t boundary_end;
  };
  class FreeCells;  // the construction's free-cell list

  // The automaton's state after reading a byte of class `byte_class` (> 0)
  // in the state `cell`.
  uint32_t Next(uint32_t cell, uint32_t byte_class) const;

  std::vector<Cell> cells_;
  std::vector<Terminal> terminals_;
  std::vector<uint32_t> boundaries_;
  uint8_t byte_class_[256];  // 0 for bytes that no string contains
};

}  // namespace myelex
