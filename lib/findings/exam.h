// Exam facts: which study the report describes (modality, cervical region,
// IV contrast) and whether the guideline applies to it.
//
// Pipeline position: part of finding assembly. Reads the attribute mentions
// of lexicons/attributes_exam.tsv ("modality", "region", "contrast",
// "contrast_evidence") from, in order of trust: the EXAM/PROCEDURE section,
// the report's first lines (before any header), the TECHNIQUE section. The
// clinical history and the COMPARISON section never describe the current
// exam ("prior MRI", "comparison CT"), so they are not read. When no region
// is stated there, the body of the report decides (cervical words and
// cervical spinal levels against other regions). When contrast is not
// stated, enhancement words in the findings imply a contrast study.
//
// applicable: the study covers the cervical spine and is MRI, CT or CT
// myelography; an unknown modality whose text is about the cervical spine
// counts (contract section 2).
//
// Thread-safety: pure function over const inputs.
#pragma once

#include <vector>

#include "findings/finding.h"
#include "lexicon/compiled_lexicon.h"
#include "match/matcher.h"
#include "text/document.h"

namespace myelex {

// Reads the exam facts of `doc`. `excluded` is empty or parallel to
// `mentions`; a true entry drops that mention (e.g. one ConText found
// historical: "compared with the prior CT").
ExamFacts ReadExamFacts(const Document& doc, const CompiledLexicon& lexicon,
                        const std::vector<Mention>& mentions,
                        const std::vector<bool>& excluded = {});

}  // namespace myelex
