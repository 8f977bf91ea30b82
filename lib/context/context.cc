// ConText over sentences: scopes, blocking, conjuncts and precedence.
//
// The ideas follow medspacy's context_modifier.py (set_scope, limit_scope,
// modifies) and context_graph.py (update_scopes, apply_modifiers), rewritten
// as free functions over vectors. All offsets are normalized-text offsets.
#include "context/context.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "base/file.h"
#include "context/certainty.h"
#include "lexicon/lexicon_parser.h"

namespace myelex {

const char* ToString(Experiencer e) {
  return e == Experiencer::kPatient ? "patient" : "other";
}

namespace {

// A word or a conjunct separator in a sentence. Separators are the comma and
// the coordinating words "and", "or", "nor" (grammar, not vocabulary).
struct Token {
  uint32_t begin;
  uint32_t end;
  bool word;       // a run of letters/digits (non-ASCII bytes count as letters)
  bool separator;  // ",", "and", "or", "nor"
};

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         (c >= 'A' && c <= 'Z') || c >= 0x80;
}

std::vector<Token> Tokenize(std::string_view text, NormSpan span) {
  std::vector<Token> tokens;
  uint32_t i = span.begin;
  while (i < span.end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsWordByte(c)) {
      uint32_t j = i;
      while (j < span.end && IsWordByte(static_cast<unsigned char>(text[j]))) {
        ++j;
      }
      std::string_view w = text.substr(i, j - i);
      tokens.push_back({i, j, true, w == "and" || w == "or" || w == "nor"});
      i = j;
    } else {
      if (c == ',') tokens.push_back({i, i + 1, false, true});
      ++i;
    }
  }
  return tokens;
}

// Something that may end a scope at a conjunct: another cue, or a severity
// attribute mention ("moderate").
struct Breaker {
  NormSpan span;
  int cue = -1;  // index into ContextResult::cues; -1 for a severity mention
};

// Working view of one sentence.
struct SentenceWork {
  NormSpan span;
  SectionKind section = SectionKind::kNone;
  std::vector<int> scoped;        // active cues with a scope, by begin
  std::vector<NormSpan> terms;    // active terminators, by begin
  std::vector<Breaker> breakers;  // by begin
  std::vector<Token> tokens;
};

bool Overlaps(NormSpan a, NormSpan b) {
  return a.begin < b.end && b.begin < a.end;
}

// True if a word token in [from, to) is content: not a separator and not
// covered by a breaker (cue or severity mention).
bool HasContent(const SentenceWork& w, uint32_t from, uint32_t to) {
  for (const Token& t : w.tokens) {
    if (t.begin < from) continue;
    if (t.end > to) break;
    if (!t.word || t.separator) continue;
    bool covered = false;
    for (const Breaker& b : w.breakers) {
      if (b.span.begin <= t.begin && t.end <= b.span.end) {
        covered = true;
        break;
      }
    }
    if (!covered) return true;
  }
  return false;
}

// True if the last token ending at or before `pos` is a content word (see
// HasContent).
bool WordBeforeIsContent(const SentenceWork& w, uint32_t pos) {
  const Token* before = nullptr;
  for (const Token& t : w.tokens) {
    if (t.end > pos) break;
    before = &t;
  }
  return before != nullptr && HasContent(w, before->begin, before->end);
}

// True if a word in [from, to) is a finite form of "be" or "have" (grammar
// words only): the text there is a clause, not a noun phrase.
bool HasFiniteVerb(std::string_view text, const SentenceWork& w, uint32_t from,
                   uint32_t to) {
  for (const Token& t : w.tokens) {
    if (t.begin < from) continue;
    if (t.end > to) break;
    if (!t.word) continue;
    const std::string_view word = text.substr(t.begin, t.end - t.begin);
    for (std::string_view verb :
         {"is", "are", "was", "were", "has", "have", "had"}) {
      if (word == verb) return true;
    }
  }
  return false;
}

// True for the words that open a clause right after a conjunct separator:
// subject pronouns and finite "be"/"have" (grammar words only).
bool OpensClause(std::string_view word) {
  for (std::string_view w : {"i", "you", "he", "she", "we", "they", "it", "is",
                             "are", "was", "were", "has", "have", "had"}) {
    if (word == w) return true;
  }
  return false;
}

std::vector<NormSpan> SeparatorRuns(const SentenceWork& w, uint32_t from,
                                    uint32_t to);

// The begin of the first separator run in [from, to) that has content
// before it (from `from`, or anywhere when `content_before`) and is followed
// by a word that opens a clause; `to` if there is none.
uint32_t ClauseConjunct(std::string_view text, const SentenceWork& w,
                        uint32_t from, uint32_t to, bool content_before) {
  for (const NormSpan& r : SeparatorRuns(w, from, to)) {
    if (!content_before && !HasContent(w, from, r.begin)) continue;
    for (const Token& t : w.tokens) {
      if (t.begin < r.end || !t.word) continue;
      if (t.begin < to && OpensClause(text.substr(t.begin, t.end - t.begin))) {
        return r.begin;
      }
      break;
    }
  }
  return to;
}

// Separator runs (maximal sequences of separator tokens, e.g. ", and") that
// lie inside [from, to), in text order.
std::vector<NormSpan> SeparatorRuns(const SentenceWork& w, uint32_t from,
                                    uint32_t to) {
  std::vector<NormSpan> runs;
  bool open = false;
  for (const Token& t : w.tokens) {
    if (t.begin < from) continue;
    if (t.end > to) break;
    if (t.separator) {
      if (open) {
        runs.back().end = t.end;
      } else {
        runs.push_back(NormSpan(t.begin, t.end));
        open = true;
      }
    } else if (t.word) {
      open = false;
    }
  }
  return runs;
}

bool Forward(Direction d) {
  return d == Direction::kForward || d == Direction::kBoth;
}
bool Backward(Direction d) {
  return d == Direction::kBackward || d == Direction::kBoth;
}

class ContextRunner {
 public:
  ContextRunner(const Document& doc, const CompiledLexicon& lexicon,
                const std::vector<Mention>& mentions)
      : doc_(doc), lexicon_(lexicon), mentions_(mentions) {}

  ContextResult Run(const std::vector<ContextTarget>& targets);

 private:
  const Rule& RuleOf(int cue) const {
    return lexicon_.rule(mentions_[result_.cues[cue].mention].rule);
  }
  NormSpan SpanOf(int cue) const {
    return mentions_[result_.cues[cue].mention].norm;
  }
  int SentenceOfCue(int cue) const;
  void CollectCues();
  void ResolveOverlaps(const std::vector<int>& cues);
  void BuildSentence(int s, const std::vector<int>& cues,
                     const std::vector<int>& severities);
  void Scope(SentenceWork& w, int cue);
  Assertion Assert(const ContextTarget& target) const;

  const Document& doc_;
  const CompiledLexicon& lexicon_;
  const std::vector<Mention>& mentions_;
  ContextResult result_;
  std::vector<SentenceWork> work_;  // per sentence
};

int ContextRunner::SentenceOfCue(int cue) const {
  int s = mentions_[result_.cues[cue].mention].sentence;
  if (s < 0 || s >= static_cast<int>(doc_.sentences().size())) {
    s = SentenceOf(doc_, SpanOf(cue));
  }
  return s;
}

// Precedence rule 1 (certainty.h): the longest cue wins an overlap, pseudo
// cues win ties; two cues of different categories or directions on exactly
// the same span both stand.
void ContextRunner::ResolveOverlaps(const std::vector<int>& cues) {
  std::vector<int> order = cues;
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    uint32_t la = SpanOf(a).size(), lb = SpanOf(b).size();
    if (la != lb) return la > lb;
    bool pa = RuleOf(a).category == Category::kPseudo;
    bool pb = RuleOf(b).category == Category::kPseudo;
    return pa && !pb;
  });
  std::vector<int> kept;
  for (int c : order) {
    NormSpan sc = SpanOf(c);
    Category cat = RuleOf(c).category;
    bool blocked = false;
    for (int k : kept) {
      NormSpan sk = SpanOf(k);
      if (!Overlaps(sc, sk)) continue;
      Category kcat = RuleOf(k).category;
      // Twins: two cues on exactly the same span that differ in category
      // ("has resolved": negated and historical) or in direction (the
      // lexicon's way to give one word a scope of its own on each side:
      // "if" reaches the whole condition after it and only a few words of
      // the plan before it).
      bool twin = sc == sk &&
                  (cat != kcat || RuleOf(c).direction != RuleOf(k).direction) &&
                  cat != Category::kPseudo && kcat != Category::kPseudo;
      // A terminator that a longer cue swallowed ("equivocal;", "there is
      // possible") still ends scopes; only a pseudo cue removes it.
      bool terminator = cat == Category::kTerminate &&
                        kcat != Category::kPseudo &&
                        kcat != Category::kTerminate;
      if (!twin && !terminator) {
        blocked = true;
        break;
      }
    }
    if (blocked) {
      result_.cues[c].blocked = true;
    } else {
      kept.push_back(c);
    }
  }
}

void ContextRunner::CollectCues() {
  const size_t n_sent = doc_.sentences().size();
  work_.resize(n_sent);
  for (size_t s = 0; s < n_sent; ++s) {
    work_[s].span = doc_.sentences()[s].span;
    work_[s].section = doc_.SectionOf(static_cast<int>(s));
  }
  std::vector<std::vector<int>> cues_by_sentence(n_sent);
  std::vector<std::vector<int>> severity_by_sentence(n_sent);
  for (int i = 0; i < static_cast<int>(mentions_.size()); ++i) {
    const Mention& m = mentions_[i];
    if (m.rule < 0 || m.rule >= static_cast<int>(lexicon_.rules().size())) {
      continue;
    }
    const Rule& rule = lexicon_.rule(m.rule);
    if (rule.kind == RuleKind::kModifier) {
      Cue cue;
      cue.mention = i;
      cue.certainty = rule.certainty.value_or(Certainty::kDefinite);
      result_.cues.push_back(cue);
      if (n_sent == 0) continue;
      int c = static_cast<int>(result_.cues.size()) - 1;
      cues_by_sentence[SentenceOfCue(c)].push_back(c);
    } else if (rule.kind == RuleKind::kAttribute &&
               rule.attribute == "severity" && n_sent > 0) {
      int s = m.sentence;
      if (s < 0 || s >= static_cast<int>(n_sent)) s = SentenceOf(doc_, m.norm);
      severity_by_sentence[s].push_back(i);
    }
  }
  for (size_t s = 0; s < n_sent; ++s) {
    if (cues_by_sentence[s].empty()) continue;
    ResolveOverlaps(cues_by_sentence[s]);
    BuildSentence(static_cast<int>(s), cues_by_sentence[s],
                  severity_by_sentence[s]);
  }
}

void ContextRunner::BuildSentence(int s, const std::vector<int>& cues,
                                  const std::vector<int>& severities) {
  SentenceWork& w = work_[s];
  for (int c : cues) {
    if (result_.cues[c].blocked) continue;
    Category cat = RuleOf(c).category;
    if (cat == Category::kTerminate) {
      w.terms.push_back(SpanOf(c));
    } else if (IsScopedCategory(cat)) {
      w.scoped.push_back(c);
      w.breakers.push_back({SpanOf(c), c});
    }
  }
  if (w.scoped.empty()) return;
  for (int m : severities) {
    NormSpan sp = mentions_[m].norm;
    bool inside_cue = false;
    for (int c : cues) {
      if (!result_.cues[c].blocked && Overlaps(sp, SpanOf(c))) {
        inside_cue = true;
        break;
      }
    }
    if (!inside_cue) w.breakers.push_back({sp, -1});
  }
  auto by_begin = [](const NormSpan& a, const NormSpan& b) { return a < b; };
  std::sort(w.terms.begin(), w.terms.end(), by_begin);
  std::sort(w.breakers.begin(), w.breakers.end(),
            [](const Breaker& a, const Breaker& b) { return a.span < b.span; });
  std::stable_sort(w.scoped.begin(), w.scoped.end(),
                   [&](int a, int b) { return SpanOf(a) < SpanOf(b); });
  w.tokens = Tokenize(doc_.normalized(), w.span);
  for (int c : w.scoped) Scope(w, c);
}

// Gives cue `c` its scope (and, for forward certainty cues, passes its
// certainty to a cue nested in its scope). Cues are scoped in text order, so
// a cue's inherited certainty is final before its own scope is computed.
void ContextRunner::Scope(SentenceWork& w, int c) {
  Cue& cue = result_.cues[c];
  const Rule& rule = RuleOf(c);
  const NormSpan span = SpanOf(c);
  const bool certainty_cue = IsCertaintyCategory(rule.category);
  const uint32_t s_begin = std::min(w.span.begin, span.begin);
  const uint32_t s_end = std::max(w.span.end, span.end);

  uint32_t fwd_end = span.end;
  if (Forward(rule.direction)) {
    uint32_t e = s_end;
    for (const NormSpan& t : w.terms) {
      if (t.begin >= span.end) {
        e = std::min(e, t.begin);
        break;
      }
    }
    // Conjuncts are looked for up to the terminator, so that a breaker just
    // outside the word window still shapes it; max_scope clips afterwards.
    // End of the last hypothetical cue met so far ("recommend CT myelogram
    // for further evaluation of | possible X").
    uint32_t hyp_end = span.end;
    // A cue that also scopes backward and follows a content word already
    // has its conjunct ("CVA in 2017, no residual deficits": the date
    // belongs to the CVA and stops at the comma).
    const bool content_before =
        Backward(rule.direction) && WordBeforeIsContent(w, span.begin);
    // A conjunct that opens a clause of its own is outside the scope: "no
    // fever, and she has a productive cough", "denies fever and has a
    // cough".
    e = std::min(
        e, ClauseConjunct(doc_.normalized(), w, span.end, e, content_before));
    for (const Breaker& b : w.breakers) {
      if (b.cue == c || b.span.begin < span.end) continue;
      if (b.span.begin >= e) break;
      // A conjunct with content before it, followed by this breaker.
      std::vector<NormSpan> runs = SeparatorRuns(w, span.end, b.span.begin);
      bool cut = false;
      for (auto r = runs.rbegin(); r != runs.rend(); ++r) {
        if (content_before || HasContent(w, span.end, r->begin)) {
          e = r->begin;
          cut = true;
          break;
        }
      }
      if (cut) break;
      if (b.cue < 0) continue;
      Cue& inner = result_.cues[b.cue];
      const Rule& inner_rule = RuleOf(b.cue);
      if (inner_rule.category == Category::kHypothetical) {
        hyp_end = b.span.end;
        continue;
      }
      if (certainty_cue && IsCertaintyCategory(inner_rule.category) &&
          Forward(inner_rule.direction)) {
        inner.certainty = NestedCertainty(cue.certainty, inner.certainty);
        inner.nested_in = c;
        e = b.span.begin;
        break;
      }
      if (rule.category == Category::kHypothetical &&
          inner_rule.category == Category::kHedge &&
          Forward(inner_rule.direction) && inner_rule.certainty &&
          *inner_rule.certainty != Certainty::kDefinite &&
          w.section != SectionKind::kHistory &&
          !HasContent(w, hyp_end, b.span.begin)) {
        e = b.span.begin;
        break;
      }
    }
    if (rule.max_scope > 0) {
      int words = 0;
      for (const Token& t : w.tokens) {
        if (!t.word || t.begin < span.end) continue;
        if (++words == rule.max_scope) {
          e = std::min(e, t.end);
          break;
        }
      }
    }
    fwd_end = std::max(e, span.end);
  }

  uint32_t back_begin = span.begin;
  if (Backward(rule.direction)) {
    uint32_t bg = s_begin;
    for (auto t = w.terms.rbegin(); t != w.terms.rend(); ++t) {
      if (t->end <= span.begin) {
        bg = std::max(bg, t->end);
        break;
      }
    }
    for (auto b = w.breakers.rbegin(); b != w.breakers.rend(); ++b) {
      if (b->cue == c || b->span.end > span.begin) continue;
      if (b->span.end <= bg) break;
      std::vector<NormSpan> runs = SeparatorRuns(w, b->span.end, span.begin);
      bool cut = false;
      for (const NormSpan& r : runs) {
        if (HasContent(w, r.end, span.begin)) {
          bg = r.end;
          cut = true;
          break;
        }
      }
      if (cut) break;
      if (b->cue >= 0 && certainty_cue &&
          IsCertaintyCategory(RuleOf(b->cue).category)) {
        bg = b->span.end;
        break;
      }
    }
    // A coordinated clause with a finite verb of its own is outside the
    // scope: "the cord is in contact with the bar and compression cannot
    // be excluded" hedges only the compression ("X and Y cannot be
    // excluded", without a verb before "and", hedges both).
    {
      std::vector<NormSpan> runs = SeparatorRuns(w, bg, span.begin);
      for (auto r = runs.rbegin(); r != runs.rend(); ++r) {
        if (!HasContent(w, r->end, span.begin)) continue;
        if (HasFiniteVerb(doc_.normalized(), w, bg, r->begin)) bg = r->end;
        break;
      }
    }
    if (rule.max_scope > 0) {
      int words = 0;
      for (auto t = w.tokens.rbegin(); t != w.tokens.rend(); ++t) {
        if (!t->word || t->end > span.begin) continue;
        if (++words == rule.max_scope) {
          bg = std::max(bg, t->begin);
          break;
        }
      }
    }
    back_begin = std::min(bg, span.begin);
  }

  switch (rule.direction) {
    case Direction::kForward:
      cue.scope = NormSpan(span.end, fwd_end);
      break;
    case Direction::kBackward:
      cue.scope = NormSpan(back_begin, span.begin);
      break;
    case Direction::kBoth:
      cue.scope = NormSpan(back_begin, fwd_end);
      break;
    case Direction::kNone:
      break;
  }
}

Assertion ContextRunner::Assert(const ContextTarget& target) const {
  Assertion a;
  int s = target.sentence;
  if (s < 0 || s >= static_cast<int>(work_.size())) {
    s = SentenceOf(doc_, target.span);
  }
  if (s < 0) return a;
  const SentenceWork& w = work_[s];
  const NormSpan t = target.span;
  std::vector<CertaintyCandidate> candidates;
  std::vector<int> superseded;  // outer cues that rule 2b sets aside
  for (int c : w.scoped) {
    const Cue& cue = result_.cues[c];
    const NormSpan span = SpanOf(c);
    bool reached =
        Overlaps(t, span) || (!cue.scope.empty() && Overlaps(t, cue.scope)) ||
        (t.empty() && cue.scope.begin <= t.begin && t.begin < cue.scope.end);
    if (!reached) continue;
    const Rule& rule = RuleOf(c);
    switch (rule.category) {
      case Category::kNegation:
      case Category::kHedge: {
        uint32_t d = 0;
        if (t.begin >= span.end) {
          d = t.begin - span.end;
        } else if (span.begin >= t.end) {
          d = span.begin - t.end;
        }
        Certainty certainty = cue.certainty;
        if (cue.nested_in >= 0 && t.end <= span.begin) {
          // Precedence rule 2b: the target is the subject of a nested
          // clausal cue ("it is not unlikely that X represents Y"): the
          // cue's own certainty applies and the outer cue does not.
          certainty = rule.certainty.value_or(Certainty::kDefinite);
          superseded.push_back(cue.nested_in);
        }
        candidates.push_back({c, certainty, d});
        break;
      }
      case Category::kHistorical:
        a.historical = true;
        a.cues.push_back(c);
        break;
      case Category::kHypothetical:
        a.hypothetical = true;
        a.cues.push_back(c);
        break;
      case Category::kExperiencer:
        a.experiencer = Experiencer::kOther;
        a.cues.push_back(c);
        break;
      default:
        break;
    }
  }
  // The historical flag is the patient's timeline: another person's
  // condition is not historical ("father with history of prostate cancer",
  // "grandfather had a stroke in his 60s"), like "family history of".
  if (a.experiencer == Experiencer::kOther && a.historical) {
    a.historical = false;
    a.cues.erase(
        std::remove_if(
            a.cues.begin(), a.cues.end(),
            [&](int c) { return RuleOf(c).category == Category::kHistorical; }),
        a.cues.end());
  }
  if (!superseded.empty()) {
    candidates.erase(
        std::remove_if(candidates.begin(), candidates.end(),
                       [&](const CertaintyCandidate& x) {
                         return std::find(superseded.begin(), superseded.end(),
                                          x.cue) != superseded.end();
                       }),
        candidates.end());
  }
  int best = ChooseCertainty(candidates);
  if (best >= 0) {
    a.certainty = candidates[best].certainty;
    a.certainty_cue = candidates[best].cue;
    a.cues.push_back(a.certainty_cue);
    // A cue reached forward carries the certainty of the cues it is nested
    // in; list them too.
    if (t.begin >= SpanOf(a.certainty_cue).end) {
      for (int c = result_.cues[a.certainty_cue].nested_in; c >= 0;
           c = result_.cues[c].nested_in) {
        a.cues.push_back(c);
      }
    }
  }
  std::sort(a.cues.begin(), a.cues.end());
  a.cues.erase(std::unique(a.cues.begin(), a.cues.end()), a.cues.end());
  return a;
}

ContextResult ContextRunner::Run(const std::vector<ContextTarget>& targets) {
  CollectCues();
  result_.assertions.reserve(targets.size());
  for (const ContextTarget& t : targets) {
    result_.assertions.push_back(Assert(t));
  }
  return std::move(result_);
}

}  // namespace

int SentenceOf(const Document& doc, NormSpan s) {
  const std::vector<Sentence>& sents = doc.sentences();
  if (sents.empty()) return -1;
  // The last sentence whose span begins at or before s.begin.
  auto it = std::upper_bound(
      sents.begin(), sents.end(), s.begin,
      [](uint32_t pos, const Sentence& x) { return pos < x.span.begin; });
  if (it == sents.begin()) return 0;
  return static_cast<int>(it - sents.begin()) - 1;
}

ContextResult ApplyContext(const Document& doc, const CompiledLexicon& lexicon,
                           const std::vector<Mention>& mentions,
                           const std::vector<ContextTarget>& targets,
                           const ContextOptions& /*options*/) {
  return ContextRunner(doc, lexicon, mentions).Run(targets);
}

Status LoadContextLexicon(const std::string& dir, Lexicon* lexicon,
                          std::vector<std::string>* problems) {
  std::vector<std::string> paths;
  MYELEX_RETURN_IF_ERROR(ListFiles(dir, ".tsv", &paths));
  const size_t first_problem = problems->size();
  std::vector<Rule> rules;
  for (const std::string& path : paths) {
    std::string_view name(path);
    size_t slash = name.rfind('/');
    if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
    auto starts = [&](std::string_view p) {
      return name.substr(0, p.size()) == p;
    };
    if (!starts("modifiers_") && !starts("sections") &&
        !starts("attributes_") && !starts("abbreviations")) {
      continue;
    }
    std::string text;
    Status st = ReadFileToString(path, &text);
    if (!st.ok()) {
      problems->push_back(st.ToString());
      continue;
    }
    ParseLexicon(text, path, &rules, problems);
  }
  std::unordered_set<std::string> ids;
  for (Rule& rule : rules) {
    bool keep =
        rule.kind == RuleKind::kModifier || rule.kind == RuleKind::kSection ||
        (rule.kind == RuleKind::kAttribute &&
         (rule.attribute == "severity" || rule.attribute == "abbreviation"));
    if (!keep) continue;
    if (!ids.insert(rule.id).second) {
      problems->push_back(rule.source + ": duplicate id '" + rule.id + "'");
      continue;
    }
    lexicon->rules.push_back(std::move(rule));
  }
  if (problems->size() > first_problem) {
    return Status::InvalidArgument(dir, (*problems)[first_problem]);
  }
  return Status::OK();
}

}  // namespace myelex
