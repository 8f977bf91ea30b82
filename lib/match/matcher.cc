#include "match/matcher.h"

namespace myelex {
// STUB
std::string Mention::DebugString() const { return ""; }
std::vector<Mention> Match(const CompiledLexicon&, const Document&) { return {}; }
std::vector<Mention> MatchBruteForce(const CompiledLexicon&, const Document&) { return {}; }
}  // namespace myelex
