#include "lexicon/lexicon_parser.h"

namespace myelex {
// STUB
Status ParseLexicon(std::string_view, std::string_view, std::vector<Rule>*, std::vector<std::string>*) { return Status::OK(); }
Status LoadLexiconDir(const std::string&, Lexicon*, std::vector<std::string>*, std::vector<std::string>*) { return Status::OK(); }
}  // namespace myelex
