// Certainty: what each ConText cue category does to an assertion, and the
// one precedence rule that decides when several cues reach one target.
//
// This file is the single table of category effects (like medspacy's
// DEFAULT_ATTRIBUTES); context.cc computes scopes and asks these functions
// what the cues that reach a target mean together.
//
// Category effects
//   category      effect on the Assertion
//   ------------  ---------------------------------------------------------
//   negation      certainty := the rule's certainty (negated, or unlikely for
//                 weak negations such as "no definite")
//   hedge         certainty := the rule's certainty (possible, probable,
//                 unlikely or definite)
//   historical    historical := true
//   hypothetical  hypothetical := true
//   experiencer   experiencer := other
//   pseudo        none; blocks every cue it overlaps
//   terminate     none; ends scopes
//
// Precedence (certainty cues: negation and hedge)
//   1. Overlapping cues: the longest wins ("cannot be excluded" over
//      "excluded", "no definite" over "no", litotes "not unlikely" over
//      "unlikely"); a pseudo cue wins a tie. Losers are blocked. Two cues of
//      different categories on exactly the same span both stand (the
//      lexicon's way to make "has resolved" negated AND historical), and so
//      do two cues of one category and different directions (the way to
//      give a cue a different scope on each side: "if" reaches the whole
//      condition after it, a backward twin only the plan just before it,
//      "will start antibiotics if cultures are positive"). A
//      terminator inside a longer scoped cue ("equivocal;") also stands:
//      it still ends the scopes of other cues.
//   2. Nesting: a forward certainty cue that sits inside the forward scope of
//      another certainty cue, with no coordinated conjunct in between, takes
//      over the rest of that scope with the WEAKER of the two certainties
//      (NestedCertainty): "likely representing X" -> probable, "possible T2
//      signal representing X" -> possible, "no signal to suggest X" ->
//      negated, "no suspicious X" -> negated.
//   2b. A nested cue that also scopes backward (the finite linking verbs
//      "represents", "reflects") gives a target BEFORE it, and after the
//      cue it is nested in, its own certainty, and the outer cue does not
//      reach that target: in "it is not unlikely that the signal change
//      represents myelomalacia" the signal change is definite (the subject)
//      and the myelomalacia probable. The participles ("representing") scope
//      forward only, so "possible T2 signal representing X" stays possible.
//   3. Of the certainty cues whose scope reaches the target, the NEAREST one
//      (fewest bytes between cue and target; 0 when they overlap) decides.
//      "No cord compression, myelomalacia cannot be excluded": the
//      compression is negated, the myelomalacia possible.
//   4. A tie in distance goes to the weaker certainty.
//   5. No cue: definite.
// Historical, hypothetical and experiencer are flags: any cue of that
// category whose scope reaches the target sets it; they never change the
// certainty and certainty cues never change them. One exception between
// flags: a target whose experiencer is other is never historical (the
// historical flag is the patient's timeline: "father with history of
// prostate cancer" is other, not historical, like "family history of").
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <vector>

#include "lexicon/rule.h"

namespace myelex {

// True for the categories that grade certainty (negation, hedge).
bool IsCertaintyCategory(Category c);
// True for the categories that set a flag (historical, hypothetical,
// experiencer).
bool IsFlagCategory(Category c);
// True for the categories that have a scope (certainty and flag categories).
inline bool IsScopedCategory(Category c) {
  return IsCertaintyCategory(c) || IsFlagCategory(c);
}

// Orders certainties from weakest (negated) to strongest (definite).
inline int CertaintyRank(Certainty c) { return static_cast<int>(c); }

// The certainty of a cue nested inside another certainty cue's scope
// (precedence rule 2): the weaker of the two.
Certainty NestedCertainty(Certainty outer, Certainty inner);

// One certainty cue that reaches a target.
struct CertaintyCandidate {
  int cue = -1;                                // index into ContextResult::cues
  Certainty certainty = Certainty::kDefinite;  // effective (after nesting)
  uint32_t distance = 0;  // bytes between cue and target, 0 if overlapping
};

// Applies precedence rules 3-4. Returns the index into `candidates` of the
// cue that decides, or -1 when `candidates` is empty (rule 5: definite).
int ChooseCertainty(const std::vector<CertaintyCandidate>& candidates);

}  // namespace myelex
