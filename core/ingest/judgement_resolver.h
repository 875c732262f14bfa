// A report's judgements from every place that states them (its table, its headings, its
// sentences), one per key of the vocabulary, and the grades its paragraphs inherit from them.
#pragma once

#include "core/common/report_model.h"

#include <string>
#include <vector>

namespace findings {

// Where a report states a judgement, most trusted first: where two places disagree, the
// report's own table wins.
enum class JudgementSource { table, heading, sentence };

struct JudgementCandidate {
    std::string name;   // as written, grade split off ("The graded judgement for adoption performance is that it")
    std::string group;  // the table group or report part it sits in ("Safeguarding services"), or ""
    Grade grade = Grade::ungraded;
    JudgementSource source = JudgementSource::heading;
};

// Returns the vocabulary key a candidate stands for in a report of this kind, or "".
std::string candidate_key(const JudgementCandidate& candidate, const std::string& report_kind);

// Sets report.judgements from the candidates: one per key, from the most trusted source, in
// the vocabulary's order. Notes in report.grade_disagreements each key whose sources give
// different grades, and sets report.lacks_overall when the report's framework has an overall
// judgement and the report states none.
void resolve_judgements(const std::vector<JudgementCandidate>& candidates, Report& report);

// Gives every paragraph the grade of the judgement whose section it sits in (its judgement
// key); a full report's opening narrative (the executive summary, the headline paragraphs)
// sits under the overall judgement. Context paragraphs are ungraded.
void inherit_grades(Report& report);

}  // namespace findings
