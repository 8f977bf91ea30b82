#include "output/html_writer.h"

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

const char kStyle[] =
    "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}"
    "header p.note{color:#8a1c1c}"
    "details.report{border:1px solid #ccc;border-radius:4px;margin:.4em 0;"
    "padding:.3em .6em}"
    "details.report.equivocal{border-left:6px solid #d9a400}"
    "details.report.error{border-left:6px solid #b00}"
    "summary{cursor:pointer}"
    "summary .id{font-family:monospace;font-weight:bold}"
    ".tag{display:inline-block;padding:0 .4em;margin-left:.4em;"
    "border-radius:3px;background:#eee;font-size:90%}"
    ".tag.alert{background:#f6c4c4}"
    "table{border-collapse:collapse;margin:.4em 0}"
    "td,th{border:1px solid #ddd;padding:.15em .5em;text-align:left;"
    "vertical-align:top}"
    "pre.text{white-space:pre-wrap;background:#fafafa;padding:.6em;"
    "border:1px solid #eee}"
    "mark{background:#e6e6e6}"
    "mark.definite,mark.probable{background:#f6c4c4}"
    "mark.possible{background:#ffe08a}"
    "mark.unlikely,mark.negated{background:#cfe8cf}"
    "span.cue{text-decoration:underline dotted;color:#1a4f9c}"
    "cite{color:#555}";

const char* Bool(bool b) { return b ? "true" : "false"; }

void Esc(std::string_view s, std::string* out) { AppendHtmlEscaped(s, out); }

void Tag(std::string_view text, bool alert, std::string* out) {
  out->append(alert ? "<span class=\"tag alert\">" : "<span class=\"tag\">");
  Esc(text, out);
  out->append("</span>");
}

void Row(std::string_view name, std::string_view value, std::string* out) {
  out->append("<tr><th>");
  Esc(name, out);
  out->append("</th><td>");
  Esc(value, out);
  out->append("</td></tr>");
}

std::string JoinLevels(const Finding& f) {
  std::string s;
  for (size_t i = 0; i < f.levels.size(); ++i) {
    if (i > 0) s.append(", ");
    s.append(f.levels[i]);
  }
  return s;
}

// The report text with finding spans in <mark> and cue spans in
// <span class="cue">. The text is cut at every span boundary and each piece
// is wrapped on its own, so overlapping spans always give well-formed HTML.
void AppendMarkedText(const Analysis& a, const CompiledLexicon* lexicon,
                      std::string* out) {
  const std::string& text = a.document.original();
  const uint32_t size = static_cast<uint32_t>(text.size());
  struct Mark {
    Span span;
    int finding;  // index into a.findings, or -1 for a cue
    const Rule* cue_rule;
  };
  std::vector<Mark> marks;
  for (size_t i = 0; i < a.findings.size(); ++i) {
    const Span s = a.findings[i].span;
    if (s.begin < s.end && s.end <= size) {
      marks.push_back({s, static_cast<int>(i), nullptr});
    }
  }
  for (size_t c = 0; c < a.context.cues.size(); ++c) {
    CueInfo cue;
    if (!ResolveCue(a, lexicon, static_cast<int>(c), &cue)) continue;
    if (cue.span.begin < cue.span.end && cue.span.end <= size) {
      marks.push_back({cue.span, -1, cue.rule});
    }
  }
  std::vector<uint32_t> cuts = {0, size};
  for (const Mark& m : marks) {
    cuts.push_back(m.span.begin);
    cuts.push_back(m.span.end);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  std::string title;
  for (size_t k = 0; k + 1 < cuts.size(); ++k) {
    const uint32_t b = cuts[k], e = cuts[k + 1];
    const Finding* first = nullptr;
    title.clear();
    std::string cue_title;
    for (const Mark& m : marks) {
      if (m.span.begin > b || m.span.end < e) continue;
      if (m.finding >= 0) {
        const Finding& f = a.findings[m.finding];
        if (first == nullptr) first = &f;
        if (!title.empty()) title.append("; ");
        title.append(f.concept).append(" | ").append(ToString(f.certainty));
      } else {
        if (!cue_title.empty()) cue_title.append("; ");
        cue_title.append(m.cue_rule != nullptr ? m.cue_rule->id : "cue");
      }
    }
    if (first != nullptr) {
      out->append("<mark class=\"");
      out->append(ToString(first->certainty));
      out->append("\" title=\"");
      Esc(title, out);
      out->append("\">");
    }
    if (!cue_title.empty()) {
      out->append("<span class=\"cue\" title=\"");
      Esc(cue_title, out);
      out->append("\">");
    }
    Esc(std::string_view(text).substr(b, e - b), out);
    if (!cue_title.empty()) out->append("</span>");
    if (first != nullptr) out->append("</mark>");
  }
}

}  // namespace

void AppendHtmlEscaped(std::string_view s, std::string* out) {
  std::string scratch;
  s = output_internal::ValidUtf8(s, &scratch);
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        out->append("&quot;");
        break;
      case '\'':
        out->append("&#39;");
        break;
      default:
        if ((c < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || c == 0x7F) {
          out->append("\xEF\xBF\xBD");
        } else {
          out->push_back(ch);
        }
    }
  }
}

void AppendHtmlHeader(std::string_view title, std::string* out) {
  out->append(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
      "charset=\"utf-8\">\n<title>");
  Esc(title, out);
  out->append("</title>\n<style>");
  out->append(kStyle);
  out->append("</style>\n</head>\n<body>\n<header><h1>");
  Esc(title, out);
  out->append(
      "</h1>\n<p class=\"note\">This page contains the text of the reports. "
      "Treat it as patient data.</p>\n<p>Highlights: <mark "
      "class=\"definite\">definite/probable</mark> <mark "
      "class=\"possible\">possible</mark> <mark "
      "class=\"negated\">unlikely/negated</mark> <span class=\"cue\">cue</span>"
      "</p>\n</header>\n<main>\n");
}

void AppendHtmlReport(const Analysis& a, const CompiledLexicon* lexicon,
                      std::string* out) {
  const Decision& d = a.decision;
  out->append("<details class=\"report");
  if (d.equivocal) out->append(" equivocal");
  out->append("\">\n<summary><span class=\"id\">");
  Esc(a.id, out);
  out->append("</span>");
  Tag(ToString(d.recommendation), d.recommendation != Recommendation::kNone,
      out);
  if (d.equivocal) Tag("equivocal", true, out);
  if (d.surgical_referral) Tag("surgical referral", true, out);
  if (d.dwi) Tag("dwi", false, out);
  if (d.pitfall) Tag("pitfall", true, out);
  if (!a.exam.applicable) Tag("not applicable", false, out);
  out->append("</summary>\n<table class=\"decision\">");
  Row("modality", ToString(a.exam.modality), out);
  Row("cervical", Bool(a.exam.cervical), out);
  Row("contrast",
      a.exam.contrast.has_value() ? Bool(*a.exam.contrast) : "not stated", out);
  Row("applicable", Bool(a.exam.applicable), out);
  Row("equivocal", Bool(d.equivocal), out);
  Row("recommendation", ToString(d.recommendation), out);
  Row("dwi", Bool(d.dwi), out);
  Row("surgical_referral", Bool(d.surgical_referral), out);
  Row("concordance", ToString(d.concordance), out);
  Row("pitfall", Bool(d.pitfall), out);
  std::string recs;
  for (size_t i = 0; i < a.report_recommends.size(); ++i) {
    const std::string& v = a.report_recommends[i].value;
    bool seen = false;
    for (size_t k = 0; k < i && !seen; ++k) {
      seen = a.report_recommends[k].value == v;
    }
    if (seen) continue;
    if (!recs.empty()) recs.append(", ");
    recs.append(v);
  }
  Row("report recommends", recs.empty() ? "-" : recs, out);
  out->append("</table>\n");

  out->append("<h3>Reasons</h3>\n<ul class=\"reasons\">\n");
  for (const Reason& r : d.reasons) {
    out->append("<li><b>");
    Esc(r.rule, out);
    out->append("</b> ");
    Esc(r.text, out);
    if (!r.citation.empty()) {
      out->append(" <cite>");
      Esc(r.citation, out);
      out->append("</cite>");
    }
    if (!r.findings.empty()) {
      out->append("<ul>");
      for (int fi : r.findings) {
        out->append("<li>#");
        out->append(std::to_string(fi));
        if (fi >= 0 && static_cast<size_t>(fi) < a.findings.size()) {
          const Finding& f = a.findings[fi];
          out->append(" ");
          Esc(f.concept, out);
          out->append(" (");
          out->append(ToString(f.certainty));
          out->append("): &ldquo;");
          Esc(SpanText(a, f.span), out);
          out->append("&rdquo;");
        }
        out->append("</li>");
      }
      out->append("</ul>");
    }
    out->append("</li>\n");
  }
  out->append("</ul>\n");

  out->append("<h3>Findings</h3>\n");
  if (a.findings.empty()) {
    out->append("<p>None.</p>\n");
  } else {
    out->append(
        "<table class=\"findings\"><tr><th>#</th><th>concept</th>"
        "<th>certainty</th><th>levels</th><th>severity</th>"
        "<th>laterality</th><th>section</th><th>flags</th><th>text</th>"
        "</tr>\n");
    for (size_t i = 0; i < a.findings.size(); ++i) {
      const Finding& f = a.findings[i];
      std::string flags;
      if (f.historical) flags.append("historical ");
      if (f.hypothetical) flags.append("hypothetical ");
      if (f.experiencer != Experiencer::kPatient) {
        flags.append("experiencer=").append(ToString(f.experiencer));
      }
      out->append("<tr><td>");
      out->append(std::to_string(i));
      const std::string cells[] = {
          f.concept,     ToString(f.certainty),
          JoinLevels(f), f.severity,
          f.laterality,  output_internal::ContractSectionName(f.section),
          flags,         std::string(SpanText(a, f.span))};
      for (const std::string& cell : cells) {
        out->append("</td><td>");
        Esc(cell, out);
      }
      out->append("</td></tr>\n");
    }
    out->append("</table>\n");
  }

  if (!a.warnings.empty()) {
    out->append("<h3>Warnings</h3>\n<ul>");
    for (const Warning& w : a.warnings) {
      out->append("<li>");
      Esc(w.code, out);
      out->append(": ");
      Esc(w.message, out);
      out->append("</li>");
    }
    out->append("</ul>\n");
  }

  out->append("<h3>Report text</h3>\n<pre class=\"text\">");
  AppendMarkedText(a, lexicon, out);
  out->append("</pre>\n</details>\n");
}

void AppendHtmlErrorReport(std::string_view id, std::string_view code,
                           std::string_view message, std::string* out) {
  out->append("<details class=\"report error\">\n<summary><span class=\"id\">");
  Esc(id, out);
  out->append("</span>");
  Tag("error", true, out);
  out->append("</summary>\n<table class=\"decision\">");
  Row("error code", code, out);
  Row("error message", message, out);
  out->append("</table>\n</details>\n");
}

void AppendHtmlFooter(const HtmlSummary& summary, std::string* out) {
  out->append("</main>\n<footer><p>");
  out->append(std::to_string(summary.reports));
  out->append(" reports: ");
  out->append(std::to_string(summary.equivocal));
  out->append(" equivocal, ");
  out->append(std::to_string(summary.surgical_referral));
  out->append(" with surgical referral, ");
  out->append(std::to_string(summary.errors));
  out->append(" errors.</p></footer>\n</body>\n</html>\n");
}

}  // namespace myelex
