#include "findings/attributes.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <map>

namespace myelex {

namespace {

constexpr const char* kSeverities[] = {"",         "minimal",
                                       "mild",     "mild_to_moderate",
                                       "moderate", "moderate_to_severe",
                                       "severe"};
constexpr int kMaxSeverity = 6;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool StartsWith(std::string_view s, size_t pos, std::string_view prefix) {
  return s.size() >= pos + prefix.size() &&
         s.compare(pos, prefix.size(), prefix) == 0;
}

}  // namespace

int SeverityRank(std::string_view severity) {
  for (int i = 0; i <= kMaxSeverity; ++i) {
    if (severity == kSeverities[i]) return i;
  }
  return -1;
}

const char* SeverityName(int rank) {
  return (rank >= 1 && rank <= kMaxSeverity) ? kSeverities[rank] : "";
}

std::string SeverityRange(std::string_view low, std::string_view high) {
  int a = SeverityRank(low), b = SeverityRank(high);
  if (a > b) std::swap(a, b);
  if (a <= 0) return SeverityName(b);
  // Only the plain grades (mild 2, moderate 4, severe 6) form ranges.
  if (a == 2 && b == 4) return SeverityName(3);
  if (a == 4 && b == 6) return SeverityName(5);
  return SeverityName(b);
}

std::vector<int> KeepLongest(
    const std::vector<Mention>& mentions, const std::vector<int>& candidates,
    const std::function<bool(int kept, int candidate)>& may_share_span) {
  std::vector<int> order = candidates;
  // Best first: longest, then earliest, then lowest rule.
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const Mention& x = mentions[a];
    const Mention& y = mentions[b];
    if (x.norm.size() != y.norm.size()) return x.norm.size() > y.norm.size();
    if (x.norm.begin != y.norm.begin) return x.norm.begin < y.norm.begin;
    return x.rule < y.rule;
  });
  // Distinct kept spans never overlap one another, so ordered by (begin,
  // end) their ends are non-decreasing too: the only kept span that can
  // overlap [b, e) is the last one with begin < e. `first` maps each kept
  // span to the position (in `order`) of its first mention; `next` chains
  // the positions of the mentions kept on one span.
  std::map<NormSpan, int> first;
  std::vector<int> next(order.size(), -1);
  for (size_t p = 0; p < order.size(); ++p) {
    const int i = order[p];
    const NormSpan& s = mentions[i].norm;
    auto it = first.lower_bound(NormSpan(s.end, s.end));
    if (it != first.begin()) {
      auto prev = std::prev(it);
      if (prev->first.Overlaps(s)) {
        if (prev->first != s || !may_share_span) continue;
        bool shares = true;
        for (int k = prev->second; k >= 0 && shares; k = next[k]) {
          shares = may_share_span(order[k], i);
        }
        if (!shares) continue;
        next[p] = prev->second;
        prev->second = static_cast<int>(p);
        continue;
      }
    }
    // An empty span overlaps nothing, not even an identical one.
    auto [pos, inserted] = first.emplace(s, static_cast<int>(p));
    if (!inserted) {
      next[p] = pos->second;
      pos->second = static_cast<int>(p);
    }
  }
  std::vector<int> kept;
  kept.reserve(first.size());
  for (const auto& [span, head] : first) {
    const size_t from = kept.size();
    for (int k = head; k >= 0; k = next[k]) kept.push_back(order[k]);
    std::sort(kept.begin() + from, kept.end(), [&](int a, int b) {
      return mentions[a].rule < mentions[b].rule;
    });
  }
  return kept;
}

SpanUnion::SpanUnion(std::vector<NormSpan> spans) {
  std::sort(spans.begin(), spans.end());
  for (const NormSpan& s : spans) {
    if (!merged_.empty() && s.begin < merged_.back().end) {
      merged_.back().end = std::max(merged_.back().end, s.end);
    } else {
      merged_.push_back(s);
    }
  }
}

bool SpanUnion::Overlaps(const NormSpan& s) const {
  // The last merged span with begin < s.end has the greatest end of those.
  auto it = std::lower_bound(
      merged_.begin(), merged_.end(), s.end,
      [](const NormSpan& m, uint32_t end) { return m.begin < end; });
  if (it == merged_.begin()) return false;
  return std::prev(it)->Overlaps(s);
}

std::vector<int> AttributeMentions(const CompiledLexicon& lexicon,
                                   const std::vector<Mention>& mentions,
                                   std::string_view attribute) {
  std::vector<int> candidates;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Rule& rule = lexicon.rule(mentions[i].rule);
    if (rule.kind == RuleKind::kAttribute && rule.attribute == attribute) {
      candidates.push_back(static_cast<int>(i));
    }
  }
  return KeepLongest(mentions, candidates);
}

std::vector<Measurement> FindMeasurements(std::string_view text,
                                          uint32_t base_offset) {
  // Units in order of preference at one position (longest spelling first).
  struct Unit {
    std::string_view word;
    double factor;
  };
  static constexpr Unit kUnits[] = {
      {"millimeters", 1}, {"millimetres", 1},  {"millimeter", 1},
      {"millimetre", 1},  {"centimeters", 10}, {"centimetres", 10},
      {"centimeter", 10}, {"centimetre", 10},  {"mm", 1},
      {"cm", 10},
  };
  std::vector<Measurement> out;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsDigit(text[i]) ||
        (i > 0 && (IsAlnum(text[i - 1]) || text[i - 1] == '.'))) {
      ++i;
      continue;
    }
    size_t b = i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    if (i + 1 < text.size() && text[i] == '.' && IsDigit(text[i + 1])) {
      ++i;
      while (i < text.size() && IsDigit(text[i])) ++i;
    }
    size_t number_end = i;
    size_t u = i;
    if (u < text.size() && text[u] == ' ') ++u;
    for (const Unit& unit : kUnits) {
      if (!StartsWith(text, u, unit.word)) continue;
      size_t e = u + unit.word.size();
      if (e < text.size() && IsAlnum(text[e])) continue;
      std::string number(text.substr(b, number_end - b));
      Measurement m;
      m.span = NormSpan(base_offset + static_cast<uint32_t>(b),
                        base_offset + static_cast<uint32_t>(e));
      m.mm = std::strtod(number.c_str(), nullptr) * unit.factor;
      out.push_back(m);
      i = e;
      break;
    }
  }
  return out;
}

}  // namespace myelex
