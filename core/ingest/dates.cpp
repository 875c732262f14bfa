// Dates as reports write them ("30 June 2011", "1st July 2013") and as file names carry them.
#include "core/ingest/dates.h"

#include "core/common/fast_regex.h"

#include <regex>
#include <string>

namespace findings {

namespace {

const Regex& written_date()
{
    static const Regex pattern(
        R"(\b(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?,?\s+((?:19|20)\d\d)\b)",
        Regex::icase | Regex::optimize);
    return pattern;
}

int month_number(std::string month)
{
    static const char* const k_months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                           "jul", "aug", "sep", "oct", "nov", "dec"};
    for (char& c : month)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (int index = 0; index < 12; ++index) {
        if (month.compare(0, 3, k_months[index]) == 0)
            return index + 1;
    }
    return 0;
}

std::optional<Date> make_date(int year, int month, int day)
{
    static const int k_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > k_days[month - 1] || year < 1990 || year > 2100)
        return std::nullopt;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month == 2 && day == 29 && !leap)
        return std::nullopt;
    return Date{year, month, day};
}

std::optional<Date> from_match(const std::match_results<std::string_view::const_iterator>& match)
{
    return make_date(std::stoi(match[3].str()), month_number(match[2].str()), std::stoi(match[1].str()));
}

}  // namespace

std::optional<Date> find_date(std::string_view text)
{
    std::match_results<std::string_view::const_iterator> match;
    auto begin = text.begin();
    while (std::regex_search(begin, text.end(), match, written_date())) {
        if (auto date = from_match(match))
            return date;
        begin = match[0].second;
    }
    return std::nullopt;
}

std::optional<Date> find_last_date(std::string_view text)
{
    std::optional<Date> last;
    using Iterator = std::regex_iterator<std::string_view::const_iterator, char, TabledRegexTraits>;
    for (Iterator it(text.begin(), text.end(), written_date()), end; it != end; ++it) {
        if (auto date = from_match(*it))
            last = date;
    }
    return last;
}

bool is_date_line(std::string_view line)
{
    static const Regex pattern(
        R"(^\s*(?:Date:?\s*)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\.?,?\s+(?:19|20)\d\d\s*$)");
    return std::regex_match(line.begin(), line.end(), pattern) && find_date(line).has_value();
}

std::optional<Date> date_in_file_name(std::string_view path)
{
    const auto slash = path.find_last_of('/');
    const std::string name(slash == std::string_view::npos ? path : path.substr(slash + 1));
    static const Regex pattern(R"((?:^|[-_])((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[-_.]|$))");
    std::smatch match;
    if (!std::regex_search(name, match, pattern))
        return std::nullopt;
    return make_date(std::stoi(match[1].str()), std::stoi(match[2].str()), std::stoi(match[3].str()));
}

}  // namespace findings
