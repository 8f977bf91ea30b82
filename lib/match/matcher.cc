#include "match/matcher.h"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <utility>

namespace myelex {

namespace {

bool MentionLess(const Mention& a, const Mention& b) {
  return std::tie(a.sentence, a.norm.begin, a.norm.end, a.rule) <
         std::tie(b.sentence, b.norm.begin, b.norm.end, b.rule);
}

// Converts a sentence-relative match into a document Mention.
Mention MakeMention(const Document& doc, int sentence, uint32_t sentence_begin,
                    int rule, uint32_t begin, uint32_t end) {
  Mention m;
  m.rule = rule;
  m.norm = NormSpan(sentence_begin + begin, sentence_begin + end);
  m.span = doc.ToOriginal(m.norm);
  m.sentence = sentence;
  return m;
}

}  // namespace

std::string Mention::DebugString() const {
  return "Mention{rule=" + std::to_string(rule) +
         " sentence=" + std::to_string(sentence) + " norm=[" +
         std::to_string(norm.begin) + "," + std::to_string(norm.end) +
         ") span=[" + std::to_string(span.begin) + "," +
         std::to_string(span.end) + ")}";
}

std::vector<Mention> Match(const CompiledLexicon& lexicon,
                           const Document& doc) {
  std::vector<Mention> mentions;
  std::vector<CompiledLexicon::RuleMatch> matches;
  const std::vector<Sentence>& sentences = doc.sentences();
  mentions.reserve(4 * sentences.size());  // a few per sentence is usual
  for (int s = 0; s < static_cast<int>(sentences.size()); ++s) {
    const NormSpan span = sentences[s].span;
    matches.clear();
    lexicon.FindAllRules(doc.Text(span), &matches);
    for (const CompiledLexicon::RuleMatch& m : matches) {
      mentions.push_back(
          MakeMention(doc, s, span.begin, m.rule, m.begin, m.end));
    }
  }
  std::sort(mentions.begin(), mentions.end(), MentionLess);
  return mentions;
}

std::vector<Mention> MatchBruteForce(const CompiledLexicon& lexicon,
                                     const Document& doc) {
  std::vector<Mention> mentions;
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  const std::vector<Sentence>& sentences = doc.sentences();
  const int rule_count = static_cast<int>(lexicon.rules().size());
  for (int s = 0; s < static_cast<int>(sentences.size()); ++s) {
    const NormSpan span = sentences[s].span;
    const std::string_view text = doc.Text(span);
    for (int rule = 0; rule < rule_count; ++rule) {
      spans.clear();
      lexicon.FindAll(rule, text, &spans);
      for (const auto& m : spans) {
        mentions.push_back(
            MakeMention(doc, s, span.begin, rule, m.first, m.second));
      }
    }
  }
  std::sort(mentions.begin(), mentions.end(), MentionLess);
  return mentions;
}

}  // namespace myelex
