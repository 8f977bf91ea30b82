// Analyzer: the facade over the whole pipeline.
//
// Layering (a header may include only its own layer or layers to its left):
//   base <- text <- lexicon <- match <- context <- findings <- guideline
//        <- analysis.h <- output <- analyzer.h <- tools/
//
// Create() loads and compiles the lexicons (fallible, returns Status).
// Analyze() cannot fail: every input gives an Analysis.
// Thread-safety: an Analyzer is immutable after Create(); Analyze() may be
// called from any number of threads at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis.h"
#include "base/status.h"
#include "context/context.h"
#include "findings/assemble.h"
#include "findings/finding.h"
#include "guideline/ct_myelography.h"
#include "guideline/decision.h"
#include "lexicon/compiled_lexicon.h"
#include "match/matcher.h"
#include "text/document.h"

namespace myelex {

struct AnalyzerOptions {
  std::string lexicon_dir;  // directory of *.tsv lexicon files
  GuidelineOptions guideline;
  ContextOptions context;
};

class Analyzer {
 public:
  static Status Create(const AnalyzerOptions& options,
                       std::unique_ptr<Analyzer>* out);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  Analysis Analyze(std::string id, std::string text) const;

  const CompiledLexicon& lexicon() const { return *lexicon_; }
  const AnalyzerOptions& options() const { return options_; }

 private:
  Analyzer() = default;
  AnalyzerOptions options_;
  std::unique_ptr<CompiledLexicon> lexicon_;
};

}  // namespace myelex
