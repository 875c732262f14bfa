// A report's judgements, one per key, and the grades its paragraphs inherit (see judgement_resolver.h).
#include "core/ingest/judgement_resolver.h"

#include "core/common/judgement_vocabulary.h"
#include "core/ingest/dates.h"

#include <algorithm>
#include <map>

namespace findings {

namespace {

const char* source_name(JudgementSource source)
{
    switch (source) {
    case JudgementSource::table: return "table";
    case JudgementSource::heading: return "heading";
    case JudgementSource::sentence: return "sentence";
    }
    return "";
}

// Returns a judgement's label: the 2009-2012 inspections grade the same aspects for two
// services, so a table row's label keeps the group it sits under ("Services for looked after
// children: Overall effectiveness").
std::string label_of(const JudgementCandidate& candidate, const std::string& key)
{
    const bool per_service = key.rfind("safeguarding_", 0) == 0 || key.rfind("looked_after_", 0) == 0;
    const std::string label = judgement_label(candidate.name, key);
    return per_service && !candidate.group.empty() ? candidate.group + ": " + label : label;
}

const Judgement* judgement_with_key(const Report& report, const std::string& key)
{
    for (const auto& judgement : report.judgements) {
        if (judgement.key == key)
            return &judgement;
    }
    return nullptr;
}

}  // namespace

std::string candidate_key(const JudgementCandidate& candidate, const std::string& report_kind)
{
    return judgement_key_for(candidate.name, candidate.group, report_kind).value_or("");
}

void resolve_judgements(const std::vector<JudgementCandidate>& candidates, Report& report)
{
    std::map<std::string, std::vector<const JudgementCandidate*>> by_key;
    for (const auto& candidate : candidates) {
        if (candidate.grade == Grade::ungraded)
            continue;
        const std::string key = candidate_key(candidate, report.kind);
        if (!key.empty())
            by_key[key].push_back(&candidate);
    }
    report.judgements.clear();
    for (auto& [key, stated] : by_key) {
        // The most trusted source first; among equals, the first in the report.
        std::stable_sort(stated.begin(), stated.end(), [](const JudgementCandidate* a, const JudgementCandidate* b) {
            return static_cast<int>(a->source) < static_cast<int>(b->source);
        });
        const JudgementCandidate& chosen = *stated.front();
        for (const JudgementCandidate* other : stated) {
            if (other->grade != chosen.grade) {
                report.grade_disagreements.push_back(key + ": " + to_string(chosen.grade) +
                                          " in the " + source_name(chosen.source) + ", " + to_string(other->grade) +
                                          " in a " + source_name(other->source));
                break;
            }
        }
        report.judgements.push_back({key, label_of(chosen, key), chosen.grade});
    }
    std::sort(report.judgements.begin(), report.judgements.end(), [](const Judgement& a, const Judgement& b) {
        return judgement_key_position(a.key) < judgement_key_position(b.key);
    });
    const auto inspection_end = find_last_date(report.inspection_dates);
    report.lacks_overall = framework_has_overall(report.kind, inspection_end ? inspection_end->compact() : "") &&
                           !judgement_with_key(report, overall_judgement_key());
}

void inherit_grades(Report& report)
{
    const bool has_overall = judgement_with_key(report, overall_judgement_key()) != nullptr;
    bool in_opening = true;  // before the first section of a judgement other than the overall one
    for (auto& paragraph : report.paragraphs) {
        if (!paragraph.judgement.empty() && paragraph.judgement != overall_judgement_key())
            in_opening = false;
        if (paragraph.finding_type == FindingType::context) {
            paragraph.judgement.clear();
            paragraph.grade = Grade::ungraded;
            continue;
        }
        if (paragraph.judgement.empty() && in_opening && has_overall && paragraph.finding_type == FindingType::judgement)
            paragraph.judgement = overall_judgement_key();
        const Judgement* judgement = judgement_with_key(report, paragraph.judgement);
        paragraph.grade = judgement ? judgement->grade : Grade::ungraded;
    }
}

}  // namespace findings
