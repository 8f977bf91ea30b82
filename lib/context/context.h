// ConText: negation, graded certainty, historical, hypothetical and
// experiencer, from modifier mentions over sentences.
//
// Pipeline position: after matching. Input: the document, the compiled
// lexicon, the mentions of one report (modifier mentions are used; others
// are ignored except attribute "severity" mentions, which mark a conjunct
// that carries its own qualifier), and the targets to assert (spans in
// normalized text; any extractor's targets, not only ours: `myelex assert`
// passes caller-supplied spans). Output: one Assertion per target and the
// list of cues with their scopes.
//
// The algorithm (medspacy/pyConText style, written for radiology; the
// precedence table is in certainty.h):
//   * overlapping cues: the longest wins, pseudo cues ("no change in", "no
//     interval increase", "without contrast") block the cues they overlap;
//   * each cue gets a scope inside its sentence by direction (forward /
//     backward / both) bounded by max_scope words, the sentence ends and
//     terminate cues ("but", "however", "which", "except", ";");
//   * modifiers distribute over coordinated lists ("no cord compression,
//     myelomalacia or syrinx") and stop at a conjunct that carries its own
//     cue or severity: when another cue or a severity attribute mention
//     follows a conjunct separator (",", "and", "or", "nor") that already has
//     a target before it, the scope ends at that separator ("possible cord
//     compression at C5-6 and C6-7, and moderate foraminal narrowing");
//   * a cue that also scopes backward and follows a content word has its
//     conjunct already, so its forward scope ends at such a separator even
//     with no target between the cue and the separator ("CVA in 2017, no
//     residual deficits");
//   * a forward scope ends at a conjunct separator with a target before it
//     when the next word opens a clause of its own (a subject pronoun or a
//     finite "be"/"have": "no fever, and she has a productive cough",
//     "denies fever and has a cough");
//   * a backward scope stops at the last conjunct separator before the cue
//     when the text before that separator holds a finite "be"/"have" (a
//     clause of its own: "the cord is in contact with the bar and
//     compression cannot be excluded");
//   * a certainty cue nested in another's scope without such a separator
//     takes over with the weaker certainty ("likely representing X");
//   * outside the history section, a non-definite hedge right after a
//     hypothetical cue ends its scope ("for further evaluation of possible
//     cord compression": the compression is asserted as possible, not asked
//     about); "if there is clinical concern for X" stays hypothetical;
//   * when several certainty cues reach a target, certainty.h decides; the
//     historical / hypothetical / experiencer flags are independent.
//
// Targets never cross into another sentence's cues: a cue applies only to
// targets of its own sentence.
//
// Thread-safety: pure functions over const inputs.
#pragma once

#include <string>
#include <vector>

#include "base/span.h"
#include "base/status.h"
#include "lexicon/compiled_lexicon.h"
#include "match/matcher.h"
#include "text/document.h"

namespace myelex {

enum class Experiencer { kPatient, kOther };
const char* ToString(Experiencer e);  // "patient", "other"

// A span to assert. `sentence` is the index of the sentence containing it;
// -1 lets ApplyContext find it (SentenceOf).
struct ContextTarget {
  NormSpan span;
  int sentence = -1;
};

// A modifier mention with the scope ConText gave it.
struct Cue {
  int mention = -1;      // index into the mentions passed to ApplyContext
  NormSpan scope;        // the text the cue reaches (for `both`, the cue
                         // itself lies inside); empty for pseudo and
                         // terminate cues, blocked cues, and cues whose
                         // scope a terminator or conjunct ends at once
  bool blocked = false;  // overlapped by a pseudo cue or a longer cue
  // Negation/hedge cues: the certainty the cue gives its targets (the rule's
  // certainty, or a weaker one inherited from the cue it is nested in).
  Certainty certainty = Certainty::kDefinite;
  int nested_in = -1;  // index into ContextResult::cues, or -1
};

struct Assertion {
  Certainty certainty = Certainty::kDefinite;
  bool historical = false;
  bool hypothetical = false;
  Experiencer experiencer = Experiencer::kPatient;
  std::vector<int> cues;   // indices into ContextResult::cues that applied:
                           // the deciding certainty cue, the cues it is
                           // nested in, and every flag cue that reached the
                           // target; in text order
  int certainty_cue = -1;  // the cue that decided `certainty`, or -1
};

struct ContextResult {
  std::vector<Cue> cues;              // every modifier mention, in order
  std::vector<Assertion> assertions;  // parallel to the targets
};

struct ContextOptions {
  // Reserved for policy knobs (e.g. scope limits); defaults follow the
  // contract.
};

// The index of the sentence that contains s.begin (or, if s.begin falls
// between sentences, the last sentence starting before it; the first
// sentence if none). -1 if the document has no sentence.
int SentenceOf(const Document& doc, NormSpan s);

// Asserts `targets` (see the algorithm above). `mentions` must be sorted as
// Match() sorts them. Target spans must lie within doc.normalized().
ContextResult ApplyContext(const Document& doc, const CompiledLexicon& lexicon,
                           const std::vector<Mention>& mentions,
                           const std::vector<ContextTarget>& targets,
                           const ContextOptions& options = ContextOptions());

// Loads from `dir` only what ConText needs, so `myelex assert` and the
// ConText tests work without any target lexicon: every modifier rule
// (modifiers_*.tsv), section rules (sections.tsv) and the attribute rules
// for severity and abbreviations (attributes_*.tsv, abbreviations.tsv).
// Problems are appended as "file:line: message"; returns OK iff none.
Status LoadContextLexicon(const std::string& dir, Lexicon* lexicon,
                          std::vector<std::string>* problems);

}  // namespace myelex
