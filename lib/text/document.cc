#include "text/document.h"

namespace myelex {

// STUB: replaced by the text layer.
struct TextRules::Impl {
  std::vector<SectionRule> sections;
  std::vector<std::string> abbreviations;
};
TextRules::TextRules() : impl_(new Impl) {}
TextRules::~TextRules() = default;
Status TextRules::Create(std::vector<SectionRule> sections,
                         std::vector<std::string> abbreviations,
                         std::unique_ptr<TextRules>* out) {
  std::unique_ptr<TextRules> r(new TextRules);
  r->impl_->sections = std::move(sections);
  r->impl_->abbreviations = std::move(abbreviations);
  *out = std::move(r);
  return Status::OK();
}
const std::vector<SectionRule>& TextRules::section_rules() const {
  return impl_->sections;
}
const std::vector<std::string>& TextRules::abbreviations() const {
  return impl_->abbreviations;
}

const char* ToString(SectionKind kind) {
  switch (kind) {
    case SectionKind::kNone: return "none";
    case SectionKind::kExam: return "exam";
    case SectionKind::kHistory: return "history";
    case SectionKind::kTechnique: return "technique";
    case SectionKind::kComparison: return "comparison";
    case SectionKind::kFindings: return "findings";
    case SectionKind::kImpression: return "impression";
    case SectionKind::kRecommendation: return "recommendation";
    case SectionKind::kAddendum: return "addendum";
    case SectionKind::kOther: return "other";
  }
  return "none";
}

bool ParseSectionKind(std::string_view name, SectionKind* kind) {
  for (SectionKind k :
       {SectionKind::kNone, SectionKind::kExam, SectionKind::kHistory,
        SectionKind::kTechnique, SectionKind::kComparison,
        SectionKind::kFindings, SectionKind::kImpression,
        SectionKind::kRecommendation, SectionKind::kAddendum,
        SectionKind::kOther}) {
    if (name == ToString(k)) {
      *kind = k;
      return true;
    }
  }
  return false;
}

Document Document::Build(std::string original, const TextRules&) {
  Document d;
  d.original_ = std::move(original);
  d.norm_ = Normalize(d.original_);
  Section s;
  s.body = NormSpan(0, static_cast<uint32_t>(d.norm_.text.size()));
  d.sections_.push_back(s);
  if (!d.norm_.text.empty()) {
    Sentence sent;
    sent.span = s.body;
    d.sentences_.push_back(sent);
  }
  return d;
}

}  // namespace myelex
