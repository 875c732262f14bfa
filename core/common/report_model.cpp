// Spellings of the report model's enumerations, and small formatting helpers.
#include "core/common/report_model.h"

#include <cstdio>

namespace findings {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_enum(const std::string& text, const Enum (&values)[N])
{
    for (Enum value : values) {
        if (text == to_string(value))
            return value;
    }
    return std::nullopt;
}

constexpr Grade k_grades[] = {Grade::ungraded, Grade::outstanding, Grade::good, Grade::adequate,
                              Grade::requires_improvement, Grade::inadequate, Grade::not_judged};
constexpr FindingType k_finding_types[] = {
    FindingType::context,      FindingType::judgement,       FindingType::strength,
    FindingType::satisfactory, FindingType::area_for_development, FindingType::priority_action,
    FindingType::recommendation};
constexpr Timescale k_timescales[] = {Timescale::none, Timescale::immediately,
                                      Timescale::within_3_months, Timescale::within_6_months};

}  // namespace

std::string Date::iso() const
{
    if (!known())
        return {};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

std::string Date::compact() const
{
    if (!known())
        return {};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", year, month, day);
    return buffer;
}

const char* to_string(Grade grade)
{
    switch (grade) {
    case Grade::ungraded: return "ungraded";
    case Grade::outstanding: return "outstanding";
    case Grade::good: return "good";
    case Grade::adequate: return "adequate";
    case Grade::requires_improvement: return "requires_improvement";
    case Grade::inadequate: return "inadequate";
    case Grade::not_judged: return "not_judged";
    }
    return "ungraded";
}

const char* to_string(FindingType type)
{
    switch (type) {
    case FindingType::context: return "context";
    case FindingType::judgement: return "judgement";
    case FindingType::strength: return "strength";
    case FindingType::satisfactory: return "satisfactory";
    case FindingType::area_for_development: return "area_for_development";
    case FindingType::priority_action: return "priority_action";
    case FindingType::recommendation: return "recommendation";
    }
    return "context";
}

const char* to_string(Timescale timescale)
{
    switch (timescale) {
    case Timescale::none: return "none";
    case Timescale::immediately: return "immediately";
    case Timescale::within_3_months: return "within_3_months";
    case Timescale::within_6_months: return "within_6_months";
    }
    return "none";
}

std::optional<Grade> grade_from_string(const std::string& text) { return parse_enum(text, k_grades); }

std::optional<FindingType> finding_type_from_string(const std::string& text)
{
    return parse_enum(text, k_finding_types);
}

std::optional<Timescale> timescale_from_string(const std::string& text)
{
    return parse_enum(text, k_timescales);
}

std::string Paragraph::section_path() const
{
    std::string path;
    for (const auto& heading : section) {
        if (!path.empty())
            path += " > ";
        path += heading;
    }
    return path;
}

}  // namespace findings
