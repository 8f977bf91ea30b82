#include "lexicon/rule.h"

namespace myelex {

const char* ToString(Certainty c) {
  switch (c) {
    case Certainty::kNegated:
      return "negated";
    case Certainty::kUnlikely:
      return "unlikely";
    case Certainty::kPossible:
      return "possible";
    case Certainty::kProbable:
      return "probable";
    case Certainty::kDefinite:
      return "definite";
  }
  return "definite";
}

bool ParseCertainty(std::string_view s, Certainty* c) {
  for (Certainty v :
       {Certainty::kNegated, Certainty::kUnlikely, Certainty::kPossible,
        Certainty::kProbable, Certainty::kDefinite}) {
    if (s == ToString(v)) {
      *c = v;
      return true;
    }
  }
  return false;
}

const char* ToString(Category c) {
  switch (c) {
    case Category::kNegation:
      return "negation";
    case Category::kHedge:
      return "hedge";
    case Category::kHistorical:
      return "historical";
    case Category::kHypothetical:
      return "hypothetical";
    case Category::kExperiencer:
      return "experiencer";
    case Category::kPseudo:
      return "pseudo";
    case Category::kTerminate:
      return "terminate";
  }
  return "negation";
}

bool ParseCategory(std::string_view s, Category* c) {
  for (Category v :
       {Category::kNegation, Category::kHedge, Category::kHistorical,
        Category::kHypothetical, Category::kExperiencer, Category::kPseudo,
        Category::kTerminate}) {
    if (s == ToString(v)) {
      *c = v;
      return true;
    }
  }
  return false;
}

const char* ToString(Direction d) {
  switch (d) {
    case Direction::kForward:
      return "forward";
    case Direction::kBackward:
      return "backward";
    case Direction::kBoth:
      return "both";
    case Direction::kNone:
      return "-";
  }
  return "-";
}

bool ParseDirection(std::string_view s, Direction* d) {
  for (Direction v : {Direction::kForward, Direction::kBackward,
                      Direction::kBoth, Direction::kNone}) {
    if (s == ToString(v)) {
      *d = v;
      return true;
    }
  }
  return false;
}

}  // namespace myelex
