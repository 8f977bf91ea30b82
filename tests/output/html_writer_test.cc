#include "output/html_writer.h"

#include <memory>
#include <string>
#include <string_view>

#include "gtest/gtest.h"
#include "output/output_test_util.h"

namespace myelex {
namespace {

using output_testing::AnalysisBuilder;
using output_testing::Find;
using output_testing::StandardAnalysis;
using output_testing::TestLexicon;

int Count(std::string_view haystack, std::string_view needle) {
  int n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string_view::npos;
       pos = haystack.find(needle, pos + needle.size())) {
    ++n;
  }
  return n;
}

TEST(HtmlWriter, EscapesMarkupQuotesAndControls) {
  const struct {
    std::string in;
    std::string out;
  } kCases[] = {
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"a & b", "a &amp; b"},
      {"\"q\" 'a'", "&quot;q&quot; &#39;a&#39;"},
      {"tab\tnl\n", "tab\tnl\n"},
      {"esc\x1b!", "esc\xEF\xBF\xBD!"},
      {"bad\xFF", "bad\xEF\xBF\xBD"},
      {"C5\xE2\x80\x93"
       "6",
       "C5\xE2\x80\x93"
       "6"},
  };
  for (const auto& c : kCases) {
    std::string out;
    AppendHtmlEscaped(c.in, &out);
    EXPECT_EQ(out, c.out);
  }
}

TEST(HtmlWriter, PageIsSelfContainedAndWarnsAboutPatientData) {
  std::string out;
  AppendHtmlHeader("Review <batch>", &out);
  AppendHtmlFooter({3, 1, 1, 1}, &out);
  EXPECT_EQ(out.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(out.find("<title>Review &lt;batch&gt;</title>"), std::string::npos);
  EXPECT_NE(out.find("patient data"), std::string::npos);
  EXPECT_EQ(out.find("<script"), std::string::npos);
  EXPECT_EQ(out.find("http"), std::string::npos);  // no external resources
  EXPECT_NE(out.find("3 reports: 1 equivocal, 1 with surgical referral, "
                     "1 errors."),
            std::string::npos);
  EXPECT_NE(out.find("</html>"), std::string::npos);
}

TEST(HtmlWriter, ReportShowsDecisionReasonsAndHighlightedText) {
  auto lexicon = TestLexicon();
  std::string out;
  AppendHtmlReport(StandardAnalysis(*lexicon), lexicon.get(), &out);
  EXPECT_EQ(out.rfind("<details class=\"report equivocal\">", 0), 0u);
  EXPECT_NE(out.find("<span class=\"id\">r1</span>"), std::string::npos);
  EXPECT_NE(out.find("ct_myelography"), std::string::npos);
  EXPECT_NE(out.find("<b>R5</b> Equivocal cord finding on MRI. "
                     "<cite>ACR 2021</cite>"),
            std::string::npos);
  EXPECT_NE(out.find("#0 cord_compression (possible): &ldquo;indent the "
                     "cord&rdquo;"),
            std::string::npos);
  EXPECT_NE(out.find("<mark class=\"possible\" title=\"cord_compression | "
                     "possible\">indent the cord</mark>"),
            std::string::npos);
  EXPECT_NE(out.find("<span class=\"cue\" title=\"hedge.may\">may</span>"),
            std::string::npos);
  // The negated finding and its cue, next to each other.
  EXPECT_NE(out.find("<span class=\"cue\" title=\"neg.no\">No</span> <mark "
                     "class=\"negated\""),
            std::string::npos);
  EXPECT_EQ(Count(out, "<mark"), Count(out, "</mark>"));
  EXPECT_EQ(Count(out, "<details"), Count(out, "</details>"));
}

TEST(HtmlWriter, OverlappingSpansGiveBalancedTags) {
  auto lexicon = TestLexicon();
  AnalysisBuilder b(*lexicon, "o", "may indent the cord signal abnormality");
  const std::string& t = b.text();
  // Two findings that cross, and a cue inside the first.
  b.AddFinding("cord.indent", Span(4, 26), Certainty::kPossible,
               SectionKind::kFindings);
  b.AddFinding("cord.signal", Find(t, "cord signal abnormality"),
               Certainty::kDefinite, SectionKind::kFindings);
  b.AddCue("hedge.may", Find(t, "the"), Span());
  std::string out;
  AppendHtmlReport(b.analysis(), lexicon.get(), &out);
  EXPECT_EQ(Count(out, "<mark"), Count(out, "</mark>"));
  EXPECT_EQ(Count(out, "<span class=\"cue\""),
            Count(out, "</span>") - Count(out, "<span class=\"id\"") -
                Count(out, "<span class=\"tag"));
  EXPECT_NE(out.find("title=\"cord_compression | possible; "
                     "cord_signal_abnormality | definite\">cord signal"),
            std::string::npos);
}

TEST(HtmlWriter, ReportTextIsEscaped) {
  auto lexicon = TestLexicon();
  AnalysisBuilder b(*lexicon, "<id>", "a<b>&c \"indent the cord\"");
  const std::string& t = b.text();
  b.AddFinding("cord.indent", Find(t, "indent the cord"), Certainty::kDefinite,
               SectionKind::kFindings);
  std::string out;
  AppendHtmlReport(b.analysis(), lexicon.get(), &out);
  EXPECT_NE(out.find("a&lt;b&gt;&amp;c &quot;<mark"), std::string::npos);
  EXPECT_NE(out.find("<span class=\"id\">&lt;id&gt;</span>"),
            std::string::npos);
  EXPECT_EQ(out.find("<b>&c"), std::string::npos);
}

TEST(HtmlWriter, ErrorReportNamesCodeAndMessage) {
  std::string out;
  AppendHtmlErrorReport("r<9>", "too_large", "record exceeds 16 MiB", &out);
  EXPECT_NE(out.find("report error"), std::string::npos);
  EXPECT_NE(out.find("r&lt;9&gt;"), std::string::npos);
  EXPECT_NE(out.find("<td>too_large</td>"), std::string::npos);
  EXPECT_NE(out.find("<td>record exceeds 16 MiB</td>"), std::string::npos);
}

}  // namespace
}  // namespace myelex
