// HTML writer: a self-contained review page (no scripts, no external
// resources), one collapsible <details> section per report.
//
// Each section shows the decision, the reasons with the evidence they cite,
// the findings table and the REPORT TEXT with every finding span highlighted
// (<mark>, titled "concept | certainty") and every cue underlined (titled with
// the cue id). Because the page shows report text, it is meant for people
// reviewing reports and must be handled as patient data; the page header says
// so. Everything taken from the input or the lexicon is HTML-escaped and
// invalid UTF-8 is replaced by U+FFFD; control characters other than tab and
// newline are shown as U+FFFD.
//
// Usage: AppendHtmlHeader once, AppendHtmlReport / AppendHtmlErrorReport per
// report (in any thread; the functions are pure), AppendHtmlFooter once.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "analysis.h"
#include "lexicon/compiled_lexicon.h"

namespace myelex {

// Appends the document head (styles included) and the page header.
void AppendHtmlHeader(std::string_view title, std::string* out);

// Appends one report section. `lexicon` (nullable) names the cues.
void AppendHtmlReport(const Analysis& a, const CompiledLexicon* lexicon,
                      std::string* out);

// Appends the section for an input that could not be analyzed.
void AppendHtmlErrorReport(std::string_view id, std::string_view code,
                           std::string_view message, std::string* out);

struct HtmlSummary {
  size_t reports = 0;
  size_t equivocal = 0;
  size_t surgical_referral = 0;
  size_t errors = 0;
};

// Appends the totals and closes the document.
void AppendHtmlFooter(const HtmlSummary& summary, std::string* out);

// Appends `s` HTML-escaped (& < > " '), with invalid UTF-8 and control
// characters (other than tab, LF, CR) replaced by U+FFFD.
void AppendHtmlEscaped(std::string_view s, std::string* out);

}  // namespace myelex
