#include "context/context.h"

namespace myelex {
// STUB
const char* ToString(Experiencer e) { return e == Experiencer::kPatient ? "patient" : "other"; }
ContextResult ApplyContext(const Document&, const CompiledLexicon&, const std::vector<Mention>&, const std::vector<ContextTarget>& targets, const ContextOptions&) { ContextResult r; r.assertions.resize(targets.size()); return r; }
}  // namespace myelex
