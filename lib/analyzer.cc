#include "analyzer.h"

#include <utility>

#include "lexicon/lexicon_parser.h"

namespace myelex {

Analyzer::~Analyzer() = default;

Status Analyzer::Create(const AnalyzerOptions& options,
                        std::unique_ptr<Analyzer>* out) {
  Lexicon lexicon;
  std::vector<std::string> problems;
  Status s = LoadLexiconDir(options.lexicon_dir, &lexicon, &problems);
  if (!s.ok()) return s;
  std::unique_ptr<Analyzer> analyzer(new Analyzer);
  analyzer->options_ = options;
  MYELEX_RETURN_IF_ERROR(
      CompiledLexicon::Create(std::move(lexicon), &analyzer->lexicon_));
  *out = std::move(analyzer);
  return Status::OK();
}

Analysis Analyzer::Analyze(std::string id, std::string text) const {
  Analysis a;
  a.id = std::move(id);
  a.document = Document::Build(std::move(text), lexicon_->text_rules());
  for (uint32_t off : a.document.normalized_text().invalid_utf8) {
    a.warnings.push_back({"invalid_utf8", "invalid UTF-8 at byte offset " +
                                              std::to_string(off) +
                                              " replaced by U+FFFD"});
    break;  // one warning names the first offset; the rest add nothing new
  }
  a.mentions = Match(*lexicon_, a.document);
  FindingsResult f = AssembleFindings(a.document, *lexicon_, a.mentions);
  a.context = std::move(f.context);
  a.findings = std::move(f.findings);
  a.exam = std::move(f.exam);
  a.report_recommends = std::move(f.report_recommends);
  a.decision =
      Decide(a.findings, a.exam, a.report_recommends, options_.guideline);
  return a;
}

}  // namespace myelex
