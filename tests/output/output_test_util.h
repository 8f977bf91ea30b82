// Shared by the output writer tests: a tiny inline lexicon and a hand-built
// Analysis of one short report (no shipped lexicons, no analyzer).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis.h"
#include "gtest/gtest.h"
#include "lexicon/compiled_lexicon.h"
#include "lexicon/lexicon_parser.h"
#include "testing/test_util.h"

namespace myelex {
namespace output_testing {

constexpr char kModifiers[] =
    "id\tcategory\tdirection\tcertainty\tscope\tliteral\tpattern\n"
    "hedge.may\thedge\tforward\tpossible\tsentence\tmay\t-\n"
    "neg.no\tnegation\tforward\tnegated\t6\tno\t-\n"
    "hist.prior\thistorical\tforward\t-\t6\tprior\t-\n";

constexpr char kTargets[] =
    "id\tconcept\tliteral\tpattern\n"
    "cord.indent\tcord_compression\tindent the cord\t-\n"
    "cord.signal\tcord_signal_abnormality\tcord signal abnormality\t-\n";

inline std::unique_ptr<CompiledLexicon> TestLexicon() {
  Lexicon lexicon;
  std::vector<std::string> problems;
  EXPECT_OK(ParseLexicon(kModifiers, "modifiers_test.tsv", &lexicon.rules,
                         &problems));
  EXPECT_OK(
      ParseLexicon(kTargets, "targets_test.tsv", &lexicon.rules, &problems));
  std::unique_ptr<CompiledLexicon> compiled;
  EXPECT_OK(CompiledLexicon::Create(std::move(lexicon), &compiled));
  return compiled;
}

// The byte span of the `nth` occurrence of `needle` in `text`.
inline Span Find(std::string_view text, std::string_view needle, int nth = 0) {
  size_t pos = text.find(needle);
  for (int i = 0; i < nth && pos != std::string_view::npos; ++i) {
    pos = text.find(needle, pos + 1);
  }
  EXPECT_NE(pos, std::string_view::npos) << needle;
  if (pos == std::string_view::npos) return Span();
  return Span(static_cast<uint32_t>(pos),
              static_cast<uint32_t>(pos + needle.size()));
}

// Builds Analysis values by hand over one document.
class AnalysisBuilder {
 public:
  AnalysisBuilder(const CompiledLexicon& lexicon, std::string id,
                  std::string text)
      : lexicon_(lexicon) {
    EXPECT_OK(TextRules::Create({}, {}, &rules_));
    a_.id = std::move(id);
    a_.document = Document::Build(std::move(text), *rules_);
  }

  const std::string& text() const { return a_.document.original(); }
  Analysis& analysis() { return a_; }

  // Adds a mention of rule `rule_id` at `span`; returns its index.
  int AddMention(std::string_view rule_id, Span span) {
    Mention m;
    m.rule = lexicon_.FindRule(rule_id);
    EXPECT_GE(m.rule, 0) << rule_id;
    m.span = span;
    m.norm = a_.document.ToNormalized(span);
    m.sentence = 0;
    a_.mentions.push_back(m);
    return static_cast<int>(a_.mentions.size()) - 1;
  }

  // Adds a cue for a new mention of `rule_id` at `span` with `scope`
  // (original bytes); returns the cue index.
  int AddCue(std::string_view rule_id, Span span, Span scope,
             bool blocked = false) {
    Cue c;
    c.mention = AddMention(rule_id, span);
    c.scope = scope.empty() ? NormSpan() : a_.document.ToNormalized(scope);
    c.blocked = blocked;
    a_.context.cues.push_back(c);
    return static_cast<int>(a_.context.cues.size()) - 1;
  }

  // Adds a finding of `rule_id`'s concept at `span` (and its target
  // mention); returns it (valid until the next AddFinding).
  Finding& AddFinding(std::string_view rule_id, Span span, Certainty certainty,
                      SectionKind section, std::vector<int> cues = {}) {
    Finding f;
    AddMention(rule_id, span);
    f.rule = lexicon_.FindRule(rule_id);
    if (f.rule >= 0) f.concept = lexicon_.rule(f.rule).concept;
    f.certainty = certainty;
    f.span = span;
    f.section = section;
    f.sentence = 0;
    f.cues = std::move(cues);
    a_.findings.push_back(f);
    return a_.findings.back();
  }

 private:
  const CompiledLexicon& lexicon_;
  std::unique_ptr<TextRules> rules_;
  Analysis a_;
};

constexpr char kReport[] =
    "FINDINGS: The disc may indent the cord at C4-5.\n"
    "IMPRESSION: No cord signal abnormality.\n";

// The standard hand-built analysis of kReport: a possible cord compression
// with a hedge cue, a negated cord signal abnormality, an equivocal decision
// with reason R5 citing finding 0.
inline Analysis StandardAnalysis(const CompiledLexicon& lexicon) {
  AnalysisBuilder b(lexicon, "r1", kReport);
  const std::string& t = b.text();
  int may =
      b.AddCue("hedge.may", Find(t, "may"), Find(t, "indent the cord at C4-5"));
  int no =
      b.AddCue("neg.no", Find(t, "No"), Find(t, "cord signal abnormality"));
  Finding& f0 =
      b.AddFinding("cord.indent", Find(t, "indent the cord"),
                   Certainty::kPossible, SectionKind::kFindings, {may});
  f0.levels = {"C4-C5"};
  f0.severity = "mild";
  Finding& f1 =
      b.AddFinding("cord.signal", Find(t, "cord signal abnormality"),
                   Certainty::kNegated, SectionKind::kImpression, {no});
  f1.laterality = "left";
  f1.measurement_mm = 7.5;
  Analysis& a = b.analysis();
  a.exam.modality = Modality::kMri;
  a.exam.cervical = true;
  a.exam.applicable = true;
  a.report_recommends = {{"clinical_correlation", Span(), -1},
                         {"ct_myelography", Span(), -1},
                         {"clinical_correlation", Span(), -1}};
  a.decision.equivocal = true;
  a.decision.recommendation = Recommendation::kCtMyelography;
  a.decision.concordance = Concordance::kSilent;
  a.decision.reasons.push_back(
      {"R5", "Equivocal cord finding on MRI.", "ACR 2021", {0}});
  return std::move(a);
}

}  // namespace output_testing
}  // namespace myelex
