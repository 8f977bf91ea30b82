#include "output/jsonl_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "output/format_util.h"
#include "output/output_internal.h"
#include "rapidjson/writer.h"

namespace myelex {

const char* ContractSectionName(SectionKind kind) {
  switch (kind) {
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
    case SectionKind::kNone:
    case SectionKind::kExam:
    case SectionKind::kAddendum:
    case SectionKind::kOther:
      return "other";
  }
  return "other";
}

namespace output_internal {

std::string_view ValidUtf8(std::string_view s, std::string* scratch) {
  if (IsValidUtf8(s)) return s;
  scratch->clear();
  AppendValidUtf8(s, scratch);
  return *scratch;
}

std::string_view SpanText(const Analysis& a, Span span) {
  const std::string& text = a.document.original();
  const size_t b = std::min<size_t>(span.begin, text.size());
  const size_t e =
      std::min<size_t>(std::max(span.end, span.begin), text.size());
  return std::string_view(text).substr(b, e - b);
}

bool ResolveCue(const Analysis& a, const CompiledLexicon* lexicon, int cue,
                CueInfo* info, bool with_scope) {
  if (cue < 0 || static_cast<size_t>(cue) >= a.context.cues.size()) {
    return false;
  }
  const Cue& c = a.context.cues[cue];
  if (c.mention < 0 || static_cast<size_t>(c.mention) >= a.mentions.size()) {
    return false;
  }
  const Mention& m = a.mentions[c.mention];
  info->rule = nullptr;
  if (lexicon != nullptr && m.rule >= 0 &&
      static_cast<size_t>(m.rule) < lexicon->rules().size()) {
    info->rule = &lexicon->rule(m.rule);
  }
  info->span = m.span;
  info->blocked = c.blocked;
  info->scope = Span();
  if (with_scope && !c.scope.empty() &&
      c.scope.end <= a.document.normalized().size()) {
    info->scope = a.document.ToOriginal(c.scope);
  }
  return true;
}

const Rule* FindingRule(const CompiledLexicon* lexicon, int rule) {
  if (lexicon == nullptr || rule < 0 ||
      static_cast<size_t>(rule) >= lexicon->rules().size()) {
    return nullptr;
  }
  return &lexicon->rule(rule);
}

}  // namespace output_internal

namespace {

using output_internal::ContractSectionName;
using output_internal::CueInfo;
using output_internal::ResolveCue;
using output_internal::SpanText;

// A RapidJSON output stream appending straight to the caller's string. It
// grows the string geometrically and writes through a raw pointer
// (RapidJSON reserves before each token via PutReserve, found here by ADL),
// then trims the string to the bytes written when destroyed.
class StringOut {
 public:
  typedef char Ch;
  explicit StringOut(std::string* out) : out_(out) {
    cur_ = end_ = out->data() + out->size();
  }
  ~StringOut() { out_->resize(cur_ - out_->data()); }
  StringOut(const StringOut&) = delete;
  StringOut& operator=(const StringOut&) = delete;

  void Reserve(size_t n) {
    if (static_cast<size_t>(end_ - cur_) >= n) return;
    const size_t len = cur_ - out_->data();
    out_->resize(std::max(len + n, 2 * out_->size() + 256));
    cur_ = out_->data() + len;
    end_ = out_->data() + out_->size();
  }
  void PutUnchecked(char c) { *cur_++ = c; }
  // Writes `s` between double quotes.
  void PutQuoted(std::string_view s) {
    Reserve(s.size() + 2);
    *cur_++ = '"';
    std::memcpy(cur_, s.data(), s.size());
    cur_ += s.size();
    *cur_++ = '"';
  }
  void Put(char c) {
    Reserve(1);
    PutUnchecked(c);
  }
  void Flush() {}

 private:
  std::string* out_;
  char* cur_;  // next byte to write inside *out_
  char* end_;  // end of the reserved space
};

inline void PutReserve(StringOut& stream, size_t count) {
  stream.Reserve(count);
}
inline void PutUnsafe(StringOut& stream, char c) { stream.PutUnchecked(c); }

// True if JSON writes `s` as it is: printable ASCII without '"' or '\\'.
// (RapidJSON escapes only control characters, '"' and '\\'; other
// strings take the general path, which also repairs invalid UTF-8.)
bool IsPlainAscii(std::string_view s) {
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return false;
  }
  return true;
}

// RapidJSON's writer with a copy-through path for strings that need no
// escaping: the same bytes, without the per-character escape loop.
class Writer : public rapidjson::Writer<StringOut> {
 public:
  explicit Writer(StringOut& os) : rapidjson::Writer<StringOut>(os) {}

  // REQUIRES: IsPlainAscii(s).
  void PlainString(std::string_view s) {
    Prefix(rapidjson::kStringType);
    os_->PutQuoted(s);
    EndValue(true);
  }
};

// Writes JSON into a std::string. Every string goes through Str(), which
// repairs invalid UTF-8 (RapidJSON would otherwise emit the bytes as they
// are and produce an invalid document).
class Json {
 public:
  explicit Json(std::string* out) : stream_(out), w_(stream_) {}

  // Keys are plain ASCII literals.
  template <size_t N>
  void Key(const char (&k)[N]) {
    w_.PlainString(std::string_view(k, N - 1));
  }
  void Str(std::string_view s) {
    if (IsPlainAscii(s)) {
      w_.PlainString(s);
    } else if (output_internal::IsValidUtf8(s)) {
      w_.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    } else {
      scratch_.clear();
      output_internal::AppendValidUtf8(s, &scratch_);
      w_.String(scratch_.data(),
                static_cast<rapidjson::SizeType>(scratch_.size()));
    }
  }
  void StrOrNull(std::string_view s) {
    if (s.empty()) {
      w_.Null();
    } else {
      Str(s);
    }
  }
  void Bool(bool b) { w_.Bool(b); }
  void Null() { w_.Null(); }
  void Uint(uint32_t v) { w_.Uint(v); }
  void Int(int v) { w_.Int(v); }
  // NaN and infinities are not JSON: written as null.
  void Double(double d) {
    if (std::isfinite(d)) {
      w_.Double(d);
    } else {
      w_.Null();
    }
  }
  void StartObject() { w_.StartObject(); }
  void EndObject() { w_.EndObject(); }
  void StartArray() { w_.StartArray(); }
  void EndArray() { w_.EndArray(); }
  // Ends the record. Use this, not out->push_back: until the Json object is
  // destroyed the string holds reserved space after the written bytes.
  void Newline() { stream_.Put('\n'); }

 private:
  StringOut stream_;
  Writer w_;
  std::string scratch_;  // only used for invalid UTF-8
};

void WriteExam(Json& j, const char* modality, bool cervical,
               const std::optional<bool>& contrast) {
  j.Key("exam");
  j.StartObject();
  j.Key("modality");
  j.Str(modality);
  j.Key("cervical");
  j.Bool(cervical);
  j.Key("contrast");
  if (contrast.has_value()) {
    j.Bool(*contrast);
  } else {
    j.Null();
  }
  j.EndObject();
}

// The cue fields shared by finding cues and report-level cues.
void WriteCueFields(Json& j, const CueInfo& cue) {
  j.Key("id");
  if (cue.rule != nullptr) {
    j.Str(cue.rule->id);
  } else {
    j.Null();
  }
  j.Key("category");
  if (cue.rule != nullptr) {
    j.Str(ToString(cue.rule->category));
  } else {
    j.Null();
  }
  j.Key("certainty");
  if (cue.rule != nullptr && cue.rule->certainty.has_value()) {
    j.Str(ToString(*cue.rule->certainty));
  } else {
    j.Null();
  }
  j.Key("start");
  j.Uint(cue.span.begin);
  j.Key("end");
  j.Uint(cue.span.end);
}

// The ConText fields shared by findings and `assert` targets.
void WriteAssertionFields(Json& j, Certainty certainty, bool historical,
                          bool hypothetical, Experiencer experiencer) {
  j.Key("certainty");
  j.Str(ToString(certainty));
  j.Key("historical");
  j.Bool(historical);
  j.Key("hypothetical");
  j.Bool(hypothetical);
  j.Key("experiencer");
  j.Str(ToString(experiencer));
}

void WriteFinding(Json& j, const Analysis& a, const Finding& f,
                  const CompiledLexicon* lexicon) {
  j.StartObject();
  j.Key("concept");
  j.Str(f.concept);
  WriteAssertionFields(j, f.certainty, f.historical, f.hypothetical,
                       f.experiencer);
  j.Key("levels");
  j.StartArray();
  for (const std::string& level : f.levels) j.Str(level);
  j.EndArray();
  j.Key("severity");
  j.StrOrNull(f.severity);
  j.Key("laterality");
  j.StrOrNull(f.laterality);
  j.Key("section");
  j.Str(ContractSectionName(f.section));
  j.Key("start");
  j.Uint(f.span.begin);
  j.Key("end");
  j.Uint(f.span.end);
  j.Key("text");
  j.Str(SpanText(a, f.span));
  j.Key("cues");
  j.StartArray();
  for (int c : f.cues) {
    CueInfo cue;
    if (!ResolveCue(a, lexicon, c, &cue)) continue;
    j.StartObject();
    WriteCueFields(j, cue);
    j.EndObject();
  }
  j.EndArray();
  // Extras, after the contract fields.
  if (const Rule* rule = output_internal::FindingRule(lexicon, f.rule)) {
    j.Key("rule");
    j.Str(rule->id);
  }
  if (f.measurement_mm.has_value()) {
    j.Key("measurement_mm");
    j.Double(*f.measurement_mm);
  }
  j.EndObject();
}

}  // namespace

void AppendJsonl(const Analysis& a, const WriteOptions& options,
                 std::string* out) {
  Json j(out);
  j.StartObject();
  j.Key("id");
  j.Str(a.id);
  WriteExam(j, ToString(a.exam.modality), a.exam.cervical, a.exam.contrast);
  const Decision& d = a.decision;
  j.Key("applicable");
  j.Bool(a.exam.applicable);
  j.Key("equivocal");
  j.Bool(d.equivocal);
  j.Key("recommendation");
  j.Str(ToString(d.recommendation));
  j.Key("dwi");
  j.Bool(d.dwi);
  j.Key("surgical_referral");
  j.Bool(d.surgical_referral);

  j.Key("reasons");
  j.StartArray();
  for (const Reason& r : d.reasons) {
    j.StartObject();
    j.Key("rule");
    j.Str(r.rule);
    j.Key("text");
    j.Str(r.text);
    j.Key("citation");
    j.Str(r.citation);
    j.Key("findings");
    j.StartArray();
    for (int f : r.findings) j.Int(f);
    j.EndArray();
    j.EndObject();
  }
  j.EndArray();

  // Distinct values in first-seen order (the list is short).
  j.Key("report_recommends");
  j.StartArray();
  const auto& recs = a.report_recommends;
  for (size_t i = 0; i < recs.size(); ++i) {
    bool seen = false;
    for (size_t k = 0; k < i && !seen; ++k)
      seen = recs[k].value == recs[i].value;
    if (!seen) j.Str(recs[i].value);
  }
  j.EndArray();

  j.Key("concordance");
  j.Str(ToString(d.concordance));
  j.Key("pitfall");
  j.Bool(d.pitfall);

  j.Key("findings");
  j.StartArray();
  for (const Finding& f : a.findings) WriteFinding(j, a, f, options.lexicon);
  j.EndArray();

  if (options.emit_cues) {
    j.Key("cues");
    j.StartArray();
    for (size_t c = 0; c < a.context.cues.size(); ++c) {
      CueInfo cue;
      if (!ResolveCue(a, options.lexicon, static_cast<int>(c), &cue)) continue;
      j.StartObject();
      WriteCueFields(j, cue);
      j.Key("text");
      j.Str(SpanText(a, cue.span));
      j.EndObject();
    }
    j.EndArray();
  }

  j.Key("error");
  j.Null();

  if (!a.warnings.empty()) {
    j.Key("warnings");
    j.StartArray();
    for (const Warning& w : a.warnings) {
      j.StartObject();
      j.Key("code");
      j.Str(w.code);
      j.Key("message");
      j.Str(w.message);
      j.EndObject();
    }
    j.EndArray();
  }
  j.EndObject();
  j.Newline();
}

void AppendErrorJsonl(std::string_view id, std::string_view code,
                      std::string_view message, std::string* out) {
  Json j(out);
  j.StartObject();
  j.Key("id");
  j.Str(id);
  WriteExam(j, ToString(Modality::kUnknown), false, std::nullopt);
  j.Key("applicable");
  j.Bool(false);
  j.Key("equivocal");
  j.Bool(false);
  j.Key("recommendation");
  j.Str(ToString(Recommendation::kNone));
  j.Key("dwi");
  j.Bool(false);
  j.Key("surgical_referral");
  j.Bool(false);
  j.Key("reasons");
  j.StartArray();
  j.EndArray();
  j.Key("report_recommends");
  j.StartArray();
  j.EndArray();
  j.Key("concordance");
  j.Str(ToString(Concordance::kNotApplicable));
  j.Key("pitfall");
  j.Bool(false);
  j.Key("findings");
  j.StartArray();
  j.EndArray();
  j.Key("error");
  j.StartObject();
  j.Key("code");
  j.Str(code);
  j.Key("message");
  j.Str(message);
  j.EndObject();
  j.EndObject();
  j.Newline();
}

void AppendAssertJsonl(const std::string* id, const Document& doc,
                       const std::vector<Mention>& mentions,
                       const ContextResult& result,
                       const std::vector<Span>& targets,
                       const CompiledLexicon& lexicon, std::string* out) {
  Json j(out);
  j.StartObject();
  j.Key("id");
  if (id != nullptr) {
    j.Str(*id);
  } else {
    j.Null();
  }
  j.Key("targets");
  j.StartArray();
  for (size_t i = 0; i < targets.size() && i < result.assertions.size(); ++i) {
    const Assertion& a = result.assertions[i];
    j.StartObject();
    j.Key("start");
    j.Uint(targets[i].begin);
    j.Key("end");
    j.Uint(targets[i].end);
    WriteAssertionFields(j, a.certainty, a.historical, a.hypothetical,
                         a.experiencer);
    j.Key("cues");
    j.StartArray();
    for (int c : a.cues) {
      const Mention& m = mentions[result.cues[c].mention];
      CueInfo cue;
      cue.rule = &lexicon.rule(m.rule);
      cue.span = m.span;
      j.StartObject();
      WriteCueFields(j, cue);
      j.Key("text");
      j.Str(doc.OriginalText(m.span));
      j.EndObject();
    }
    j.EndArray();
    j.EndObject();
  }
  j.EndArray();
  j.Key("error");
  j.Null();
  j.EndObject();
  j.Newline();
}

}  // namespace myelex
