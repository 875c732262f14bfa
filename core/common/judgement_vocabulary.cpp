// The vocabulary of judgements across the inspection frameworks (see judgement_vocabulary.h).
#include "core/common/judgement_vocabulary.h"

#include "core/common/fast_regex.h"
#include "core/common/text_normaliser.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <regex>

namespace findings {

namespace {

// A judgement of SIF and ILACS reports (and the 2013 looked after children inspections' overall
// one), with the words that name it in a table, a heading or a sentence, in the order reports
// list them.
struct FrameworkJudgement {
    const char* key;
    const char* label;
    const char* frameworks;
    const char* pattern;  // searched in the lower-case name
};

const FrameworkJudgement k_framework_judgements[] = {
    {"overall_effectiveness", "Overall effectiveness",
     "SIF 2013-2018, ILACS 2018 to April 2026, looked after children 2013",
     R"(^(the )?overall (effectiveness|judgement)|^children's services (in|of) )"},
    {"help_and_protection", "Children who need help and protection", "SIF 2013-2018, ILACS 2018 on",
     R"(help and protection)"},
    {"children_in_care", "Children in care", "SIF 2013-2018 (looked after and achieving permanence), ILACS 2023 on",
     R"(achieving permanence|children in care|children looked after|looked after children)"},
    {"adoption", "Adoption performance", "SIF 2013-2018 (within children looked after)", R"(adoption)"},
    {"care_leavers", "Care leavers", "SIF 2013-2018 (within children looked after), ILACS 2023 on",
     R"(care leavers)"},
    {"children_in_care_and_care_leavers", "Children in care and care leavers", "ILACS 2018-2023 (one judgement)",
     R"(children (in care|looked after) and care leavers)"},
    {"leadership", "Leadership", "SIF 2013-2018 (leadership, management and governance), ILACS 2018 on (impact of leaders)",
     R"(impact of leaders|leadership)"},
    {"lscb", "The effectiveness of the Local Safeguarding Children Board", "SIF 2013-2018 (the LSCB review)",
     R"(safeguarding children board|\blscb\b)"},
};

// The order names are tried in (indexes into k_framework_judgements): the narrower first, so
// that "children in care and care leavers" is not read as care leavers or children in care,
// nor the LSCB's "children" as theirs.
constexpr std::size_t k_matching_order[] = {0, 7, 1, 5, 3, 4, 2, 6};
static_assert(std::size(k_matching_order) == std::size(k_framework_judgements));

// An aspect the 2009-2012 inspections of safeguarding and looked after children grade once for
// each of the two services (safeguarding_..., looked_after_...); the 2013 looked after children
// inspections grade the looked after ones.
struct ServiceAspect {
    const char* suffix;
    const char* label;
    const char* pattern;  // searched in the lower-case name
};

const ServiceAspect k_service_aspects[] = {
    {"overall_effectiveness", "overall effectiveness", R"(overall effectiveness)"},
    {"capacity_for_improvement", "capacity for improvement", R"(capacity (for|to) improve)"},
    {"children_feel_safe", "children and young people feel safe", R"(feel safe)"},
    {"children_safe", "children and young people are safe", R"(\bare safe)"},
    {"being_healthy", "being healthy", R"(being healthy)"},
    {"staying_safe", "staying safe", R"(staying safe)"},
    {"enjoying_and_achieving", "enjoying and achieving", R"(enjoying and achieving)"},
    {"positive_contribution", "making a positive contribution", R"(positive contribution)"},
    {"economic_wellbeing", "achieving economic well-being", R"(economic well-?being)"},
    {"outcomes", "outcomes", R"(^outcomes for)"},
    {"quality_of_provision", "quality of provision", R"(quality of provision)"},
    {"service_responsiveness", "service responsiveness", R"(service responsiveness)"},
    {"assessment_and_direct_work", "assessment and direct work", R"(assessment and direct work)"},
    {"case_planning", "case planning, review and recording", R"(case planning)"},
    {"leadership", "leadership and management", R"(leadership)"},
    {"ambition_and_prioritisation", "ambition and prioritisation", R"(ambition and prioritisation)"},
    {"evaluation", "evaluation", R"(^evaluation)"},
    {"user_engagement", "user engagement", R"(user engagement)"},
    {"partnerships", "partnerships", R"(partnerships)"},
    {"equality_and_diversity", "equality and diversity", R"(equality and diversity)"},
    {"value_for_money", "value for money", R"(value for money)"},
};

struct Service {
    const char* prefix;
    const char* label;
};

const Service k_safeguarding{"safeguarding_", "Safeguarding"};
const Service k_looked_after{"looked_after_", "Looked after children"};

// Names longer than this are prose, never a judgement's name.
constexpr std::size_t k_longest_name = 300;

bool is_modern_framework(std::string_view kind) { return kind != "safeguarding_lac" && kind != "lac_2013"; }

// The vocabulary's patterns, compiled once, in the order of their tables.
const std::vector<Regex>& compiled_patterns()
{
    static const std::vector<Regex> compiled = [] {
        std::vector<Regex> all;
        for (const auto& judgement : k_framework_judgements)
            all.emplace_back(judgement.pattern, Regex::optimize);
        for (const auto& aspect : k_service_aspects)
            all.emplace_back(aspect.pattern, Regex::optimize);
        return all;
    }();
    return compiled;
}

bool framework_judgement_found(const std::string& lower, std::size_t index)
{
    return std::regex_search(lower, compiled_patterns()[index]);
}

bool service_aspect_found(const std::string& lower, std::size_t index)
{
    return std::regex_search(lower, compiled_patterns()[std::size(k_framework_judgements) + index]);
}

std::vector<JudgementKey> make_keys()
{
    std::vector<JudgementKey> keys;
    for (const auto& judgement : k_framework_judgements)
        keys.push_back({judgement.key, judgement.label, judgement.frameworks});
    for (const Service* service : {&k_safeguarding, &k_looked_after}) {
        const char* frameworks = service == &k_safeguarding
                                     ? "safeguarding and looked after children 2009-2012"
                                     : "safeguarding and looked after children 2009-2012, looked after children 2013";
        for (const auto& aspect : k_service_aspects)
            keys.push_back({std::string(service->prefix) + aspect.suffix,
                            std::string(service->label) + ": " + aspect.label, frameworks});
    }
    return keys;
}

// Removes the words around a judgement's name in a sentence that states it.
std::string strip_sentence(std::string name)
{
    static const Regex opening(R"(^the (graded )?judge?ments? (for|about|on|of) )", Regex::icase);
    static const Regex closing(
        R"(( is that (it|they) (is|are)| is that (it|they)| is that| is:?| are:?| requires? improvement( to be)?| to be):?$)",
        Regex::icase);
    name = std::regex_replace(name, opening, "");
    for (std::string shorter = std::regex_replace(name, closing, ""); shorter != name;
         shorter = std::regex_replace(name, closing, ""))
        name = shorter;  // "... is that is" (sic) loses both
    while (!name.empty() && (name.back() == '.' || name.back() == ':' || name.back() == ' '))
        name.pop_back();
    if (!name.empty())
        name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return name;
}

}  // namespace

const std::vector<JudgementKey>& judgement_keys()
{
    static const std::vector<JudgementKey> keys = make_keys();
    return keys;
}

const JudgementKey* judgement_key_named(std::string_view key)
{
    for (const auto& entry : judgement_keys()) {
        if (entry.key == key)
            return &entry;
    }
    return nullptr;
}

std::optional<std::string> judgement_key_for(std::string_view name, std::string_view group,
                                             std::string_view report_kind)
{
    if (name.empty() || name.size() > k_longest_name)
        return std::nullopt;
    const std::string lower = to_lower(collapse_spaces(name));
    if (is_modern_framework(report_kind) || (report_kind == "lac_2013" && framework_judgement_found(lower, 0))) {
        for (const std::size_t index : k_matching_order) {
            if (framework_judgement_found(lower, index))
                return std::string(k_framework_judgements[index].key);
        }
        return std::nullopt;
    }
    const std::string context = to_lower(std::string(group)) + " " + lower;
    const bool looked_after = report_kind == "lac_2013" || context.find("looked after") != std::string::npos;
    const Service& service = looked_after ? k_looked_after : k_safeguarding;
    for (std::size_t index = 0; index < std::size(k_service_aspects); ++index) {
        if (service_aspect_found(lower, index))
            return std::string(service.prefix) + k_service_aspects[index].suffix;
    }
    return std::nullopt;
}

std::size_t judgement_key_position(std::string_view key)
{
    const auto& keys = judgement_keys();
    return static_cast<std::size_t>(
        std::find_if(keys.begin(), keys.end(), [key](const JudgementKey& entry) { return entry.key == key; }) - keys.begin());
}

std::string judgement_term(const std::string& key, const std::string& grade) { return key + "=" + grade; }

bool framework_has_overall(std::string_view report_kind, std::string_view inspection_end)
{
    if (report_kind == "sif" || report_kind == "lac_2013")
        return true;
    const bool ilacs = report_kind == "ilacs_standard" || report_kind == "ilacs_short";
    constexpr std::string_view k_overall_abolished = "20260401";
    return ilacs && (inspection_end.empty() || inspection_end < k_overall_abolished);
}

std::string judgement_label(std::string_view name, std::string_view key)
{
    const std::string collapsed = collapse_spaces(name);
    if (key == overall_judgement_key() && to_lower(collapsed).rfind("the overall judgement", 0) == 0)
        return "Overall judgement";  // "The overall judgement is that children's services are"
    return strip_sentence(collapsed);
}

}  // namespace findings
