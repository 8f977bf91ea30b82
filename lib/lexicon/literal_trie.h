// LiteralTrie: the fast path for rules written as plain literals (internal to
// lib/lexicon/).
//
// A rule whose pattern column is "-" has the pattern
// PatternFromLiteral(literal) (lexicon_internal.h): the quoted literal with
// RE2's ASCII \b on each side that begins or ends with a word byte. Matching
// such a rule needs no regex engine: a byte trie walked from every position
// where a \b-wrapped literal may start finds every occurrence, and keeping,
// per rule, the leftmost occurrences that do not overlap the previous kept
// one reproduces RE2's leftmost-first, non-overlapping FindAll exactly.
// matcher_differential_test checks that over the corpus.
//
// Thread-safety: immutable after the last Add(); const methods may be called
// concurrently. Copyable (plain data).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace myelex {

class LiteralTrie {
 public:
  struct Hit {
    int rule;
    uint32_t begin;
    uint32_t end;
  };

  LiteralTrie();

  // Adds `literal` for `rule`. Several rules may share a literal.
  // REQUIRES: !literal.empty(); no FindAll() call is running.
  void Add(std::string_view literal, int rule);

  bool empty() const { return literal_count_ == 0; }

  // Appends to *out, for each added rule, the occurrences RE2 would find for
  // PatternFromLiteral(literal) scanning `text` left to right without
  // overlaps. Hits are grouped by rule and ordered by begin within a rule.
  void FindAll(std::string_view text, std::vector<Hit>* out) const;

 private:
  struct Node {
    // Children sorted by byte; small for all nodes but the root.
    std::vector<std::pair<unsigned char, int>> next;
    std::vector<int> rules;  // rules whose literal ends here
    bool word_end = false;   // the literal's last byte is a word byte
  };

  int Child(int node, unsigned char c) const;

  std::vector<Node> nodes_;  // nodes_[0] is the root
  int root_next_[256];       // root children by byte (-1 if none)
  int literal_count_ = 0;
};

}  // namespace myelex
