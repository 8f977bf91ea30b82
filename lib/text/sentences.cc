#include "text/sentences.h"

#include <algorithm>

namespace myelex {

AbbreviationSet::AbbreviationSet(std::vector<std::string> tokens)
    : sorted_(std::move(tokens)) {
  std::sort(sorted_.begin(), sorted_.end());
  sorted_.erase(std::unique(sorted_.begin(), sorted_.end()), sorted_.end());
  for (const std::string& s : sorted_)
    max_size_ = std::max(max_size_, s.size());
}

bool AbbreviationSet::Contains(std::string_view token) const {
  if (token.size() > max_size_) return false;
  return std::binary_search(
      sorted_.begin(), sorted_.end(), token,
      [](std::string_view a, std::string_view b) { return a < b; });
}

namespace {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || IsDigit(c) ||
         static_cast<unsigned char>(c) >= 0x80;
}
inline bool IsTerminal(char c) { return c == '.' || c == '?' || c == '!'; }

// Position after one or two digits at `p`, or p.
size_t SkipDigits(std::string_view t, size_t p) {
  size_t q = p;
  while (q < t.size() && q - p < 2 && IsDigit(t[q])) ++q;
  if (q < t.size() && IsDigit(t[q])) return p;  // three digits: not a marker
  return q;
}

bool SpaceOrEnd(std::string_view t, size_t p) {
  return p >= t.size() || t[p] == ' ' || t[p] == '\n';
}

// If a list marker starts at `p`, returns the position after it; else p.
// Numbered markers: "1.", "2)", "(3)" followed by a space, newline or the end
// (so "1.5 mm" is no marker). Bullets ('-', '*', and the bullet characters
// U+2022, U+00B7, U+25AA, U+25E6) only when `bullets`.
size_t MatchListMarker(std::string_view t, size_t p, bool bullets) {
  if (p >= t.size()) return p;
  if (IsDigit(t[p])) {
    const size_t q = SkipDigits(t, p);
    if (q > p && q < t.size() && (t[q] == '.' || t[q] == ')') &&
        SpaceOrEnd(t, q + 1)) {
      return q + 1;
    }
    return p;
  }
  if (t[p] == '(' && p + 1 < t.size() && IsDigit(t[p + 1])) {
    const size_t q = SkipDigits(t, p + 1);
    if (q > p + 1 && q < t.size() && t[q] == ')' && SpaceOrEnd(t, q + 1)) {
      return q + 1;
    }
    return p;
  }
  if (!bullets) return p;
  if ((t[p] == '-' || t[p] == '*') && p + 1 < t.size() && t[p + 1] == ' ') {
    return p + 1;
  }
  for (std::string_view b :
       {"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x96\xAA", "\xE2\x97\xA6"}) {
    if (t.substr(p, b.size()) == b) return p + b.size();
  }
  return p;
}

// True if a short "label:" starts at `p`: one to three words (the first
// starting with a letter) and a colon followed by a space, newline or end.
bool StartsLabel(std::string_view t, size_t p) {
  const size_t limit = std::min(t.size(), p + 40);
  if (p >= limit || !(t[p] >= 'a' && t[p] <= 'z')) return false;
  int words = 1;
  for (size_t q = p; q < limit; ++q) {
    const char c = t[q];
    if (c == ':') return q > p && t[q - 1] != ' ' && SpaceOrEnd(t, q + 1);
    if (c == ' ') {
      if (++words > 3) return false;
    } else if (c == '\n' || c == ',' || c == ';' || IsTerminal(c)) {
      return false;
    }
  }
  return false;
}

// True if the period at `dot` ends a known abbreviation.
bool EndsAbbreviation(std::string_view t, size_t start, size_t dot,
                      const AbbreviationSet& abbreviations) {
  size_t b = dot;
  while (b > start && dot + 1 - b <= 16) {
    const char c = t[b - 1];
    if (c == ' ' || c == '\n' || c == '(' || c == '[' || c == '"' ||
        c == '\'' || c == ',' || c == ';') {
      break;
    }
    --b;
  }
  return abbreviations.Contains(t.substr(b, dot + 1 - b));
}

}  // namespace

namespace {

// If a disc level ("c5-6", "c5-c6", "c5/6", "c 5 - 6", "c7-t1") starts at
// `p`, returns its end; else p.
size_t MatchDiscLevel(std::string_view t, size_t p) {
  const size_t n = t.size();
  auto region = [&](size_t q) { return q < n && (t[q] == 'c' || t[q] == 't'); };
  size_t q = p;
  if (!region(q)) return p;
  ++q;
  if (q < n && t[q] == ' ') ++q;
  size_t d = SkipDigits(t, q);
  if (d == q) return p;
  q = d;
  if (q < n && t[q] == ' ') ++q;
  if (q >= n || (t[q] != '-' && t[q] != '/')) return p;
  ++q;
  if (q < n && t[q] == ' ') ++q;
  if (region(q)) ++q;
  d = SkipDigits(t, q);
  return d == q ? p : d;
}

// If a joiner of two levels in a header list or range (", ", " and ",
// " through ", " to ", ...) starts at `p`, returns its end; else p.
size_t MatchLevelJoiner(std::string_view t, size_t p) {
  size_t q = p;
  if (q < t.size() && t[q] == ',') ++q;
  if (q < t.size() && t[q] == ' ') ++q;
  for (std::string_view w : {"and", "through", "thru", "to"}) {
    if (t.substr(q, w.size()) == w && q + w.size() < t.size() &&
        t[q + w.size()] == ' ') {
      return q + w.size() + 1;
    }
  }
  return q;
}

}  // namespace

bool MatchLevelHeader(std::string_view t, size_t pos, NormSpan* label,
                      size_t* after) {
  const size_t n = t.size();
  size_t label_end = MatchDiscLevel(t, pos);
  if (label_end == pos) return false;
  // Lists and ranges: "c3-4 and c4-5:", "c2-c3 through c4-c5:".
  for (;;) {
    const size_t j = MatchLevelJoiner(t, label_end);
    if (j == label_end) break;
    const size_t e = MatchDiscLevel(t, j);
    if (e == j) break;
    label_end = e;
  }
  size_t q = label_end;
  if (q < n && t[q] == ' ') ++q;
  if (t.substr(q, 5) == "level") {  // "c2-3 level:", "c2-3 levels:"
    q += 5;
    if (q < n && t[q] == 's') ++q;
    if (q < n && t[q] == ' ') ++q;
  }
  if (q >= n || t[q] != ':') return false;
  if (q + 1 < n && IsDigit(t[q + 1])) return false;  // a time, not a header
  *label =
      NormSpan(static_cast<uint32_t>(pos), static_cast<uint32_t>(label_end));
  *after = q + 1;
  return true;
}

namespace {

// Appends t[start, end) as one sentence, or, when it is longer than
// kMaxSentenceBytes (run-on text with no sentence end, e.g. a whole report
// scraped into one line of commas), as several pieces cut at the last clause
// break (',' or ';') or space before the limit. Real sentences are far
// shorter; the bound keeps every later per-sentence stage (ConText scopes,
// finding attachment) linear in the report size.
void AppendBounded(std::string_view t, size_t start, size_t end,
                   int section_index, NormSpan level,
                   std::vector<Sentence>* out) {
  while (start < end) {
    size_t stop = end;
    if (end - start > kMaxSentenceBytes) {
      const size_t limit = start + kMaxSentenceBytes;
      size_t cut = limit;
      while (cut > start && t[cut - 1] != ',' && t[cut - 1] != ';') --cut;
      if (cut == start) {
        cut = limit;
        while (cut > start && t[cut - 1] != ' ') --cut;
      }
      if (cut == start) {  // no break at all: cut at a character boundary
        cut = limit;
        while (cut > start &&
               (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) {
          --cut;
        }
      }
      stop = cut;
    }
    size_t e = stop;
    while (e > start && (t[e - 1] == ' ' || t[e - 1] == '\n' ||
                         t[e - 1] == ',' || t[e - 1] == ';')) {
      --e;
    }
    if (std::any_of(t.begin() + start, t.begin() + e, IsAlnum)) {
      Sentence s;
      s.span = NormSpan(static_cast<uint32_t>(start), static_cast<uint32_t>(e));
      s.section = section_index;
      s.level_header = level;
      out->push_back(s);
    }
    start = stop;
    while (start < end && (t[start] == ' ' || t[start] == '\n')) ++start;
  }
}

}  // namespace

void SplitSection(std::string_view text, const Section& section,
                  int section_index, const AbbreviationSet& abbreviations,
                  std::vector<Sentence>* out) {
  // Work on a view that ends with the body, so no lookahead crosses into the
  // next section.
  const std::string_view t = text.substr(0, section.body.end);
  const size_t lo = section.body.begin, hi = section.body.end;
  NormSpan level;
  bool in_level = false;
  bool level_inline = false;  // the level header line has content after ':'
  NormSpan unused;
  size_t unused_after = 0;

  size_t i = lo;
  while (i < hi) {
    // Separators between sentences; a blank line ends a level paragraph.
    int newlines = 0;
    while (i < hi &&
           (t[i] == ' ' || t[i] == '\n' || t[i] == ',' || t[i] == ';')) {
      if (t[i] == '\n') ++newlines;
      ++i;
    }
    if (newlines >= 2) in_level = false;
    if (i >= hi) break;
    size_t k = i;
    while (k > lo && t[k - 1] == ' ') --k;
    const bool at_line_start = k == lo || t[k - 1] == '\n';

    // List markers and level headers are not part of the sentence.
    bool after_prefix = false;
    for (;;) {
      const size_t m = MatchListMarker(t, i, /*bullets=*/true);
      size_t after = 0;
      NormSpan label;
      if (m > i) {
        i = m;
      } else if (MatchLevelHeader(t, i, &label, &after)) {
        level = label;
        in_level = true;
        size_t p = after;
        while (p < hi && t[p] == ' ') ++p;
        level_inline = p < hi && t[p] != '\n';
        i = after;
      } else {
        break;
      }
      after_prefix = true;
      while (i < hi && (t[i] == ' ' || t[i] == '\n')) ++i;
    }
    if (i >= hi) break;
    // In one-line level paragraphs ("c5-6: ..."), a new line starting with
    // another label ("other levels:", "spinal cord:") changes the topic.
    if (in_level && level_inline && at_line_start && !after_prefix &&
        StartsLabel(t, i)) {
      in_level = false;
    }

    const size_t start = i;
    const bool heading_candidate = at_line_start && !after_prefix;
    bool first_line = true;
    size_t line_begin = start;
    size_t end = hi, next = hi;

    // Decides whether the newline at `j` ends the sentence.
    auto newline_ends = [&](size_t j) {
      size_t e = j;
      while (e > line_begin && t[e - 1] == ' ') --e;
      if (e == line_begin) return true;
      // A line without a letter or digit ("-----") is a rule, not prose.
      if (!std::any_of(t.begin() + line_begin, t.begin() + e, IsAlnum)) {
        return true;
      }
      const char last = t[e - 1];
      if (last == ':') return true;
      size_t p = j + 1;
      while (p < hi && t[p] == ' ') ++p;
      if (p >= hi || t[p] == '\n') return true;  // blank line or body end
      {
        const size_t nl = t.find('\n', p);
        const size_t line_end = nl == std::string_view::npos ? hi : nl;
        if (!std::any_of(t.begin() + p, t.begin() + line_end, IsAlnum)) {
          return true;  // the next line is a rule
        }
      }
      if (MatchListMarker(t, p, true) > p) return true;
      if (MatchLevelHeader(t, p, &unused, &unused_after)) return true;
      if (StartsLabel(t, p)) return true;
      if (first_line && heading_candidate && e - start <= 40 &&
          std::count(t.begin() + start, t.begin() + e, ' ') < 4 &&
          last != ',' && last != '-' && last != '/' && last != '(' &&
          last != '&' && last != '.') {
        return true;
      }
      return false;
    };
    // Decides whether the comma at `j` is a scraped line break before a
    // level header, a numbered item or (without a space) a short label.
    auto comma_ends = [&](size_t j) {
      size_t p = j + 1;
      if (p < hi && StartsLabel(t, p)) return true;
      while (p < hi && t[p] == ' ') ++p;
      if (MatchListMarker(t, p, /*bullets=*/false) > p) return true;
      return MatchLevelHeader(t, p, &unused, &unused_after);
    };

    size_t j = start;
    while (j < hi) {
      const char c = t[j];
      if (IsTerminal(c)) {
        size_t q = j + 1;
        while (q < hi && IsTerminal(t[q])) ++q;
        size_t r = q;
        while (r < hi &&
               (t[r] == ')' || t[r] == ']' || t[r] == '"' || t[r] == '\'')) {
          ++r;
        }
        const bool boundary =
            r >= hi || t[r] == ' ' || t[r] == '\n' || t[r] == ',';
        // A '?' not attached to a word ("csf. ? mild cord signal",
        // "stenosis, ? cord signal") is a hedge on what follows.
        const bool hedge =
            c == '?' && (j == start || t[j - 1] == ' ' || t[j - 1] == ',' ||
                         t[j - 1] == '(' || t[j - 1] == '\n');
        // An abbreviation's period ends nothing, unless a level header
        // follows ("on the rt. c5-6: ...").
        const bool abbreviation =
            c == '.' && q == j + 1 &&
            EndsAbbreviation(t, start, j, abbreviations) &&
            !(r + 1 < hi && t[r] == ' ' &&
              MatchLevelHeader(t, r + 1, &unused, &unused_after));
        if (boundary && !hedge && !abbreviation) {
          end = next = r;
          break;
        }
        j = q;
      } else if (c == '\n') {
        if (newline_ends(j)) {
          end = next = j;
          break;
        }
        first_line = false;
        line_begin = j + 1;
        ++j;
      } else if (c == ',') {
        if (comma_ends(j)) {
          end = next = j;
          break;
        }
        ++j;
      } else {
        ++j;
      }
    }

    while (end > start && (t[end - 1] == ' ' || t[end - 1] == '\n' ||
                           t[end - 1] == ',' || t[end - 1] == ';')) {
      --end;
    }
    AppendBounded(t, start, end, section_index, in_level ? level : NormSpan(),
                  out);
    i = next;
  }
}

void SplitSentences(std::string_view text, const std::vector<Section>& sections,
                    const AbbreviationSet& abbreviations,
                    std::vector<Sentence>* out) {
  for (size_t k = 0; k < sections.size(); ++k) {
    SplitSection(text, sections[k], static_cast<int>(k), abbreviations, out);
  }
}

}  // namespace myelex
