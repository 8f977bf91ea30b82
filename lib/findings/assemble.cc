#include "findings/assemble.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "findings/attributes.h"
#include "findings/exam.h"
#include "findings/spinal_level.h"

namespace myelex {

namespace {

// Attachment windows, in words between the attribute and the target.
constexpr int kLevelRightAfterWords = 2;  // "compression at C5-6"
constexpr int kLevelAfterWords = 6;       // "bulge and LF thickening at C5-6"
constexpr int kPrenominalWords = 3;       // "moderate left foraminal ..."
constexpr int kSeverityAfterWords = 5;    // "stenosis, which remains moderate"
constexpr int kLateralityAfterWords = 4;  // "foraminal narrowing on the left"
constexpr int kMeasureAfterWords = 8;     // "narrows the canal to 8 mm"

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Number of words in doc.normalized()[begin, end).
int WordsBetween(std::string_view text, uint32_t begin, uint32_t end) {
  int words = 0;
  bool in_word = false;
  for (uint32_t i = begin; i < end && i < text.size(); ++i) {
    bool w = IsWordChar(text[i]);
    if (w && !in_word) ++words;
    in_word = w;
  }
  return words;
}

// True if the gap text joins two separate statements rather than a finding
// and its location: a comma, a semicolon, or a coordinating word. Only
// grammar words live here; clinical words belong in lexicons/.
bool GapHasJoint(std::string_view text, uint32_t begin, uint32_t end) {
  if (end <= begin) return false;
  std::string_view gap = text.substr(begin, end - begin);
  if (gap.find_first_of(",;") != std::string_view::npos) return true;
  // A joint word with a space or a gap end on each side.
  for (std::string_view joint :
       {"and", "or", "with", "there", "while", "whereas", "but"}) {
    for (size_t p = gap.find(joint); p != std::string_view::npos;
         p = gap.find(joint, p + 1)) {
      const size_t e = p + joint.size();
      if ((p == 0 || gap[p - 1] == ' ') && (e == gap.size() || gap[e] == ' ')) {
        return true;
      }
    }
  }
  return false;
}

// The clause of a sentence around [begin, end): bounded by ';' and the
// sentence ends.
NormSpan ClauseOf(std::string_view text, NormSpan sentence, NormSpan target) {
  uint32_t b = sentence.begin, e = sentence.end;
  for (uint32_t i = target.begin; i > sentence.begin; --i) {
    if (text[i - 1] == ';') {
      b = i;
      break;
    }
  }
  for (uint32_t i = target.end; i < sentence.end; ++i) {
    if (text[i] == ';') {
      e = i;
      break;
    }
  }
  return NormSpan(b, e);
}

std::vector<std::string> Canonical(const std::vector<SpinalLevel>& levels) {
  std::vector<SpinalLevel> sorted = levels;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::vector<std::string> out;
  for (const SpinalLevel& l : sorted) out.push_back(l.ToString());
  return out;
}

// The level mentions of one sentence, anaphora resolved.
struct SentenceLevels {
  std::vector<NormSpan> spans;
  std::vector<std::vector<SpinalLevel>> levels;  // parallel to spans
  std::vector<bool> inline_header;  // parallel: "c5-6:" inside the sentence
  std::vector<bool> operated;       // parallel: "the fused levels"
  std::vector<SpinalLevel> header;  // level paragraph header
  std::vector<SpinalLevel> explicit_union;  // explicit mentions only
  // The sentence's topic level: its first level mention when no finding
  // precedes it ("At C5-C6, ...", "C5-6 left paracentral protrusion ...").
  int topic = -1;  // index into spans
  // For a sentence without levels of its own: the topic carried from the
  // previous sentences of the same paragraph.
  std::vector<SpinalLevel> carried;
};

// True if text[begin, end) holds a blank line (a paragraph break).
bool HasBlankLine(std::string_view text, uint32_t begin, uint32_t end) {
  int newlines = 0;
  for (uint32_t i = begin; i < end && i < text.size(); ++i) {
    if (text[i] == '\n') {
      if (++newlines == 2) return true;
    } else if (text[i] != ' ') {
      newlines = 0;
    }
  }
  return false;
}

// Concepts that name a diagnosis (rather than a sign, device, imaging
// finding or surgery) when they appear in a clinical history.
bool IsHistoryDiagnosis(const std::string& concept) {
  return concept == "myelopathy" || concept == "demyelinating_disease" ||
         concept == "myelitis" || concept == "spinal_infection" ||
         concept == "spinal_neoplasm" || concept == "cord_ischemia" ||
         concept == "vascular_malformation";
}

bool TakesLevels(const std::string& concept) {
  return concept != "clinical_myelopathy" && concept != "mri_contraindication";
}

bool TakesLaterality(ConceptGroup g) {
  return g == ConceptGroup::kForamina || g == ConceptGroup::kCauses;
}

bool TakesMeasurement(ConceptGroup g) {
  return g == ConceptGroup::kCanal || g == ConceptGroup::kCauses;
}

// Indices into `targets` (kept target mention indices) of the targets that
// lie inside [begin, end).
bool AnyTargetIn(const std::vector<Mention>& mentions,
                 const std::vector<int>& targets, uint32_t begin,
                 uint32_t end) {
  for (int t : targets) {
    const NormSpan& s = mentions[t].norm;
    if (s.begin < end && begin < s.end) return true;
  }
  return false;
}

// Target mentions after overlap resolution: an `ignore` mention suppresses
// every target it overlaps; among overlapping targets the longest wins
// (then the earlier, then the lower rule), except that an identical span
// keeps one mention per concept (a coordinated phrase such as "central and
// foraminal stenosis" names two findings).
std::vector<int> ResolveTargets(const CompiledLexicon& lexicon,
                                const std::vector<Mention>& mentions) {
  std::vector<NormSpan> ignores;
  std::vector<int> targets;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Rule& rule = lexicon.rule(mentions[i].rule);
    if (rule.kind != RuleKind::kTarget) continue;
    if (rule.concept == "ignore") {
      ignores.push_back(mentions[i].norm);
    } else {
      targets.push_back(static_cast<int>(i));
    }
  }
  if (!ignores.empty()) {
    const SpanUnion ignored(std::move(ignores));
    targets.erase(std::remove_if(targets.begin(), targets.end(),
                                 [&](int t) {
                                   return ignored.Overlaps(mentions[t].norm);
                                 }),
                  targets.end());
  }
  return KeepLongest(mentions, targets, [&](int kept, int candidate) {
    return lexicon.rule(mentions[kept].rule).concept !=
           lexicon.rule(mentions[candidate].rule).concept;
  });
}

class Assembler {
 public:
  Assembler(const Document& doc, const CompiledLexicon& lexicon,
            const std::vector<Mention>& mentions)
      : doc_(doc),
        text_(doc.normalized()),
        lexicon_(lexicon),
        mentions_(mentions) {}

  FindingsResult Run() {
    FindingsResult result;
    targets_ = ResolveTargets(lexicon_, mentions_);
    // One pass sorts the attribute mentions by attribute (the same result
    // as AttributeMentions for each).
    static constexpr std::string_view kAttributes[] = {
        "severity", "laterality", "polarity", "level_scope",
        "modality", "region",     "contrast", "recommends"};
    constexpr size_t kNumAttributes = std::size(kAttributes);
    std::vector<int> by_attribute[kNumAttributes];
    for (size_t i = 0; i < mentions_.size(); ++i) {
      const Rule& rule = lexicon_.rule(mentions_[i].rule);
      if (rule.kind != RuleKind::kAttribute) continue;
      for (size_t a = 0; a < kNumAttributes; ++a) {
        if (rule.attribute == kAttributes[a]) {
          by_attribute[a].push_back(static_cast<int>(i));
          break;
        }
      }
    }
    for (std::vector<int>& pool : by_attribute) {
      pool = KeepLongest(mentions_, pool);
    }
    severity_ = std::move(by_attribute[0]);
    laterality_ = std::move(by_attribute[1]);
    polarity_ = std::move(by_attribute[2]);
    level_scope_ = std::move(by_attribute[3]);
    ResolveLevels();
    ResolveOperatedLevels();

    // ConText over the findings, and over the exam and recommendation
    // attributes (to drop "prior MRI" and "no follow-up is needed").
    std::vector<ContextTarget> context_targets;
    context_targets.reserve(targets_.size() + by_attribute[4].size() +
                            by_attribute[5].size() + by_attribute[6].size() +
                            by_attribute[7].size());
    for (int t : targets_) {
      context_targets.push_back({mentions_[t].norm, mentions_[t].sentence});
    }
    std::vector<int> extra;
    for (size_t a = 4; a < kNumAttributes; ++a) {
      for (int i : by_attribute[a]) {
        extra.push_back(i);
        context_targets.push_back({mentions_[i].norm, mentions_[i].sentence});
      }
    }
    result.context = ApplyContext(doc_, lexicon_, mentions_, context_targets);
    result.context.assertions.resize(context_targets.size());
    std::vector<Assertion> extra_assertions(
        result.context.assertions.begin() + targets_.size(),
        result.context.assertions.end());
    result.context.assertions.resize(targets_.size());

    result.findings.reserve(targets_.size());
    for (size_t i = 0; i < targets_.size(); ++i) {
      result.findings.push_back(MakeFinding(
          targets_[i], result.context.assertions[i], result.context));
    }
    AddEllipticalConjuncts(&result.findings);

    std::vector<bool> excluded(mentions_.size(), false);
    for (size_t k = 0; k < extra.size(); ++k) {
      const Assertion& a = extra_assertions[k];
      const Rule& rule = lexicon_.rule(mentions_[extra[k]].rule);
      if (rule.attribute == "recommends") {
        excluded[extra[k]] = a.certainty == Certainty::kNegated ||
                             a.experiencer != Experiencer::kPatient;
      } else {
        excluded[extra[k]] = a.historical;
      }
    }
    result.exam = ReadExamFacts(doc_, lexicon_, mentions_, excluded);
    result.report_recommends = Recommends(excluded);
    return result;
  }

 private:
  Finding MakeFinding(int t, const Assertion& assertion,
                      const ContextResult& context) {
    const Mention& m = mentions_[t];
    const Rule& rule = lexicon_.rule(m.rule);
    const ConceptGroup group = GroupOf(rule.concept);
    Finding f;
    f.concept = rule.concept;
    f.certainty = assertion.certainty;
    f.historical = assertion.historical;
    f.hypothetical = assertion.hypothetical;
    f.experiencer = assertion.experiencer;
    f.cues = assertion.cues;
    f.span = m.span;
    f.rule = m.rule;
    f.sentence = m.sentence;
    f.section = doc_.SectionOf(m.sentence);

    const Sentence& sentence = doc_.sentences()[m.sentence];
    const NormSpan clause = ClauseOf(text_, sentence.span, m.norm);
    if (group != ConceptGroup::kContext) f.severity = Severity(t, clause);
    if (TakesLaterality(group)) f.laterality = Laterality(t, clause);
    if (TakesMeasurement(group)) f.measurement_mm = Measure(t, clause);

    // Polarity phrases overlapping the finding's own phrase: "negated" ones
    // state its absence ("foramina are patent"); "affirmed" ones mark a
    // negative word that is part of what the phrase names ("could not
    // tolerate the MRI", "no CSF around the cord", "not well visualized"),
    // so a cue inside the phrase does not negate or hedge it.
    bool negated = false, affirmed = false;
    for (int p : polarity_) {
      if (!mentions_[p].norm.Overlaps(m.norm)) continue;
      const std::string& value = lexicon_.rule(mentions_[p].rule).value;
      negated |= value == "negated";
      affirmed |= value == "affirmed";
    }
    if (affirmed && assertion.certainty_cue >= 0) {
      const Cue& cue = context.cues[assertion.certainty_cue];
      if (m.norm.Contains(mentions_[cue.mention].norm)) {
        f.certainty = Certainty::kDefinite;
      }
    }
    if (negated) f.certainty = Certainty::kNegated;
    if (TakesLevels(f.concept)) {
      f.levels = Levels(t, clause, f.certainty == Certainty::kNegated);
    }

    // Section policy (contract section 2): imaging findings named in the
    // clinical history are the question the study should answer ("cervical
    // stenosis?", "cord compression"), unless a cue makes them known
    // history. Symptoms, signs, devices and diagnoses there are facts, and
    // hypothetical only when a question cue says so ("r/o myelopathy");
    // myelopathy is a clinical diagnosis ("CSM. Pre-operative planning.").
    // A diagnosis the referrer only suspects ("?myelopathy", "Possible
    // demyelination.", "likely MS") is the question, not a known diagnosis;
    // a suspected sign ("Hyperreflexia?") stays a (possible) fact.
    if (f.section == SectionKind::kHistory && !f.historical &&
        IsHistoryDiagnosis(f.concept) &&
        (f.certainty == Certainty::kPossible ||
         f.certainty == Certainty::kProbable)) {
      f.hypothetical = true;
    }
    if (f.section == SectionKind::kHistory && !f.historical &&
        f.concept != "myelopathy" &&
        (group == ConceptGroup::kCord || group == ConceptGroup::kCanal ||
         group == ConceptGroup::kForamina || group == ConceptGroup::kCauses)) {
      f.hypothetical = true;
    }
    return f;
  }

  void ResolveLevels() {
    const std::vector<Sentence>& sentences = doc_.sentences();
    levels_.assign(sentences.size(), SentenceLevels());
    std::vector<SpinalLevel> previous;  // explicit levels of the last
                                        // sentence of this section with some
    std::vector<SpinalLevel> topic;     // topic of the current paragraph
    int previous_section = -1;
    size_t first_target = 0;  // first target of the current sentence
    for (size_t s = 0; s < sentences.size(); ++s) {
      const Sentence& sentence = sentences[s];
      if (sentence.section != previous_section ||
          (s > 0 && HasBlankLine(text_, sentences[s - 1].span.end,
                                 sentence.span.begin))) {
        previous.clear();
        topic.clear();
      }
      previous_section = sentence.section;
      SentenceLevels& sl = levels_[s];
      if (!sentence.level_header.empty()) {
        // The sentences of a level paragraph share its header.
        const bool same_header =
            s > 0 && sentences[s - 1].level_header == sentence.level_header;
        sl.header = same_header
                        ? levels_[s - 1].header
                        : ParseLevelHeader(doc_.Text(sentence.level_header));
        topic.clear();
      }
      while (first_target < targets_.size() &&
             mentions_[targets_[first_target]].sentence < static_cast<int>(s)) {
        ++first_target;
      }
      uint32_t first_finding = sentence.span.end;
      if (first_target < targets_.size() &&
          mentions_[targets_[first_target]].sentence == static_cast<int>(s)) {
        first_finding = mentions_[targets_[first_target]].norm.begin;
      }
      for (const LevelMention& lm :
           FindLevels(doc_.Text(sentence.span), sentence.span.begin)) {
        std::vector<SpinalLevel> levels;
        if (lm.kind == LevelMention::Kind::kExplicit) {
          levels = lm.levels;
          sl.explicit_union.insert(sl.explicit_union.end(), levels.begin(),
                                   levels.end());
        } else {
          // "at this level": the nearest earlier level of this sentence,
          // else the level paragraph, else the previous sentence.
          for (size_t k = sl.spans.size(); k > 0; --k) {
            if (!sl.levels[k - 1].empty()) {
              levels = sl.levels[k - 1];
              break;
            }
          }
          if (levels.empty()) {
            levels = !sl.header.empty() ? sl.header : previous;
          }
        }
        uint32_t after = lm.span.end;
        while (after < sentence.span.end && text_[after] == ' ') ++after;
        sl.operated.push_back(lm.kind == LevelMention::Kind::kOperated);
        sl.inline_header.push_back(after < sentence.span.end &&
                                   text_[after] == ':');
        if (sl.spans.empty() && lm.span.end <= first_finding &&
            !levels.empty()) {
          sl.topic = 0;
        }
        sl.spans.push_back(lm.span);
        sl.levels.push_back(std::move(levels));
      }
      if (!sl.explicit_union.empty()) previous = sl.explicit_union;
      if (sl.topic >= 0) {
        // Only a level that opens the sentence and is set off by a comma or
        // colon ("At C4-C5, ...") scopes the following sentences.
        const NormSpan& t = sl.spans[sl.topic];
        uint32_t after = t.end;
        while (after < sentence.span.end && text_[after] == ' ') ++after;
        bool opens = WordsBetween(text_, sentence.span.begin, t.begin) <= 2 &&
                     after < sentence.span.end &&
                     (text_[after] == ',' || text_[after] == ':');
        if (opens) {
          topic = sl.levels[sl.topic];
        } else {
          topic.clear();
        }
      } else if (sl.spans.empty() && sl.header.empty()) {
        sl.carried = topic;
      } else if (!sl.spans.empty()) {
        topic.clear();  // a sentence with its own levels ends the topic
      }
    }
  }

  // An elliptical second conjunct repeats the finding at another level with
  // its own severity: "moderate canal narrowing at C5-6 and mild at C4-5"
  // is also a mild narrowing at C4-5. The conjunct is a severity word right
  // after "and", "or", "but" or a comma, then at most one word ("at") and a
  // level that ends the clause or is followed by a comma or a coordinator,
  // with no target between the finding and it. The copy keeps the
  // finding's concept and assertion; its span is the conjunct. Findings are
  // appended after the per-target ones (which stay parallel to the targets).
  void AddEllipticalConjuncts(std::vector<Finding>* findings) {
    const size_t n = targets_.size();
    for (size_t i = 0; i < n; ++i) {
      if ((*findings)[i].severity.empty() || (*findings)[i].levels.empty()) {
        continue;
      }
      const Mention& m = mentions_[targets_[i]];
      const NormSpan clause =
          ClauseOf(text_, doc_.sentences()[m.sentence].span, m.norm);
      uint32_t limit = clause.end;
      for (int o : targets_) {
        const NormSpan& on = mentions_[o].norm;
        if (mentions_[o].sentence == m.sentence && on.begin >= m.norm.end) {
          limit = std::min(limit, on.begin);
        }
      }
      const SentenceLevels& sl = levels_[m.sentence];
      for (int a : severity_) {
        const NormSpan& s = mentions_[a].norm;
        if (mentions_[a].sentence != m.sentence || s.begin < m.norm.end ||
            s.end > limit) {
          continue;
        }
        if (!FollowsCoordinator(s.begin, m.norm.end)) continue;
        int level = -1;
        for (size_t k = 0; k < sl.spans.size(); ++k) {
          if (sl.spans[k].begin >= s.end && !sl.levels[k].empty() &&
              sl.spans[k].end <= limit &&
              WordsBetween(text_, s.end, sl.spans[k].begin) <= 1 &&
              !GapHasJoint(text_, s.end, sl.spans[k].begin)) {
            level = static_cast<int>(k);
            break;
          }
        }
        if (level < 0 || !EndsConjunct(sl.spans[level].end, clause.end)) {
          continue;
        }
        Finding g = (*findings)[i];
        g.severity = lexicon_.rule(mentions_[a].rule).value;
        g.levels = Canonical(sl.levels[level]);
        if (g.levels == (*findings)[i].levels) continue;
        g.span = doc_.ToOriginal(NormSpan(s.begin, sl.spans[level].end));
        findings->push_back(std::move(g));
      }
    }
  }

  // True if the text right before `pos` (after `from`) is a coordinator:
  // ", ", "and", "or", "but" (grammar words only).
  bool FollowsCoordinator(uint32_t pos, uint32_t from) const {
    uint32_t e = pos;
    while (e > from && text_[e - 1] == ' ') --e;
    if (e > from && text_[e - 1] == ',') return true;
    uint32_t b = e;
    while (b > from && IsWordChar(text_[b - 1])) --b;
    if (b > from && IsWordChar(text_[b - 1])) return false;
    std::string_view w = text_.substr(b, e - b);
    return w == "and" || w == "or" || w == "but";
  }

  // True if a conjunct ending at `end` closes its clause: only spaces and
  // punctuation before `clause_end`, or a comma or coordinator next.
  bool EndsConjunct(uint32_t end, uint32_t clause_end) const {
    uint32_t p = end;
    while (p < clause_end && text_[p] == ' ') ++p;
    if (p >= clause_end) return true;
    const char c = text_[p];
    if (c == ',' || c == '.' || c == ';' || c == ')' || c == ':') return true;
    std::string_view rest = text_.substr(p, clause_end - p);
    for (std::string_view w : {"and ", "or ", "but "}) {
      if (rest.substr(0, w.size()) == w) return true;
    }
    return false;
  }

  // "The fused/operated levels" name the levels of the surgery the report
  // describes: the union of the levels of its `postoperative` findings.
  // Without any, such a mention keeps the ordinary anaphora resolution.
  void ResolveOperatedLevels() {
    bool any = false;
    for (const SentenceLevels& sl : levels_) {
      for (bool o : sl.operated) any |= o;
    }
    if (!any) return;
    std::vector<SpinalLevel> operated;
    for (int t : targets_) {
      const Mention& m = mentions_[t];
      if (lexicon_.rule(m.rule).concept != "postoperative") continue;
      const NormSpan clause =
          ClauseOf(text_, doc_.sentences()[m.sentence].span, m.norm);
      for (const std::string& level : Levels(t, clause, false)) {
        SpinalLevel l;
        if (ParseCanonicalLevel(level, &l)) operated.push_back(l);
      }
    }
    if (operated.empty()) return;
    // Surgery spans disc levels: vertebrae named for screws or laminae are
    // covered by the disc levels when there are any.
    if (std::any_of(operated.begin(), operated.end(),
                    [](const SpinalLevel& l) { return l.IsDisc(); })) {
      operated.erase(
          std::remove_if(operated.begin(), operated.end(),
                         [](const SpinalLevel& l) { return !l.IsDisc(); }),
          operated.end());
    }
    std::sort(operated.begin(), operated.end());
    operated.erase(std::unique(operated.begin(), operated.end()),
                   operated.end());
    for (SentenceLevels& sl : levels_) {
      for (size_t k = 0; k < sl.operated.size(); ++k) {
        if (sl.operated[k]) sl.levels[k] = operated;
      }
    }
  }

  // Levels of target `t`, from level mentions in its clause (';' bounds a
  // clause), in this order: a level inside the target span; a level right
  // after it ("compression at C5-6", at most two words, no comma or "and");
  // a topic level that opens the clause before every target ("At C5-6, a
  // disc-osteophyte complex ... flattens the cord") or an inline level
  // header ("... c5-6: moderate stenosis"); a level shortly after it
  // ("bulge and flavum thickening at C5-6"); the nearest level before (with
  // the levels listed just before it). Failing those, unless the clause
  // says "elsewhere": the sentence's topic level (across ';'), the level
  // paragraph header ("C5-6: ..."), any later level of the clause, the
  // topic carried from earlier sentences of the paragraph. Anaphora ("at
  // this level") were resolved by ResolveLevels. A level followed by ':'
  // opens what follows and never attaches backwards.
  std::vector<std::string> Levels(int t, NormSpan clause,
                                  bool negated_whole_cord) {
    const Mention& m = mentions_[t];
    const SentenceLevels& sl = levels_[m.sentence];
    int before = -1, after = -1;
    for (size_t k = 0; k < sl.spans.size(); ++k) {
      const NormSpan& s = sl.spans[k];
      if (s.begin < clause.begin || s.end > clause.end) continue;
      if (sl.levels[k].empty()) continue;
      if (s.begin < m.norm.end && m.norm.begin < s.end) {
        return Canonical(sl.levels[k]);  // a level inside the span
      }
      if (s.end <= m.norm.begin) before = static_cast<int>(k);
      if (s.begin >= m.norm.end && after < 0 && !sl.inline_header[k]) {
        after = static_cast<int>(k);
      }
    }
    int chosen = -1;
    if (after >= 0) {
      const NormSpan& a = sl.spans[after];
      int gap = WordsBetween(text_, m.norm.end, a.begin);
      bool right_after = gap <= kLevelRightAfterWords &&
                         !GapHasJoint(text_, m.norm.end, a.begin) &&
                         !AnyTargetIn(mentions_, targets_, m.norm.end, a.begin);
      if (right_after) chosen = after;
    }
    if (chosen < 0 && before >= 0) {
      const NormSpan& b = sl.spans[before];
      if (sl.inline_header[before] ||
          !AnyTargetIn(mentions_, targets_, clause.begin, b.begin)) {
        chosen = before;
      }
    }
    // With a paragraph header or topic to fall back on, a level after a
    // comma is a "worst at C4-5" aside, not the finding's own level.
    const bool has_fallback = !sl.header.empty() || sl.topic >= 0;
    if (chosen < 0 && after >= 0 &&
        WordsBetween(text_, m.norm.end, sl.spans[after].begin) <=
            kLevelAfterWords &&
        !(has_fallback &&
          text_.substr(m.norm.end, sl.spans[after].begin - m.norm.end)
                  .find(',') != std::string_view::npos)) {
      chosen = after;
    }
    if (chosen < 0) chosen = before;
    if (chosen >= 0) {
      std::vector<SpinalLevel> levels = sl.levels[chosen];
      if (chosen == before &&
          WordsBetween(text_, sl.spans[before].end, m.norm.begin) <=
              kLevelRightAfterWords) {
        // A list of levels written before the finding, each with its own
        // qualifiers ("severe left C5-6 and moderate left C6-7 foraminal
        // stenosis"): joined by "and" or a comma, no finding in between.
        for (int k = before - 1; k >= 0; --k) {
          const uint32_t gap_begin = sl.spans[k].end;
          const uint32_t gap_end = sl.spans[k + 1].begin;
          if (sl.spans[k].begin < clause.begin || sl.inline_header[k] ||
              WordsBetween(text_, gap_begin, gap_end) > kPrenominalWords ||
              !GapHasJoint(text_, gap_begin, gap_end) ||
              AnyTargetIn(mentions_, targets_, gap_begin, m.norm.begin)) {
            break;
          }
          levels.insert(levels.end(), sl.levels[k].begin(), sl.levels[k].end());
        }
      }
      return Canonical(levels);
    }
    // "Elsewhere", "other levels": not the levels of the topic or header.
    for (int a : level_scope_) {
      const NormSpan& s = mentions_[a].norm;
      if (clause.begin <= s.begin && s.end <= clause.end) return {};
    }
    if (sl.topic >= 0 && sl.spans[sl.topic].end <= m.norm.begin) {
      return Canonical(sl.levels[sl.topic]);
    }
    // A clause that names no level takes its sentence's ("severe stenosis
    // at C4-5; cord compression cannot be excluded"): the levels of the
    // clauses before it, else of those after it.
    {
      bool clause_has_level = false;
      std::vector<SpinalLevel> earlier, later;
      for (size_t k = 0; k < sl.spans.size(); ++k) {
        const NormSpan& s = sl.spans[k];
        if (sl.levels[k].empty()) continue;
        if (s.end <= clause.begin) {
          earlier.insert(earlier.end(), sl.levels[k].begin(),
                         sl.levels[k].end());
        } else if (s.begin >= clause.end) {
          later.insert(later.end(), sl.levels[k].begin(), sl.levels[k].end());
        } else {
          clause_has_level = true;
        }
      }
      if (!clause_has_level && !earlier.empty()) return Canonical(earlier);
      if (!clause_has_level && !later.empty()) return Canonical(later);
    }
    if (!sl.header.empty()) return Canonical(sl.header);
    if (after >= 0) return Canonical(sl.levels[after]);
    // A negated statement about the cord's signal describes the whole cord
    // ("The cord signal is normal."), not the level of the paragraph.
    if (lexicon_.rule(m.rule).concept == "cord_signal_abnormality" &&
        negated_whole_cord) {
      return {};
    }
    return Canonical(sl.carried);
  }

  // True if attribute mention `a` directly precedes a target other than
  // `t` (it then qualifies that one: "..., moderate foraminal narrowing").
  bool PrenominalToOther(int a, int t) {
    const NormSpan& s = mentions_[a].norm;
    for (int o : targets_) {
      if (o == t) continue;
      const NormSpan& on = mentions_[o].norm;
      if (on.begin < s.end) continue;
      if (mentions_[o].sentence != mentions_[a].sentence) continue;
      if (WordsBetween(text_, s.end, on.begin) <= kPrenominalWords &&
          !AnyTargetIn(mentions_, targets_, s.end, on.begin) &&
          !GapHasJoint(text_, s.end, on.begin)) {
        return true;
      }
    }
    return false;
  }

  // Attribute mentions (from `pool`) attached to target `t`: those inside
  // its span, else those just before it (no other target in between), else
  // the first one after it within `after_words` that does not qualify
  // another target.
  std::vector<int> Attached(const std::vector<int>& pool, int t,
                            NormSpan clause, int after_words) {
    const Mention& m = mentions_[t];
    std::vector<int> inside, before;
    int after = -1;
    for (int a : pool) {
      const NormSpan& s = mentions_[a].norm;
      if (mentions_[a].sentence != m.sentence) continue;
      if (s.begin < clause.begin || s.end > clause.end) continue;
      if (m.norm.Contains(s)) {
        inside.push_back(a);
      } else if (s.end <= m.norm.begin) {
        if (WordsBetween(text_, s.end, m.norm.begin) <= kPrenominalWords &&
            !AnyTargetIn(mentions_, targets_, s.end, m.norm.begin) &&
            !GapHasJoint(text_, s.end, m.norm.begin)) {
          before.push_back(a);
        }
      } else if (s.begin >= m.norm.end && after < 0) {
        if (WordsBetween(text_, m.norm.end, s.begin) <= after_words &&
            !AnyTargetIn(mentions_, targets_, m.norm.end, s.begin) &&
            !PrenominalToOther(a, t)) {
          after = a;
        }
      }
    }
    if (!inside.empty()) return inside;
    if (!before.empty()) return before;
    if (after >= 0) return {after};
    return {};
  }

  std::string Severity(int t, NormSpan clause) {
    std::string best;
    for (int a : Attached(severity_, t, clause, kSeverityAfterWords)) {
      const std::string& v = lexicon_.rule(mentions_[a].rule).value;
      if (SeverityRank(v) > SeverityRank(best)) best = v;
    }
    return best;
  }

  std::string Laterality(int t, NormSpan clause) {
    bool left = false, right = false;
    for (int a : Attached(laterality_, t, clause, kLateralityAfterWords)) {
      const std::string& v = lexicon_.rule(mentions_[a].rule).value;
      if (v == "left") left = true;
      if (v == "right") right = true;
      if (v == "bilateral") left = right = true;
    }
    if (left && right) return "bilateral";
    if (left) return "left";
    if (right) return "right";
    return "";
  }

  std::optional<double> Measure(int t, NormSpan clause) {
    const Mention& m = mentions_[t];
    std::optional<double> before;
    for (const Measurement& x : FindMeasurements(
             text_.substr(clause.begin, clause.size()), clause.begin)) {
      if (x.span.begin >= m.norm.end) {
        if (WordsBetween(text_, m.norm.end, x.span.begin) <=
                kMeasureAfterWords &&
            !AnyTargetIn(mentions_, targets_, m.norm.end, x.span.begin)) {
          return x.mm;
        }
        break;
      }
      if (x.span.end <= m.norm.begin &&
          WordsBetween(text_, x.span.end, m.norm.begin) <= kPrenominalWords &&
          !AnyTargetIn(mentions_, targets_, x.span.end, m.norm.begin)) {
        before = x.mm;
      } else if (m.norm.Contains(x.span)) {
        return x.mm;
      }
    }
    return before;
  }

  // The report's own recommendations: distinct values in text order, from
  // the sections that speak for the radiologist. Overlapping mentions that
  // start together keep the longest ("recommend mri with contrast" over
  // "recommend mri").
  std::vector<ReportRecommendation> Recommends(
      const std::vector<bool>& excluded) {
    std::vector<int> pool;
    for (size_t i = 0; i < mentions_.size(); ++i) {
      const Rule& rule = lexicon_.rule(mentions_[i].rule);
      if (rule.kind != RuleKind::kAttribute || rule.attribute != "recommends") {
        continue;
      }
      if (excluded[i]) continue;
      switch (doc_.SectionOf(mentions_[i].sentence)) {
        case SectionKind::kHistory:
        case SectionKind::kExam:
        case SectionKind::kTechnique:
        case SectionKind::kComparison:
          continue;
        default:
          break;
      }
      pool.push_back(static_cast<int>(i));
    }
    // Order by where the recommended thing is named (the mention's end):
    // "recommend clinical correlation and CT myelogram" lists the
    // correlation first.
    std::stable_sort(pool.begin(), pool.end(), [&](int a, int b) {
      return mentions_[a].norm.end < mentions_[b].norm.end;
    });
    std::vector<ReportRecommendation> out;
    for (int i : pool) {
      const NormSpan& s = mentions_[i].norm;
      bool shadowed = false;
      for (int j : pool) {
        const NormSpan& o = mentions_[j].norm;
        if (j != i && o.begin == s.begin && o.end >= s.end &&
            (o.end > s.end || j < i)) {
          shadowed = true;
          break;
        }
      }
      if (shadowed) continue;
      const Rule& rule = lexicon_.rule(mentions_[i].rule);
      bool seen = false;
      for (const ReportRecommendation& r : out) seen |= r.value == rule.value;
      if (!seen)
        out.push_back({rule.value, mentions_[i].span, mentions_[i].rule});
    }
    return out;
  }

  const Document& doc_;
  std::string_view text_;
  const CompiledLexicon& lexicon_;
  const std::vector<Mention>& mentions_;
  std::vector<int> targets_;  // kept target mentions, in text order
  std::vector<int> severity_, laterality_, polarity_, level_scope_;
  std::vector<SentenceLevels> levels_;
};

}  // namespace

FindingsResult AssembleFindings(const Document& doc,
                                const CompiledLexicon& lexicon,
                                const std::vector<Mention>& mentions) {
  return Assembler(doc, lexicon, mentions).Run();
}

}  // namespace myelex
