#include "text/document.h"

#include "text/sectionizer.h"
#include "text/sentences.h"

namespace myelex {

struct TextRules::Impl {
  std::vector<SectionRule> sections;
  std::vector<std::string> abbreviations;
  std::unique_ptr<SectionHeaderMatcher> headers;
  AbbreviationSet abbreviation_set;
};

TextRules::TextRules() : impl_(new Impl) {}
TextRules::~TextRules() = default;

Status TextRules::Create(std::vector<SectionRule> sections,
                         std::vector<std::string> abbreviations,
                         std::unique_ptr<TextRules>* out) {
  std::unique_ptr<TextRules> r(new TextRules);
  Impl& impl = *r->impl_;
  MYELEX_RETURN_IF_ERROR(SectionHeaderMatcher::Create(sections, &impl.headers));
  impl.sections = std::move(sections);
  // The splitter compares against normalized text, so the tokens are
  // normalized the same way (idempotent for already-normalized tokens).
  std::vector<std::string> tokens;
  tokens.reserve(abbreviations.size());
  for (const std::string& a : abbreviations) {
    std::string token = Normalize(a).text;
    const size_t b = token.find_first_not_of(' ');
    const size_t e = token.find_last_not_of(' ');
    token = b == std::string::npos ? std::string() : token.substr(b, e - b + 1);
    if (token.empty() || token.back() != '.' ||
        token.find_first_of(" \n") != std::string::npos) {
      return Status::InvalidArgument("abbreviation '" + a + "'",
                                     "must be one token ending with a period");
    }
    tokens.push_back(std::move(token));
  }
  impl.abbreviation_set = AbbreviationSet(tokens);
  impl.abbreviations = std::move(abbreviations);
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
    case SectionKind::kNone:
      return "none";
    case SectionKind::kExam:
      return "exam";
    case SectionKind::kHistory:
      return "history";
    case SectionKind::kTechnique:
      return "technique";
    case SectionKind::kComparison:
      return "comparison";
    case SectionKind::kFindings:
      return "findings";
    case SectionKind::kImpression:
      return "impression";
    case SectionKind::kRecommendation:
      return "recommendation";
    case SectionKind::kAddendum:
      return "addendum";
    case SectionKind::kOther:
      return "other";
  }
  return "none";
}

bool ParseSectionKind(std::string_view name, SectionKind* kind) {
  for (SectionKind k : {SectionKind::kNone, SectionKind::kExam,
                        SectionKind::kHistory, SectionKind::kTechnique,
                        SectionKind::kComparison, SectionKind::kFindings,
                        SectionKind::kImpression, SectionKind::kRecommendation,
                        SectionKind::kAddendum, SectionKind::kOther}) {
    if (name == ToString(k)) {
      *kind = k;
      return true;
    }
  }
  return false;
}

Document Document::Build(std::string original, const TextRules& rules) {
  Document d;
  d.original_ = std::move(original);
  d.norm_ = Normalize(d.original_);
  const TextRules::Impl& impl = rules.impl();
  d.sections_ = FindSections(d.norm_.text, *impl.headers);
  SplitSentences(d.norm_.text, d.sections_, impl.abbreviation_set,
                 &d.sentences_);
  return d;
}

}  // namespace myelex
