#include "lexicon/literal_trie.h"

#include <algorithm>
#include <map>

#include "lexicon/lexicon_internal.h"

namespace myelex {

using lexicon_internal::IsWordByte;

LiteralTrie::LiteralTrie(
    const std::vector<std::pair<std::string, int>>& literals) {
  // Build with maps, then lay the nodes out breadth-first in flat arrays so
  // that a walk touches few cache lines.
  struct BuildNode {
    std::map<unsigned char, int> next;
    std::vector<int> rules;
  };
  std::vector<BuildNode> build(1);
  for (const auto& [literal, rule] : literals) {
    int node = 0;
    for (char ch : literal) {
      const unsigned char c = static_cast<unsigned char>(ch);
      auto it = build[node].next.find(c);
      if (it == build[node].next.end()) {
        const int child = static_cast<int>(build.size());
        build[node].next.emplace(c, child);
        build.emplace_back();
        node = child;
      } else {
        node = it->second;
      }
    }
    build[node].rules.push_back(rule);
  }

  std::vector<int> order = {0};  // build index of each flat node
  std::vector<int> flat(build.size(), -1);
  flat[0] = 0;
  std::vector<unsigned char> last_byte(build.size(), 0);
  for (size_t i = 0; i < order.size(); ++i) {
    for (const auto& [c, child] : build[order[i]].next) {
      flat[child] = static_cast<int>(order.size());
      order.push_back(child);
      last_byte[child] = c;
    }
  }
  nodes_.resize(order.size());
  for (size_t i = 0; i < order.size(); ++i) {
    const BuildNode& b = build[order[i]];
    Node& n = nodes_[i];
    n.edge_begin = static_cast<uint32_t>(edges_.size());
    for (const auto& [c, child] : b.next) edges_.push_back({c, flat[child]});
    n.edge_count = static_cast<uint32_t>(b.next.size());
    n.rule_begin = static_cast<uint32_t>(rules_.size());
    rules_.insert(rules_.end(), b.rules.begin(), b.rules.end());
    std::sort(rules_.begin() + n.rule_begin, rules_.end());
    n.rule_end = static_cast<uint32_t>(rules_.size());
    n.word_end = i > 0 && IsWordByte(last_byte[order[i]]);
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
  const size_t first = out->size();
  const size_t n = text.size();
  const auto byte = [&text](size_t i) {
    return static_cast<unsigned char>(text[i]);
  };
  bool prev_word = false;
  for (size_t i = 0; i < n; ++i) {
    // A literal beginning with a word byte carries a leading \b, so it can
    // only start where the previous byte is not a word byte. One beginning
    // with another byte has no \b and may start anywhere.
    const bool word = IsWordByte(byte(i));
    const bool mid_word = word && prev_word;
    prev_word = word;
    if (mid_word) continue;
    int node = root_next_[byte(i)];
    size_t j = i + 1;  // text[i, j) spells the path to `node`
    while (node >= 0) {
      const Node& nd = nodes_[node];
      if (nd.rule_begin != nd.rule_end &&
          (!nd.word_end || j == n || !IsWordByte(byte(j)))) {
        for (uint32_t r = nd.rule_begin; r < nd.rule_end; ++r) {
          out->push_back(
              {rules_[r], static_cast<uint32_t>(i), static_cast<uint32_t>(j)});
        }
      }
      if (j == n || nd.edge_count == 0) break;
      node = Child(node, byte(j));
      ++j;
    }
  }
  // RE2 resumes its scan at the end of each match, so an occurrence that
  // overlaps the previous kept occurrence of the same rule is not reported.
  // All occurrences of a rule have the same length L, and hits are in begin
  // order, so only kept hits that begin after (begin - L) can overlap.
  size_t kept = first;
  for (size_t k = first; k < out->size(); ++k) {
    const Hit hit = (*out)[k];
    const uint32_t length = hit.end - hit.begin;
    bool overlaps = false;
    for (size_t p = kept; p > first; --p) {
      const Hit& prev = (*out)[p - 1];
      if (prev.begin + length <= hit.begin) break;
      if (prev.rule == hit.rule && prev.end > hit.begin) {
        overlaps = true;
        break;
      }
    }
    if (!overlaps) (*out)[kept++] = hit;
  }
  out->resize(kept);
}

}  // namespace myelex
