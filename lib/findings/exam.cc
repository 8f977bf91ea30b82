#include "findings/exam.h"

#include <string>

#include "findings/attributes.h"
#include "findings/spinal_level.h"

namespace myelex {

namespace {

// How many sentences at the top of a report count as its "first lines"
// when they sit before any section header.
constexpr int kFirstLines = 3;

// Where a mention sits, from most to least trusted for exam facts.
enum Tier {
  kTierExam = 0,
  kTierFirstLines,
  kTierTechnique,
  kTierBody,
  kTierNone
};

Tier TierOf(const Document& doc, int sentence) {
  switch (doc.SectionOf(sentence)) {
    case SectionKind::kExam:
      return kTierExam;
    case SectionKind::kNone:
      return sentence < kFirstLines ? kTierFirstLines : kTierBody;
    case SectionKind::kTechnique:
      return kTierTechnique;
    case SectionKind::kFindings:
    case SectionKind::kImpression:
    case SectionKind::kAddendum:
      return kTierBody;
    default:  // history, comparison, recommendation, other
      return kTierNone;
  }
}

bool ParseModality(const std::string& value, Modality* m) {
  static const Modality kAll[] = {Modality::kMri,         Modality::kCt,
                                  Modality::kCtMyelogram, Modality::kRadiograph,
                                  Modality::kOther,       Modality::kUnknown};
  for (Modality candidate : kAll) {
    if (value == ToString(candidate)) {
      *m = candidate;
      return true;
    }
  }
  return false;
}

bool CoversCervical(const std::string& region) {
  return region == "cervical" || region == "whole_spine";
}

struct Hit {
  int mention;
  Tier tier;
};

// The attribute mentions named `attribute`, with their tier, skipping
// excluded ones and those in sections that never describe the exam.
std::vector<Hit> Hits(const Document& doc, const CompiledLexicon& lexicon,
                      const std::vector<Mention>& mentions,
                      const std::vector<bool>& excluded,
                      std::string_view attribute) {
  std::vector<Hit> hits;
  for (int i : AttributeMentions(lexicon, mentions, attribute)) {
    if (!excluded.empty() && excluded[i]) continue;
    Tier tier = TierOf(doc, mentions[i].sentence);
    if (tier == kTierNone) continue;
    hits.push_back({i, tier});
  }
  return hits;
}

// The most trusted tier among `hits` up to `max_tier`, or kTierNone.
Tier BestTier(const std::vector<Hit>& hits, Tier max_tier) {
  Tier best = kTierNone;
  for (const Hit& h : hits) {
    if (h.tier <= max_tier && h.tier < best) best = h.tier;
  }
  return best;
}

}  // namespace

ExamFacts ReadExamFacts(const Document& doc, const CompiledLexicon& lexicon,
                        const std::vector<Mention>& mentions,
                        const std::vector<bool>& excluded) {
  ExamFacts exam;
  auto value_of = [&](int mention) -> const std::string& {
    return lexicon.rule(mentions[mention].rule).value;
  };

  // Modality: the first mention of the most trusted tier; a myelogram named
  // anywhere in that tier makes the study a CT myelogram ("CT cervical spine
  // post myelogram").
  std::vector<Hit> modality =
      Hits(doc, lexicon, mentions, excluded, "modality");
  Tier tier = BestTier(modality, kTierTechnique);
  int chosen = -1;
  for (const Hit& h : modality) {
    if (h.tier != tier) continue;
    Modality m;
    if (!ParseModality(value_of(h.mention), &m)) continue;
    const bool upgrade =
        m == Modality::kCtMyelogram && exam.modality != Modality::kCtMyelogram;
    if (chosen < 0 || upgrade) {
      chosen = h.mention;
      exam.modality = m;
    }
  }
  if (chosen >= 0) exam.evidence.push_back(mentions[chosen].span);

  // Region: any cervical mention in the most trusted tier that names a
  // region; failing that, the body of the report.
  std::vector<Hit> region = Hits(doc, lexicon, mentions, excluded, "region");
  tier = BestTier(region, kTierTechnique);
  std::string other_region;
  bool decided = false;
  if (tier != kTierNone) {
    decided = true;
    for (const Hit& h : region) {
      if (h.tier != tier) continue;
      if (CoversCervical(value_of(h.mention))) {
        if (!exam.cervical) exam.evidence.push_back(mentions[h.mention].span);
        exam.cervical = true;
      } else if (other_region.empty()) {
        other_region = value_of(h.mention);
      }
    }
  }
  if (!decided) {
    int cervical = 0, other = 0;
    for (const Hit& h : region) {
      if (CoversCervical(value_of(h.mention))) {
        ++cervical;
      } else {
        ++other;
        if (other_region.empty()) other_region = value_of(h.mention);
      }
    }
    const std::vector<Sentence>& sentences = doc.sentences();
    for (size_t s = 0; s < sentences.size(); ++s) {
      if (TierOf(doc, static_cast<int>(s)) == kTierNone) continue;
      std::vector<SpinalLevel> levels;
      if (!sentences[s].level_header.empty()) {
        levels = ParseLevelHeader(doc.Text(sentences[s].level_header));
      }
      for (const LevelMention& lm :
           FindLevels(doc.Text(sentences[s].span), sentences[s].span.begin)) {
        levels.insert(levels.end(), lm.levels.begin(), lm.levels.end());
      }
      for (const SpinalLevel& level : levels) {
        // Vertebra index 7 is C7; 8 is T1 (C7-T1 still counts as neck).
        if (level.upper <= 7) {
          ++cervical;
        } else {
          ++other;
        }
      }
    }
    exam.cervical = cervical > 0 && cervical >= other;
  }

  // Contrast: stated in the exam, first lines or technique (any "with"
  // wins over "without": a without-and-with study gave contrast); else
  // enhancement described in the report body implies it.
  std::vector<Hit> contrast =
      Hits(doc, lexicon, mentions, excluded, "contrast");
  int with = -1, without = -1;
  for (const Hit& h : contrast) {
    if (h.tier > kTierTechnique) continue;
    if (value_of(h.mention) == "true" && with < 0) with = h.mention;
    if (value_of(h.mention) == "false" && without < 0) without = h.mention;
  }
  if (with >= 0) {
    exam.contrast = true;
    exam.evidence.push_back(mentions[with].span);
  } else if (without >= 0) {
    exam.contrast = false;
    exam.evidence.push_back(mentions[without].span);
  } else {
    for (const Hit& h :
         Hits(doc, lexicon, mentions, excluded, "contrast_evidence")) {
      if (h.tier == kTierNone || value_of(h.mention) != "true") continue;
      exam.contrast = true;
      exam.evidence.push_back(mentions[h.mention].span);
      break;
    }
  }

  const bool modality_ok = exam.modality == Modality::kMri ||
                           exam.modality == Modality::kCt ||
                           exam.modality == Modality::kCtMyelogram ||
                           exam.modality == Modality::kUnknown;
  exam.applicable = exam.cervical && modality_ok;
  if (!exam.cervical) {
    exam.not_applicable_reason =
        other_region.empty()
            ? "the study is not of the cervical spine"
            : "the study is not of the cervical spine (region: " +
                  other_region + ")";
  } else if (!modality_ok) {
    exam.not_applicable_reason =
        std::string("the exam is ") +
        (exam.modality == Modality::kRadiograph ? "a radiograph"
                                                : "another modality") +
        ", not MRI, CT or CT myelography";
  }
  return exam;
}

}  // namespace myelex
