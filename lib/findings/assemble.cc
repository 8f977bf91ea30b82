#include "findings/assemble.h"

namespace myelex {
// STUB
FindingsResult AssembleFindings(const Document&, const CompiledLexicon&, const std::vector<Mention>&) { return {}; }
}  // namespace myelex
