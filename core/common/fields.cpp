// The fields a paragraph is filtered and counted by, in one table (see fields.h).
#include "core/common/fields.h"

#include "core/common/judgement_vocabulary.h"
#include "core/common/text_normaliser.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace findings {

namespace {

// Returns a value as a key to compare: lower case, runs of spaces, dashes and underscores as
// one underscore ("Requires improvement" and "requires-improvement" are requires_improvement).
std::string key_of(const std::string& written)
{
    std::string key = slugify(written);
    std::replace(key.begin(), key.end(), '-', '_');
    return key;
}

// Returns the value of values whose key is written's (or, for plurals, written's less its
// final s), in a list of one; an empty list when there is none.
std::vector<std::string> listed_value(const std::string& written, const std::vector<FieldValue>& values)
{
    const std::string key = key_of(written);
    for (const std::string& candidate : {key, key.empty() ? key : key.substr(0, key.size() - 1)}) {
        for (const auto& value : values) {
            if (key_of(value.value) == candidate || key_of(value.label) == candidate)
                return {value.value};
        }
    }
    return {};
}

const std::vector<FieldValue> k_grades = {
    {"outstanding", "outstanding"},    {"good", "good"},
    {"adequate", "adequate"},          {"requires_improvement", "requires improvement"},
    {"inadequate", "inadequate"},      {"not_judged", "not judged"},
    {"ungraded", "ungraded"},
};

const std::vector<FieldValue> k_finding_types = {
    {"strength", "strength"},
    {"satisfactory", "satisfactory"},
    {"area_for_development", "area for development"},
    {"priority_action", "priority action"},
    {"recommendation", "recommendation"},
    {"judgement", "judgement"},
    {"context", "context"},
};

const std::vector<FieldValue> k_timescales = {
    {"none", "no timescale"},
    {"immediately", "immediately"},
    {"within_3_months", "within 3 months"},
    {"within_6_months", "within 6 months"},
};

const std::vector<FieldValue> k_polarities = {
    {"negative", "negative"},
    {"mixed", "mixed"},
    {"positive", "positive"},
    {"neutral", "neutral"},
};

// The report kinds report_header's report_kind() gives.
const std::vector<FieldValue> k_kinds = {
    {"unannounced_car", "unannounced inspection"},
    {"safeguarding_lac", "safeguarding and looked after children"},
    {"lac_2013", "looked after children (2013)"},
    {"sif", "single inspection framework"},
    {"ilacs_standard", "ILACS standard"},
    {"ilacs_short", "ILACS short"},
    {"focused_visit", "focused visit"},
    {"monitoring_visit", "monitoring visit"},
    {"letter", "letter"},
    {"inspection", "other inspection"},
};

const std::vector<FieldValue> k_authority_types = {
    {"london_borough", "London borough"},
    {"metropolitan_district", "metropolitan district"},
    {"county", "county"},
    {"unitary", "unitary"},
};

// The regions of the gazetteer's authorities, in name order.
std::vector<FieldValue> regions()
{
    std::set<std::string> names;
    for (const Authority& authority : Gazetteer::instance().all())
        names.insert(authority.region);
    std::vector<FieldValue> values;
    for (const auto& name : names)
        values.push_back({name, name});
    return values;
}

std::vector<std::string> resolve_authority(const std::string& written)
{
    if (const Authority* authority = Gazetteer::instance().resolve(written))
        return {authority->slug};
    return {};
}

std::vector<std::string> resolve_year(const std::string& written)
{
    const bool year = written.size() == 4 && std::all_of(written.begin(), written.end(),
                                                         [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    return year ? std::vector<std::string>{written} : std::vector<std::string>{};
}

std::vector<std::string> resolve_region(const std::string& written)
{
    for (const auto& region : field_named("region")->values) {
        if (slugify(region.value) == slugify(written))
            return {slugify(region.value)};
    }
    return {};
}

std::vector<std::string> resolve_authority_type(const std::string& written)
{
    return listed_value(written, k_authority_types);
}

std::vector<std::string> resolve_kind(const std::string& written) { return listed_value(written, k_kinds); }

std::vector<std::string> resolve_grade(const std::string& written)
{
    const std::string key = key_of(written);
    if (key == "requires_improvement_to_be_good" || key == "ri")
        return {"requires_improvement"};
    return listed_value(written, k_grades);
}

// Finding types as people write them ("priority action", "areas_for_development"), and the
// polarity words for their groups.
std::vector<std::string> resolve_finding_type(const std::string& written)
{
    if (auto listed = listed_value(written, k_finding_types); !listed.empty())
        return listed;  // "strengths" is strength alone, as type:strengths always was
    const std::string key = key_of(written);
    if (key == "strengths" || key == "positive" || key == "positives")
        return {"strength", "satisfactory"};
    if (key == "weakness" || key == "weaknesses" || key == "negative" || key == "concerns")
        return {"area_for_development", "priority_action", "recommendation"};
    if (key == "areas_for_development")
        return {"area_for_development"};
    return {};
}

std::vector<std::string> resolve_timescale(const std::string& written) { return listed_value(written, k_timescales); }

// Polarities, and the words people use for them ("critical", "praise").
std::vector<std::string> resolve_polarity(const std::string& written)
{
    const std::string key = key_of(written);
    if (key == "critical" || key == "criticism" || key == "weakness" || key == "weaknesses")
        return {"negative"};
    if (key == "praise" || key == "strength" || key == "strengths")
        return {"positive"};
    return listed_value(written, k_polarities);
}

std::string authority_name(const FieldSource& source) { return source.report.authority; }
std::string authority_slug(const FieldSource& source) { return source.authority ? source.authority->slug : ""; }
std::string region_name(const FieldSource& source) { return source.authority ? source.authority->region : ""; }
std::string region_slug(const FieldSource& source) { return slugify(region_name(source)); }
std::string authority_type_of(const FieldSource& source)
{
    return source.authority ? to_string(source.authority->type) : "";
}
// An authority's type from its name: the authority type facet needs no slot of its own.
std::string authority_type_named(const std::string& authority)
{
    const Authority* found = Gazetteer::instance().resolve(authority);
    return found ? to_string(found->type) : "";
}
std::string year_of(const FieldSource& source)
{
    return source.report.date.known() ? std::to_string(source.report.date.year) : "";
}
std::string kind_of(const FieldSource& source) { return source.report.kind; }
std::string grade_of(const FieldSource& source) { return to_string(source.paragraph.grade); }
std::string finding_type_of(const FieldSource& source) { return to_string(source.paragraph.finding_type); }
std::string timescale_of(const FieldSource& source) { return to_string(source.paragraph.timescale); }
std::string polarity_of(const FieldSource& source) { return to_string(source.paragraph.polarity); }

// The grades an overall judgement takes (ungraded is no grade, and says nothing of a report).
std::vector<FieldValue> overall_grades()
{
    std::vector<FieldValue> grades = k_grades;
    grades.erase(std::remove_if(grades.begin(), grades.end(), [](const FieldValue& grade) { return grade.value == "ungraded"; }),
                 grades.end());
    return grades;
}

std::string overall_grade_of(const FieldSource& source)
{
    for (const auto& judgement : source.report.judgements) {
        if (judgement.key == overall_judgement_key())
            return to_string(judgement.grade);
    }
    return "";
}

std::vector<std::string> resolve_overall(const std::string& written)
{
    const auto grades = resolve_grade(written);
    return grades == std::vector<std::string>{"ungraded"} ? std::vector<std::string>{} : grades;
}

// Reads "help_and_protection=inadequate" (also "help and protection: inadequate"), or a key
// alone for any grade of it.
std::vector<std::string> resolve_judgement(const std::string& written)
{
    const auto separator = written.find_first_of("=:");
    const std::string key = key_of(written.substr(0, separator));
    if (!judgement_key_named(key))
        return {};
    if (separator == std::string::npos) {
        std::vector<std::string> any;
        for (const auto& grade : overall_grades())
            any.push_back(judgement_term(key, grade.value));
        return any;
    }
    const auto grades = resolve_overall(collapse_spaces(written.substr(separator + 1)));
    return grades.empty() ? grades : std::vector<std::string>{judgement_term(key, grades.front())};
}

std::string no_value(const FieldSource&) { return ""; }

// What to write for a judgement: its key (the framework-wide ones by name, the 2009-2012 ones by
// their prefix) and a grade.
std::string judgement_advice()
{
    std::string keys;
    for (const auto& key : judgement_keys()) {
        if (key.key.rfind("safeguarding_", 0) != 0 && key.key.rfind("looked_after_", 0) != 0)
            keys += key.key + ", ";
    }
    return "write a judgement's key and grade, e.g. judgement:help_and_protection=inadequate; keys: " + keys +
           "safeguarding_... and looked_after_... (docs/PARSING.md)";
}

std::vector<std::string> judgement_terms(const FieldSource& source)
{
    std::vector<std::string> terms;
    for (const auto& judgement : source.report.judgements)
        terms.push_back(judgement_term(judgement.key, to_string(judgement.grade)));
    return terms;
}

std::vector<Field> make_fields()
{
    using L = FieldLevel;
    using F = FieldFilter;
    return {
        {"finding_type", "Finding", "type", "type", "--type", "XT", 4, "", true, false, L::paragraph, F::values,
         "strength", "filter by finding type; strengths and weaknesses name their groups", k_finding_types,
         "use strength, satisfactory, area_for_development, priority_action, recommendation, judgement or context",
         resolve_finding_type, finding_type_of, finding_type_of, nullptr},
        {"grade", "Grade", "grade", "grade", "--grade", "XG", 3, "", true, false, L::paragraph, F::values,
         "inadequate", "filter by the grade of the judgement a paragraph is under", k_grades,
         "use outstanding, good, adequate, requires_improvement, inadequate, not_judged or ungraded", resolve_grade,
         grade_of, grade_of, nullptr},
        {"polarity", "Polarity", "polarity", "polarity", "--polarity", "XP", 13, "", true, false, L::paragraph,
         F::values, "negative",
         "filter by whether inspectors criticise (negative) or praise (positive) what a paragraph describes, both "
         "(mixed) or neither (neutral), as a model read it",
         k_polarities, "use negative, positive, mixed or neutral", resolve_polarity, polarity_of, polarity_of, nullptr},
        {"timescale", "Timescale", "timescale", "timescale", "--timescale", "XS", k_no_slot, "", false, false,
         L::paragraph, F::values, "within_3_months", "filter recommendations by the time they give", k_timescales,
         "use immediately, within_3_months, within_6_months or none", resolve_timescale, timescale_of, timescale_of, nullptr},
        {"authority", "Authority", "authority", "authority", "--authority", "XA", 2, "", true, false, L::report,
         F::values, "Croydon", "filter by local authority, in any usual name form", {},
         "use a local authority's name, e.g. authority:Croydon", resolve_authority, authority_name, authority_slug, nullptr},
        {"region", "Region", "region", "region", "--region", "XE", 5, "", true, false, L::report, F::values,
         "London", "filter by the authority's region", regions(), "use an English region, e.g. region:London",
         resolve_region, region_name, region_slug, nullptr},
        {"authority_type", "Authority type", "authority_type", "authority_type", "--authority-type", "XL", k_no_slot,
         "authority", true, false, L::report, F::values, "county", "filter by the authority's type", k_authority_types,
         "use london_borough, metropolitan_district, county or unitary", resolve_authority_type, authority_type_of,
         authority_type_of, authority_type_named},
        {"year", "Year", "year", "year", "--year", "XY", 1, "", true, true, L::report, F::year_range, "2010",
         "filter by the report's year, or a range of years", {},
         "write a year such as year:2010, or a range such as year:2009..2011", resolve_year, year_of, year_of, nullptr},
        {"kind", "Report kind", "kind", "kind", "--kind", "XK", 6, "", true, false, L::report, F::values,
         "focused_visit", "filter by the kind of report", k_kinds,
         "use a report kind such as focused_visit, sif or ilacs_standard", resolve_kind, kind_of, kind_of, nullptr},
        {"overall", "Overall grade", "overall", "overall", "--overall", "XO", 12, "", true, false, L::report,
         F::values, "inadequate",
         "filter by the report's overall effectiveness grade (SIF, ILACS to April 2026, looked after children 2013)",
         overall_grades(), "use outstanding, good, adequate, requires_improvement, inadequate or not_judged",
         resolve_overall, overall_grade_of, overall_grade_of, nullptr},
        {"judgement", "Judgement", "judgement", "judgement", "--judgement", "XJ", k_no_slot, "", false, false,
         L::report, F::values, "help_and_protection=inadequate",
         "filter by one of the report's judgements and its grade, as KEY=GRADE or KEY:GRADE (a key alone: any grade)", {},
         judgement_advice(),
         resolve_judgement, no_value, no_value, nullptr, false, judgement_terms},
    };
}

template <typename Key>
const Field* find_field(Key key)
{
    for (const Field& field : fields()) {
        if (key(field))
            return &field;
    }
    return nullptr;
}

}  // namespace

std::string Field::label_of(const std::string& value) const
{
    for (const auto& listed : values) {
        if (listed.value == value)
            return listed.label;
    }
    return value;
}

std::vector<std::string> Field::terms(const FieldSource& source) const
{
    if (terms_of)
        return terms_of(source);
    std::string term = term_of(source);
    return term.empty() ? std::vector<std::string>{} : std::vector<std::string>{std::move(term)};
}

const std::vector<Field>& fields()
{
    static const std::vector<Field> table = make_fields();
    return table;
}

const Field* field_named(std::string_view name)
{
    return find_field([name](const Field& field) { return field.name == name; });
}

const Field* field_with_prefix(std::string_view prefix)
{
    return find_field([prefix](const Field& field) { return field.query_prefix == prefix; });
}

const Field* field_with_parameter(std::string_view parameter)
{
    return find_field([parameter](const Field& field) { return !field.parameter.empty() && field.parameter == parameter; });
}

}  // namespace findings
