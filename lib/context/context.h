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
// The algorithm (medspacy/pyConText style, written for radiology):
//   * each modifier mention gets a scope in its sentence by direction
//     (forward / backward / both) bounded by max_scope words, the sentence
//     ends and terminate cues ("but", "however", "which", "except", ";");
//   * pseudo cues ("no change in", "no interval increase") block the cues
//     they overlap;
//   * modifiers distribute over coordinated lists and stop at a conjunct that
//     carries its own certainty or severity;
//   * when several cues of one kind reach a target, certainty.h decides.
//
// Thread-safety: pure functions over const inputs.
#pragma once

#include <string>
#include <vector>

#include "base/span.h"
#include "lexicon/compiled_lexicon.h"
#include "match/matcher.h"
#include "text/document.h"

namespace myelex {

enum class Experiencer { kPatient, kOther };
const char* ToString(Experiencer e);  // "patient", "other"

// A span to assert. `sentence` is the index of the sentence containing it.
struct ContextTarget {
  NormSpan span;
  int sentence = -1;
};

// A modifier mention with the scope ConText gave it.
struct Cue {
  int mention = -1;      // index into the mentions passed to ApplyContext
  NormSpan scope;        // empty if blocked by a pseudo cue or a terminator
  bool blocked = false;  // overlapped by a pseudo cue
};

struct Assertion {
  Certainty certainty = Certainty::kDefinite;
  bool historical = false;
  bool hypothetical = false;
  Experiencer experiencer = Experiencer::kPatient;
  std::vector<int> cues;  // indices into ContextResult::cues that applied
};

struct ContextResult {
  std::vector<Cue> cues;               // every modifier mention, in order
  std::vector<Assertion> assertions;   // parallel to the targets
};

struct ContextOptions {
  // Reserved for policy knobs (e.g. scope limits); defaults follow the
  // contract.
};

ContextResult ApplyContext(const Document& doc, const CompiledLexicon& lexicon,
                           const std::vector<Mention>& mentions,
                           const std::vector<ContextTarget>& targets,
                           const ContextOptions& options = ContextOptions());

}  // namespace myelex
