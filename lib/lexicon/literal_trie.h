// LiteralTrie: the fast path for rules written as plain literals (internal to
// lib/lexicon/).
//
// A rule whose pattern column is "-" has the pattern
// PatternFromLiteral(literal) (lexicon_internal.h): the quoted literal with
// RE2's ASCII \b on each side that begins or ends with a word byte. Matching
// such a rule needs no regex engine: a byte trie walked from every position
// where a \b-wrapped literal may start finds every occurrence, and keeping,
// per rule, each occurrence that starts at or after the end of the previous
// kept one reproduces RE2's leftmost-first, non-overlapping scan exactly.
// compiled_lexicon_test and matcher_differential_test check that.
//
// Thread-safety: immutable after construction; FindAll() may be called
// concurrently. Copyable (plain data).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace myelex {

class LiteralTrie {
 public:
  struct Hit {
    int rule;
    uint32_t begin;
    uint32_t end;
  };

  // Builds the trie of (literal, rule) pairs. Several rules may share a
  // literal. REQUIRES: every literal is non-empty.
  explicit LiteralTrie(
      const std::vector<std::pair<std::string, int>>& literals = {});

  bool empty() const { return nodes_.size() <= 1; }

  // Appends to *out, for each rule, the occurrences RE2 would find for
  // PatternFromLiteral(literal) scanning `text` left to right without
  // overlaps, in order of begin (then end, then rule).
  void FindAll(std::string_view text, std::vector<Hit>* out) const;

 private:
  // Nodes in breadth-first order; node 0 is the root. The children of a node
  // are edges_[edge_begin, edge_begin + edge_count), sorted by byte.
  struct Node {
    uint32_t edge_begin = 0;
    uint32_t edge_count = 0;
    uint32_t rule_begin = 0;  // rules_[rule_begin, rule_end) end here
    uint32_t rule_end = 0;
    bool word_end = false;  // the literal's last byte is a word byte
  };
  struct Edge {
    unsigned char byte;
    int node;
  };

  int Child(int node, unsigned char c) const;

  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::vector<int> rules_;
  int root_next_[256];  // the root's children by byte (-1 if none)
};

}  // namespace myelex
