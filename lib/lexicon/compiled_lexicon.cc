#include "lexicon/compiled_lexicon.h"

namespace myelex {

// STUB: replaced by the lexicon layer.
struct CompiledLexicon::Impl {};
CompiledLexicon::CompiledLexicon() = default;
CompiledLexicon::~CompiledLexicon() = default;
Status CompiledLexicon::Create(Lexicon lexicon,
                               std::unique_ptr<CompiledLexicon>* out) {
  std::unique_ptr<CompiledLexicon> c(new CompiledLexicon);
  c->lexicon_ = std::move(lexicon);
  MYELEX_RETURN_IF_ERROR(TextRules::Create({}, {}, &c->text_rules_));
  *out = std::move(c);
  return Status::OK();
}
int CompiledLexicon::FindRule(std::string_view) const { return -1; }
void CompiledLexicon::CandidateRules(std::string_view, std::vector<int>*) const {}
void CompiledLexicon::FindAll(int, std::string_view,
                              std::vector<std::pair<uint32_t, uint32_t>>*) const {}

}  // namespace myelex
