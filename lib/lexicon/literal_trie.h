// LiteralTrie: the fast path for rules whose pattern is a finite set of
// literal strings (internal to lib/lexicon/).
//
// Most lexicon patterns are alternations of phrases, such as
// "\b(?:equivocal|indeterminate)\b" or "\bvs\.?", and every rule written as
// a plain literal is "\bliteral\b". Such a pattern is an ordered list of
// strings, each with an optional \b before and after it. RE2's
// leftmost-first scan then reduces to: at the leftmost position where some
// string occurs (with its \b conditions), take the first string in
// preference order; resume after it. A byte trie finds every occurrence of
// every string in one pass, so a sentence costs one walk instead of one RE2
// search per rule. compiled_lexicon_test and matcher_differential_test check
// that the result equals RE2's.
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

  // When every string that begins with a word byte ([0-9A-Za-z_]) has a
  // leading \b, the walk skips positions inside words.
  explicit LiteralTrie(const std::vector<Entry>& entries = {});

  bool empty() const { return nodes_.size() <= 1; }

  // Appends to *out, for each rule, exactly the matches RE2 would find for
  // the rule's pattern scanning `text` leftmost-first without overlaps.
  // Ordered by rule, then begin.
  void FindAll(std::string_view text, std::vector<Hit>* out) const;

 private:
  // Nodes in breadth-first order; node 0 is the root. The children of a node
  // are edges_[edge_begin, edge_begin + edge_count), sorted by byte.
  struct Node {
    uint32_t edge_begin = 0;
    uint32_t edge_count = 0;
    uint32_t terminal_begin = 0;  // terminals_[terminal_begin, terminal_end)
    uint32_t terminal_end = 0;    // are the strings that end here
  };
  struct Edge {
    unsigned char byte;
    int node;
  };
  struct Terminal {
    int rule;
    int priority;
    uint32_t boundary_begin;  // boundaries_[boundary_begin, boundary_end)
    uint32_t boundary_end;
  };

  int Child(int node, unsigned char c) const;

  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::vector<Terminal> terminals_;
  std::vector<uint32_t> boundaries_;
  bool inside_words_ = false;  // some string may start inside a word
  int root_next_[256];         // the root's children by byte (-1 if none)
};

}  // namespace myelex
