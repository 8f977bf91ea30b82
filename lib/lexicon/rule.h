// Lexicon rules as plain data (no RE2 here).
//
// Every file in lexicons/ is a TSV whose header line decides its kind (see
// lexicons/README.md). The parser turns each line into one Rule; the compiled
// lexicon (compiled_lexicon.h) turns the rules into matchers. Rules refer to
// nothing by pointer; other structures refer to rules by index into
// Lexicon::rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/document.h"

namespace myelex {

// Graded certainty, weakest to strongest (contract section 2).
enum class Certainty { kNegated, kUnlikely, kPossible, kProbable, kDefinite };
const char* ToString(Certainty c);  // "negated", ..., "definite"
bool ParseCertainty(std::string_view s, Certainty* c);

// ConText modifier categories (contract: cue `category`).
enum class Category {
  kNegation,
  kHedge,  // graded certainty, including definite cues ("consistent with")
  kHistorical,
  kHypothetical,
  kExperiencer,
  kPseudo,     // blocks other cues that overlap it ("no change in")
  kTerminate,  // ends scopes ("but", "however", "which")
};
const char* ToString(Category c);  // "negation", ..., "terminate"
bool ParseCategory(std::string_view s, Category* c);

enum class Direction { kForward, kBackward, kBoth, kNone };
const char* ToString(Direction d);  // "forward", "backward", "both", "-"
bool ParseDirection(std::string_view s, Direction* d);

enum class RuleKind { kTarget, kModifier, kSection, kAttribute };

struct Rule {
  std::string id;  // unique across all files, lower-case dotted
  RuleKind kind = RuleKind::kTarget;
  std::string source;   // "lexicons/targets_cord.tsv:12", for messages
  std::string literal;  // the phrase as written in the file (may be "-")
  std::string pattern;  // RE2 over normalized text; when the file's pattern
                        // column is "-", built from the normalized literal
                        // (quoted, wrapped in \b...\b)
  bool from_literal = false;  // pattern came from `literal`

  // kTarget: the concept code ("cord_compression"), or "ignore" for a
  // blocking phrase (a trap such as "sternocleidomastoid" or "central canal
  // of the cord") that suppresses any target mention it overlaps.
  std::string concept;

  // kModifier.
  Category category = Category::kNegation;
  Direction direction = Direction::kNone;
  std::optional<Certainty> certainty;  // required for negation and hedge
  int max_scope = 0;  // scope in words; 0 means "to the sentence end"

  // kSection.
  SectionKind section = SectionKind::kNone;

  // kAttribute: a named value found in text, e.g. attribute "severity" value
  // "moderate", attribute "laterality" value "left", attribute "modality"
  // value "mri", attribute "recommends" value "ct_myelography", attribute
  // "abbreviation" (sentence splitter; literal only).
  std::string attribute;
  std::string value;
};

struct Lexicon {
  std::vector<Rule> rules;  // in load order: files sorted by name, then line
};

}  // namespace myelex
