#include "output/explain_writer.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "output/output_internal.h"

namespace myelex {

namespace {

using output_internal::CueInfo;
using output_internal::ResolveCue;
using output_internal::SpanText;

constexpr char kReset[] = "\x1b[0m";
constexpr char kBold[] = "\x1b[1m";
constexpr char kDim[] = "\x1b[2m";

const char* CertaintyColor(Certainty c) {
  switch (c) {
    case Certainty::kDefinite:
    case Certainty::kProbable:
      return "\x1b[1;31m";  // bold red
    case Certainty::kPossible:
      return "\x1b[1;33m";  // bold yellow
    case Certainty::kUnlikely:
    case Certainty::kNegated:
      return "\x1b[1;32m";  // bold green
  }
  return "\x1b[1m";
}

// Appends text[b, e) for a terminal: invalid UTF-8 and control characters
// other than tab and newline become U+FFFD; CRLF and lone CR become '\n'.
// With `one_line`, newlines and tabs become spaces.
void AppendSafe(std::string_view text, size_t b, size_t e, bool one_line,
                std::string* out) {
  std::string scratch;
  const std::string_view s =
      output_internal::ValidUtf8(text.substr(b, e - b), &scratch);
  for (size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    const unsigned char c = static_cast<unsigned char>(ch);
    if (ch == '\r') {
      // The last byte of the piece looks at the byte after the piece.
      const bool crlf = (i + 1 < s.size()) ? s[i + 1] == '\n'
                                           : e < text.size() && text[e] == '\n';
      if (!crlf) out->push_back(one_line ? ' ' : '\n');
    } else if (ch == '\n' || ch == '\t') {
      out->push_back(one_line ? ' ' : ch);
    } else if (c < 0x20 || c == 0x7F) {
      out->append("\xEF\xBF\xBD");
    } else {
      out->push_back(ch);
    }
  }
}

void AppendQuoted(std::string_view text, std::string* out) {
  out->push_back('"');
  AppendSafe(text, 0, text.size(), /*one_line=*/true, out);
  out->push_back('"');
}

std::string SpanString(Span s) {
  return "[" + std::to_string(s.begin) + "," + std::to_string(s.end) + ")";
}

// One mark over the report text.
struct Mark {
  enum Kind { kScope = 0, kFinding = 1, kCue = 2 };  // outermost first
  Kind kind;
  Span span;
  std::string open;   // e.g. "[cord_compression|possible: "
  std::string close;  // e.g. "]"
  const char* style;  // SGR sequence for colour mode
};

class MarkedText {
 public:
  MarkedText(std::string_view text, bool color, std::string* out)
      : text_(text), color_(color), out_(out) {}

  void Render(std::vector<Mark> marks) {
    const uint32_t size = static_cast<uint32_t>(text_.size());
    marks.erase(std::remove_if(marks.begin(), marks.end(),
                               [&](const Mark& m) {
                                 return m.span.begin >= m.span.end ||
                                        m.span.end > size;
                               }),
                marks.end());
    std::stable_sort(marks.begin(), marks.end(),
                     [](const Mark& x, const Mark& y) {
                       if (x.span.begin != y.span.begin) {
                         return x.span.begin < y.span.begin;
                       }
                       if (x.span.end != y.span.end) {
                         return x.span.end > y.span.end;
                       }
                       return x.kind < y.kind;
                     });
    marks_ = std::move(marks);
    std::vector<uint32_t> cuts = {0, size};
    for (const Mark& m : marks_) {
      cuts.push_back(m.span.begin);
      cuts.push_back(m.span.end);
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

    size_t next = 0;
    for (size_t k = 0; k < cuts.size(); ++k) {
      const uint32_t p = cuts[k];
      CloseAt(p);
      while (next < marks_.size() && marks_[next].span.begin == p) {
        Open(next++);
      }
      if (k + 1 < cuts.size()) {
        AppendSafe(text_, p, cuts[k + 1], /*one_line=*/false, out_);
      }
    }
  }

 private:
  // Closes every open mark that ends at p; marks above them on the stack
  // that end later are closed too and reopened, so the output stays nested.
  void CloseAt(uint32_t p) {
    bool any = false;
    for (size_t i : stack_) any = any || marks_[i].span.end <= p;
    if (!any) return;
    std::vector<size_t> reopen;
    for (;;) {
      bool pending = false;
      for (size_t i : stack_) pending = pending || marks_[i].span.end <= p;
      if (!pending) break;
      const size_t top = stack_.back();
      stack_.pop_back();
      const Mark& m = marks_[top];
      if (color_) out_->append(m.style);
      out_->append(m.close);
      Restyle();
      if (m.span.end > p) reopen.push_back(top);
    }
    for (auto it = reopen.rbegin(); it != reopen.rend(); ++it) Open(*it);
  }

  void Open(size_t i) {
    const Mark& m = marks_[i];
    if (color_) out_->append(m.style);
    out_->append(m.open);
    stack_.push_back(i);
    Restyle();
  }

  // Colour mode: reset, then apply the styles of every open mark.
  void Restyle() {
    if (!color_) return;
    out_->append(kReset);
    for (size_t i : stack_) out_->append(marks_[i].style);
  }

  std::string_view text_;
  bool color_;
  std::string* out_;
  std::vector<Mark> marks_;
  std::vector<size_t> stack_;
};

void Heading(const char* title, bool color, std::string* out) {
  if (color) out->append(kBold);
  out->append(title);
  if (color) out->append(kReset);
  out->push_back('\n');
}

const char* Bool(bool b) { return b ? "true" : "false"; }

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

void AppendExplain(const Analysis& a, const CompiledLexicon& lexicon,
                   bool color, std::string* out) {
  const std::string& text = a.document.original();

  out->append("Report ");
  AppendQuoted(a.id, out);
  out->append(" (");
  out->append(std::to_string(text.size()));
  out->append(" bytes)\n\n");

  // 1. The marked text.
  std::vector<Mark> marks;
  for (const Finding& f : a.findings) {
    marks.push_back({Mark::kFinding, f.span,
                     "[" + f.concept + "|" + ToString(f.certainty) + ": ", "]",
                     CertaintyColor(f.certainty)});
  }
  for (size_t c = 0; c < a.context.cues.size(); ++c) {
    CueInfo cue;
    if (!ResolveCue(a, &lexicon, static_cast<int>(c), &cue,
                    /*with_scope=*/true)) {
      continue;
    }
    const std::string id = cue.rule != nullptr ? cue.rule->id : "cue";
    marks.push_back({Mark::kCue, cue.span,
                     "{" + id + (cue.blocked ? " (blocked)" : "") + ": ", "}",
                     "\x1b[36m"});
    // Scopes are shown without the whitespace at their edges.
    uint32_t b = cue.scope.begin, e = cue.scope.end;
    while (b < e && e <= text.size() && IsSpace(text[b])) ++b;
    while (e > b && e <= text.size() && IsSpace(text[e - 1])) --e;
    if (b < e) {
      marks.push_back(
          {Mark::kScope, Span(b, e), "<" + id + ": ", ">", "\x1b[4m"});
    }
  }
  Heading("Text", color, out);
  MarkedText(text, color, out).Render(std::move(marks));
  if (text.empty() || text.back() != '\n') out->push_back('\n');

  // 2. Sections.
  out->push_back('\n');
  Heading("Sections", color, out);
  const auto& sections = a.document.sections();
  const size_t norm_size = a.document.normalized().size();
  for (size_t s = 0; s < sections.size(); ++s) {
    const Section& sec = sections[s];
    int sentences = 0;
    for (const Sentence& sent : a.document.sentences()) {
      sentences += sent.section == static_cast<int>(s);
    }
    out->append("  ");
    out->append(ToString(sec.kind));
    if (sec.body.end <= norm_size) {
      out->append(" ");
      out->append(SpanString(a.document.ToOriginal(sec.body)));
    }
    if (!sec.header.empty() && sec.header.end <= norm_size) {
      out->append(" header ");
      AppendQuoted(SpanText(a, a.document.ToOriginal(sec.header)), out);
    }
    out->append(", ");
    out->append(std::to_string(sentences));
    out->append(sentences == 1 ? " sentence\n" : " sentences\n");
  }

  // 3. Findings.
  out->push_back('\n');
  Heading(("Findings (" + std::to_string(a.findings.size()) + ")").c_str(),
          color, out);
  for (size_t i = 0; i < a.findings.size(); ++i) {
    const Finding& f = a.findings[i];
    out->append("  #");
    out->append(std::to_string(i));
    out->append(" ");
    if (color) out->append(CertaintyColor(f.certainty));
    out->append(f.concept);
    out->append(" ");
    out->append(ToString(f.certainty));
    if (color) out->append(kReset);
    if (f.historical) out->append(" historical");
    if (f.hypothetical) out->append(" hypothetical");
    if (f.experiencer != Experiencer::kPatient) {
      out->append(" experiencer=");
      out->append(ToString(f.experiencer));
    }
    out->append("\n     section ");
    out->append(output_internal::ContractSectionName(f.section));
    out->append("; levels ");
    if (f.levels.empty()) out->append("-");
    for (size_t l = 0; l < f.levels.size(); ++l) {
      if (l > 0) out->append(",");
      AppendSafe(f.levels[l], 0, f.levels[l].size(), true, out);
    }
    out->append("; severity ");
    out->append(f.severity.empty() ? "-" : f.severity);
    out->append("; laterality ");
    out->append(f.laterality.empty() ? "-" : f.laterality);
    if (f.measurement_mm.has_value()) {
      out->append("; measurement ");
      std::string mm = std::to_string(*f.measurement_mm);
      mm.erase(mm.find_last_not_of('0') + 1);
      if (!mm.empty() && mm.back() == '.') mm.pop_back();
      out->append(mm);
      out->append(" mm");
    }
    out->append("\n     text ");
    out->append(SpanString(f.span));
    out->append(" ");
    AppendQuoted(SpanText(a, f.span), out);
    if (const Rule* rule = output_internal::FindingRule(&lexicon, f.rule)) {
      out->append(" rule ");
      out->append(rule->id);
    }
    out->append("\n     cues ");
    if (f.cues.empty()) out->append("-");
    bool first = true;
    for (int c : f.cues) {
      CueInfo cue;
      if (!ResolveCue(a, &lexicon, c, &cue)) continue;
      if (!first) out->append(", ");
      first = false;
      out->append(cue.rule != nullptr ? cue.rule->id : "cue");
    }
    out->push_back('\n');
  }

  // 4. Exam and decision.
  const Decision& d = a.decision;
  out->push_back('\n');
  Heading("Exam", color, out);
  out->append("  modality ");
  out->append(ToString(a.exam.modality));
  out->append("; cervical ");
  out->append(Bool(a.exam.cervical));
  out->append("; contrast ");
  out->append(a.exam.contrast.has_value() ? Bool(*a.exam.contrast)
                                          : "not stated");
  out->append("; applicable ");
  out->append(Bool(a.exam.applicable));
  if (!a.exam.applicable && !a.exam.not_applicable_reason.empty()) {
    out->append(" (");
    AppendQuoted(a.exam.not_applicable_reason, out);
    out->append(")");
  }
  out->append("\n\n");
  Heading("Decision", color, out);
  out->append("  recommendation ");
  if (color && d.recommendation != Recommendation::kNone) {
    out->append("\x1b[1;35m");
  }
  out->append(ToString(d.recommendation));
  if (color) out->append(kReset);
  out->append("\n  equivocal ");
  out->append(Bool(d.equivocal));
  out->append("; dwi ");
  out->append(Bool(d.dwi));
  out->append("; surgical_referral ");
  out->append(Bool(d.surgical_referral));
  out->append("\n  concordance ");
  out->append(ToString(d.concordance));
  out->append("; pitfall ");
  out->append(Bool(d.pitfall));
  out->append("\n  report recommends ");
  if (a.report_recommends.empty()) out->append("-");
  bool first_rec = true;
  for (size_t i = 0; i < a.report_recommends.size(); ++i) {
    const ReportRecommendation& r = a.report_recommends[i];
    bool seen = false;
    for (size_t k = 0; k < i && !seen; ++k) {
      seen = a.report_recommends[k].value == r.value;
    }
    if (seen) continue;
    if (!first_rec) out->append(", ");
    first_rec = false;
    out->append(r.value);
    if (!r.span.empty()) {
      out->append(" ");
      AppendQuoted(SpanText(a, r.span), out);
    }
  }
  out->append("\n");

  // 5. Reasons and warnings.
  out->push_back('\n');
  Heading("Reasons", color, out);
  if (d.reasons.empty()) out->append("  -\n");
  for (const Reason& r : d.reasons) {
    out->append("  ");
    if (color) out->append(kBold);
    AppendSafe(r.rule, 0, r.rule.size(), true, out);
    if (color) out->append(kReset);
    out->append(": ");
    AppendSafe(r.text, 0, r.text.size(), true, out);
    out->append("\n");
    if (!r.citation.empty()) {
      out->append("      ");
      if (color) out->append(kDim);
      out->append("citation: ");
      AppendSafe(r.citation, 0, r.citation.size(), true, out);
      if (color) out->append(kReset);
      out->append("\n");
    }
    for (int fi : r.findings) {
      out->append("      evidence #");
      out->append(std::to_string(fi));
      if (fi >= 0 && static_cast<size_t>(fi) < a.findings.size()) {
        const Finding& f = a.findings[fi];
        out->append(" ");
        out->append(f.concept);
        out->append("|");
        out->append(ToString(f.certainty));
        out->append(" ");
        out->append(SpanString(f.span));
        out->append(" ");
        AppendQuoted(SpanText(a, f.span), out);
      } else {
        out->append(" (no such finding)");
      }
      out->append("\n");
    }
  }
  if (!a.warnings.empty()) {
    out->push_back('\n');
    Heading("Warnings", color, out);
    for (const Warning& w : a.warnings) {
      out->append("  ");
      AppendSafe(w.code, 0, w.code.size(), true, out);
      out->append(": ");
      AppendSafe(w.message, 0, w.message.size(), true, out);
      out->append("\n");
    }
  }
}

}  // namespace myelex
