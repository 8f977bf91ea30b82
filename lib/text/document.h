// Document: one report, normalized, split into sections and sentences.
//
// Pipeline position: built by the text layer from the original bytes and the
// compiled TextRules (section headers and abbreviations, loaded from
// lexicons/). Immutable once built. Lexicon matching, ConText and finding
// assembly all read it; only Span values (original bytes) leave it.
//
// Thread-safety: TextRules is immutable after Create() and may be shared by
// any number of threads. A Document is a plain value owned by one analysis.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.h"
#include "base/status.h"
#include "text/normalizer.h"

namespace myelex {

// Report sections. kNone is the text before any recognised header.
enum class SectionKind {
  kNone,
  kExam,            // EXAM, PROCEDURE, STUDY
  kHistory,         // CLINICAL HISTORY, INDICATION, HISTORY, REASON FOR EXAM
  kTechnique,       // TECHNIQUE, PROTOCOL
  kComparison,      // COMPARISON
  kFindings,        // FINDINGS
  kImpression,      // IMPRESSION, CONCLUSION, SUMMARY
  kRecommendation,  // RECOMMENDATION(S)
  kAddendum,        // ADDENDUM
  kOther,           // a recognised header of no interest (e.g. ATTESTATION)
};

// Lower-case name used in lexicon files: none, exam, history, technique,
// comparison, findings, impression, recommendation, addendum, other.
const char* ToString(SectionKind kind);
// Parses the lexicon-file name. Returns false if unknown.
bool ParseSectionKind(std::string_view name, SectionKind* kind);

// One section-header rule (from lexicons/sections.tsv).
struct SectionRule {
  std::string id;  // e.g. "section.impression"
  SectionKind kind;
  std::string pattern;  // RE2 over normalized text; matches the header label
                        // only (e.g. "impressions?|conclusions?"), without
                        // the colon; the sectionizer anchors it.
};

// Compiled section rules and sentence-splitter abbreviations.
// Not copyable: owns compiled regular expressions.
class TextRules {
 public:
  // Compiles `sections` and records `abbreviations` (normalized literal
  // tokens including their final period, e.g. "vs.", "dr.", "e.g.").
  // Returns InvalidArgument naming the rule id if a pattern does not compile.
  static Status Create(std::vector<SectionRule> sections,
                       std::vector<std::string> abbreviations,
                       std::unique_ptr<TextRules>* out);
  ~TextRules();
  TextRules(const TextRules&) = delete;
  TextRules& operator=(const TextRules&) = delete;

  const std::vector<SectionRule>& section_rules() const;
  const std::vector<std::string>& abbreviations() const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  TextRules();
  std::unique_ptr<Impl> impl_;
};

struct Section {
  SectionKind kind = SectionKind::kNone;
  int rule = -1;    // index into TextRules::section_rules(), -1 for kNone
  NormSpan header;  // the header label (empty for kNone)
  NormSpan body;    // from after the header (and colon) to the next header
};

struct Sentence {
  NormSpan span;    // trimmed of surrounding whitespace; a list marker
                    // ("1.", "2)", "-") or level header before it is not
                    // part of it (rules: text/sentences.h)
  int section = 0;  // index into Document::sections()
  // The level header ("c5-6" in "C5-6: ...") of the level paragraph this
  // sentence belongs to, empty if none. The header text itself is not part
  // of any sentence. Parsing it into levels is the findings layer's job.
  NormSpan level_header;
};

class Document {
 public:
  // Normalizes `original`, finds sections and splits sentences. Never fails.
  static Document Build(std::string original, const TextRules& rules);

  Document() = default;

  const std::string& original() const { return original_; }
  std::string_view normalized() const { return norm_.text; }
  const NormalizedText& normalized_text() const { return norm_; }
  Span ToOriginal(NormSpan s) const { return norm_.ToOriginal(s); }
  NormSpan ToNormalized(Span s) const { return norm_.ToNormalized(s); }
  std::string_view Text(NormSpan s) const {
    return std::string_view(norm_.text).substr(s.begin, s.size());
  }
  std::string_view OriginalText(Span s) const {
    return std::string_view(original_).substr(s.begin, s.size());
  }

  // Sections in text order; never empty (the first may be kNone).
  const std::vector<Section>& sections() const { return sections_; }
  // Sentences in text order.
  const std::vector<Sentence>& sentences() const { return sentences_; }
  SectionKind SectionOf(int sentence) const {
    return sections_[sentences_[sentence].section].kind;
  }

 private:
  std::string original_;
  NormalizedText norm_;
  std::vector<Section> sections_;
  std::vector<Sentence> sentences_;
};

}  // namespace myelex
