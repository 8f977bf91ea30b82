// Explain writer: one report rendered for a person (`myelex explain`).
//
// Output, in order:
//   1. the report text with every finding, cue and cue scope marked. Plain
//      mode uses brackets: a finding is `[concept|certainty: text]`, a cue
//      `{cue.id: text}` (`{cue.id (blocked): text}` when a pseudo cue
//      blocked it), a cue's scope `<cue.id: text>`. Marks nest; where two
//      spans cross, the inner one is closed and reopened so brackets always
//      balance. Colour mode adds ANSI SGR colours (findings by certainty,
//      cues cyan, scopes underlined) around the same marks;
//   2. the sections (kind, original byte range, header, sentence count);
//   3. the findings (index, concept, certainty, flags, levels, severity,
//      laterality, section, span, text, cue ids);
//   4. the exam facts, the decision and what the report recommends;
//   5. each reason with its rule, text, citation and evidence (the original
//      text of the findings it cites); then warnings.
// Control characters from the report (escape sequences included) are shown
// as U+FFFD so the text cannot drive the terminal; invalid UTF-8 likewise.
//
// Writers format, they never decide. Pure function; thread-safe.
#pragma once

#include <string>

#include "analysis.h"
#include "lexicon/compiled_lexicon.h"

namespace myelex {

// Appends the explanation of `a`. `lexicon` is the lexicon `a` was produced
// with (it names cues and target rules).
void AppendExplain(const Analysis& a, const CompiledLexicon& lexicon,
                   bool color, std::string* out);

}  // namespace myelex
