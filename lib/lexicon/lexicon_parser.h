// Lexicon parser: TSV text -> Rules, strictly validated.
//
// Parsing works on a string plus a source name so tests need no files.
// Every problem is reported as "source:line: message"; the parser keeps going
// after a problem so that `myelex lexicon check` can list all of them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "lexicon/rule.h"

namespace myelex {

// Parses one lexicon file's `text`. `source` names it in messages (e.g.
// "lexicons/modifiers.tsv"). Appends the rules to *rules and every problem to
// *problems ("source:line: message"). Returns OK iff no problem was found.
// Checks: directives, header, column count, enum values, certainty present
// exactly when required, scope, pattern compiles (RE2, log_errors off),
// cannot match the empty string, no upper-case letters outside escapes.
Status ParseLexicon(std::string_view text, std::string_view source,
                    std::vector<Rule>* rules,
                    std::vector<std::string>* problems);

// Loads every *.tsv file under `dir` (sorted by name), then checks
// cross-file rules (unique ids). Problems are appended to *problems; returns
// OK iff there were none. Warnings (e.g. two rules with identical patterns)
// go to *warnings and do not fail the load.
Status LoadLexiconDir(const std::string& dir, Lexicon* lexicon,
                      std::vector<std::string>* problems,
                      std::vector<std::string>* warnings = nullptr);

}  // namespace myelex
