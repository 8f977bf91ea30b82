#include "lexicon/literal_trie.h"

#include <algorithm>

#include "lexicon/lexicon_internal.h"

namespace myelex {

using lexicon_internal::IsWordByte;

LiteralTrie::LiteralTrie() : nodes_(1) {
  std::fill(std::begin(root_next_), std::end(root_next_), -1);
}

int LiteralTrie::Child(int node, unsigned char c) const {
  if (node == 0) return root_next_[c];
  const auto& next = nodes_[node].next;
  auto it = std::lower_bound(next.begin(), next.end(), c,
                             [](const std::pair<unsigned char, int>& e,
                                unsigned char b) { return e.first < b; });
  return it != next.end() && it->first == c ? it->second : -1;
}

void LiteralTrie::Add(std::string_view literal, int rule) {
  int node = 0;
  for (char ch : literal) {
    const unsigned char c = static_cast<unsigned char>(ch);
    int child = Child(node, c);
    if (child < 0) {
      child = static_cast<int>(nodes_.size());
      nodes_.emplace_back();
      if (node == 0) {
        root_next_[c] = child;
      } else {
        auto& next = nodes_[node].next;
        next.insert(
            std::upper_bound(next.begin(), next.end(), std::make_pair(c, -1)),
            {c, child});
      }
    }
    node = child;
  }
  nodes_[node].rules.push_back(rule);
  nodes_[node].word_end =
      IsWordByte(static_cast<unsigned char>(literal.back()));
  ++literal_count_;
}

void LiteralTrie::FindAll(std::string_view text, std::vector<Hit>* out) const {
  if (empty()) return;
  const size_t first = out->size();
  const size_t n = text.size();
  const auto byte = [&text](size_t i) {
    return static_cast<unsigned char>(text[i]);
  };
  for (size_t i = 0; i < n; ++i) {
    // A literal beginning with a word byte carries a leading \b, so it can
    // only start where the previous byte is not a word byte. One beginning
    // with another byte has no \b and may start anywhere.
    if (i > 0 && IsWordByte(byte(i)) && IsWordByte(byte(i - 1))) continue;
    int node = root_next_[byte(i)];
    size_t j = i + 1;  // text[i, j) is the path to `node`
    while (node >= 0) {
      const Node& nd = nodes_[node];
      if (!nd.rules.empty() &&
          (!nd.word_end || j == n || !IsWordByte(byte(j)))) {
        for (int rule : nd.rules) {
          out->push_back(
              {rule, static_cast<uint32_t>(i), static_cast<uint32_t>(j)});
        }
      }
      if (j == n) break;
      node = Child(node, byte(j));
      ++j;
    }
  }
  // Hits were produced in begin order; group them by rule and keep, as RE2's
  // scan does, each occurrence that starts at or after the previous kept end.
  auto begin = out->begin() + first;
  std::stable_sort(begin, out->end(),
                   [](const Hit& a, const Hit& b) { return a.rule < b.rule; });
  auto kept = begin;
  for (auto it = begin; it != out->end(); ++it) {
    if (kept != begin && (kept - 1)->rule == it->rule &&
        it->begin < (kept - 1)->end) {
      continue;
    }
    *kept++ = *it;
  }
  out->erase(kept, out->end());
}

}  // namespace myelex
