// A report's header: title, authority, addressee, dates and kind, read from its first blocks.
#include "core/ingest/report_header.h"

#include "core/common/fast_regex.h"
#include "core/common/gazetteer.h"
#include "core/common/text_normaliser.h"
#include "core/ingest/dates.h"
#include "core/ingest/headings.h"
#include "core/ingest/page_furniture.h"

#include <filesystem>
#include <map>
#include <regex>

namespace findings {

namespace {

constexpr std::size_t k_header_search_blocks = 60;

// Returns the index of the "Dear ..." block near the top, or blocks.size().
std::size_t find_salutation(const std::vector<Block>& blocks)
{
    for (std::size_t i = 0; i < blocks.size() && i < k_header_search_blocks; ++i) {
        if (is_salutation(blocks[i].text))
            return i;
    }
    return blocks.size();
}

bool is_field(const std::string& text, const char* field)
{
    return starts_with_nocase(text, field);
}

// Returns the written inspection dates in text ("18 - 29 January 2010", "1 and 2 June 2011").
std::string find_date_range(const std::string& text)
{
    static const Regex range(
        R"(\d{1,2}(?:st|nd|rd|th)?(?:\s+[A-Z][a-z]+)?(?:\s+(?:19|20)\d\d)?\s*(?:-|to|and)\s*\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+(?:19|20)\d\d|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+(?:19|20)\d\d)");
    std::smatch match;
    if (std::regex_search(text, match, range))
        return collapse_spaces(match.str());
    return {};
}

// Returns the number of days an inspection lasted from its written dates ("27 April to 1 May
// 2026", "10 to 14 June 2024"), or -1 when they cannot be read.
int inspection_span_days(const std::string& dates)
{
    const auto end = find_last_date(dates);
    if (!end)
        return -1;
    static const Regex start_pattern(R"(^(\d{1,2})(?:st|nd|rd|th)?(?:\s+([A-Za-z]+))?(?:\s+((?:19|20)\d\d))?)");
    std::smatch match;
    if (!std::regex_search(dates, match, start_pattern))
        return 0;
    Date start = *end;
    start.day = std::stoi(match[1].str());
    if (match[2].matched) {
        if (auto month = find_date("1 " + match[2].str() + " 2000"))
            start.month = month->month;
    }
    if (match[3].matched)
        start.year = std::stoi(match[3].str());
    else if (start.month > end->month)
        start.year = end->year - 1;
    const auto day_number = [](const Date& d) { return d.year * 372 + d.month * 31 + d.day; };
    return day_number(*end) - day_number(start);
}

std::string report_kind(const std::string& title, const std::string& opening, const std::string& inspection_dates,
                        bool letter, const std::string& source_path)
{
    const std::string text = to_lower(title + " " + opening);
    const auto has = [&text](const char* phrase) { return text.find(phrase) != std::string::npos; };
    if (has("focused visit"))
        return "focused_visit";
    if (has("monitoring visit"))
        return "monitoring_visit";
    if (has("unannounced inspection of contact, referral and assessment") || has("contact, referral and assessment"))
        return "unannounced_car";
    if (has("inspection of safeguarding and looked after children"))
        return "safeguarding_lac";
    if (has("children in need of help and protection"))
        return "sif";
    if (has("inspection of looked after children") || has("inspection of services for looked after children"))
        return "lac_2013";
    if (has("local authority children's services") || has("children's social care services") ||
        (has("inspection of") && has("children's services") && !letter)) {
        const int span = inspection_span_days(inspection_dates);
        return span >= 0 && span <= 7 ? "ilacs_short" : "ilacs_standard";
    }
    if (letter)
        return source_path.find("focused-visit") != std::string::npos ? "focused_visit" : "letter";
    return source_path.find("focused-visit") != std::string::npos ? "focused_visit" : "inspection";
}

// Returns the first authority named in text that existed in the report's year.
const Authority* first_authority(const std::string& text, int year)
{
    for (const auto& mention : Gazetteer::instance().find_all(text)) {
        const Authority& authority = *mention.authority;
        const bool existed = year == 0 || ((authority.from_year == 0 || authority.from_year <= year) &&
                                           (authority.to_year == 0 || authority.to_year >= year));
        if (existed)
            return &authority;
    }
    return nullptr;
}

// Returns the authority named most often in the body, as a last resort.
const Authority* most_named_authority(const std::vector<Block>& blocks, std::size_t from)
{
    std::map<const Authority*, int> counts;
    for (std::size_t i = from; i < blocks.size(); ++i) {
        for (const auto& mention : Gazetteer::instance().find_all(blocks[i].text))
            ++counts[mention.authority];
    }
    const Authority* best = nullptr;
    int best_count = 0;
    for (const auto& [authority, count] : counts) {
        if (count > best_count) {
            best = authority;
            best_count = count;
        }
    }
    return best;
}

// Returns the authority in a corpus file name ("barking-and-dagenham-2019-04-01-inspection.txt").
const Authority* authority_in_file_name(const std::string& source_path)
{
    const std::string stem = std::filesystem::path(source_path).stem().string();
    static const Regex prefix(R"(^(.*?)-(?:19|20)\d\d-\d\d-\d\d)");
    std::smatch match;
    if (!std::regex_search(stem, match, prefix))
        return nullptr;
    return Gazetteer::instance().by_slug(match[1].str());
}

// Returns whether the block after "Dear ..." is the letter's subject line.
bool is_subject_line(const Block& block)
{
    if (block.kind != BlockKind::prose || block.text.empty())
        return false;
    if (is_letter_subject(block.text))
        return true;  // "Focused visit to Oldham children's services." may end with a full stop
    const char last = block.text.back();
    return block.text.size() < 300 && last != '.' && last != ':';
}

void read_letter_header(const std::vector<Block>& blocks, std::size_t salutation, ReportHeader& header)
{
    std::size_t date_block = salutation;
    for (std::size_t i = 0; i < salutation; ++i) {
        if (is_date_line(blocks[i].text)) {
            date_block = i;
            header.date = *find_date(blocks[i].text);
            break;
        }
    }
    for (std::size_t i = date_block + 1; i < salutation; ++i) {
        if (!header.addressee.empty())
            header.addressee += ", ";
        header.addressee += blocks[i].text;
    }
    header.body_start = salutation + 1;
    if (header.body_start < blocks.size() && is_subject_line(blocks[header.body_start])) {
        header.title = blocks[header.body_start].text;
        ++header.body_start;
    }
    for (std::size_t i = header.body_start; i < blocks.size() && i < header.body_start + 3; ++i) {
        static const Regex on_dates(R"(\bon\s+(\d{1,2}(?:st|nd|rd|th)?\b.*))");
        std::smatch match;
        if (std::regex_search(blocks[i].text, match, on_dates)) {
            header.inspection_dates = find_date_range(match[1].str());
            if (!header.inspection_dates.empty())
                break;
        }
    }
}

// Returns whether a block belongs to a full report's title page: title lines, fields and
// dates, up to the first judgement, heading or sentence of prose.
bool is_header_block(const Block& block)
{
    if (block.kind != BlockKind::prose || is_known_heading(block.text) || parse_grade_line(block.text) ||
        to_lower(block.text) == "judgement" || overall_judgement_sentence(block.text))
        return false;
    return block.heading_like() || is_date_line(block.text) ||
           (block.text.size() < 300 && block.text.back() != '.');
}

bool is_field_block(const std::string& text)
{
    for (const char* field : {"inspection date", "published", "report published", "lead inspector",
                              "reporting inspector", "age group"}) {
        if (is_field(text, field))
            return true;
    }
    return is_date_line(text);
}

// Returns the title: the first header block about an inspection, with its wrapped tail.
std::string header_title(const std::vector<Block>& blocks, std::size_t end)
{
    for (std::size_t i = 0; i < end; ++i) {
        if (!contains_nocase(blocks[i].text, "inspection") || is_field_block(blocks[i].text))
            continue;
        std::string title = blocks[i].text;
        for (std::size_t j = i + 1; j < end && !is_field_block(blocks[j].text) && blocks[j].heading_like(); ++j)
            title += " " + blocks[j].text;
        return strip_footnote_markers(title);
    }
    return end > 0 ? blocks[0].text : std::string();
}

void read_report_header(const std::vector<Block>& blocks, ReportHeader& header, const std::string& source_path)
{
    std::size_t end = 0;
    while (end < blocks.size() && is_header_block(blocks[end]))
        ++end;
    header.body_start = end;
    std::optional<Date> published;
    bool after_published_field = false;
    for (std::size_t i = 0; i < end; ++i) {
        const std::string& text = blocks[i].text;
        if (is_field(text, "inspection date")) {
            header.inspection_dates = find_date_range(text);
            if (header.inspection_dates.empty() && i + 1 < end)
                header.inspection_dates = find_date_range(blocks[i + 1].text);
        } else if (is_field(text, "published") || is_field(text, "report published")) {
            published = find_date(text);
            after_published_field = !published;
        } else if (after_published_field && is_date_line(text)) {
            published = find_date(text);
            after_published_field = false;
        }
    }
    header.title = header_title(blocks, end);
    if (published)
        header.date = *published;
    else if (auto from_name = date_in_file_name(source_path))
        header.date = *from_name;
    else if (auto last = find_last_date(header.inspection_dates))
        header.date = *last;
}

}  // namespace

ReportHeader read_header(const std::vector<Block>& blocks, const std::string& source_path)
{
    ReportHeader header;
    const std::size_t salutation = find_salutation(blocks);
    header.letter = salutation < blocks.size();
    if (header.letter)
        read_letter_header(blocks, salutation, header);
    else
        read_report_header(blocks, header, source_path);
    if (!header.date.known()) {
        if (auto from_name = date_in_file_name(source_path))
            header.date = *from_name;
    }
    // A letter is written after its visit: one dated before the visit's last day has a mistyped
    // year (Dudley's of January 2020 reads "21 January 2019" for a visit in December 2019), and
    // the date its file name carries is taken instead where that follows the visit.
    if (header.letter && header.date.known()) {
        const auto visited = find_last_date(header.inspection_dates);
        const auto from_name = date_in_file_name(source_path);
        if (visited && from_name && header.date.compact() < visited->compact() &&
            from_name->compact() >= visited->compact())
            header.date = *from_name;
    }

    std::string opening;
    for (std::size_t i = header.body_start; i < blocks.size() && i < header.body_start + 2; ++i)
        opening += blocks[i].text + " ";
    header.kind = report_kind(header.title, opening, header.inspection_dates, header.letter, source_path);

    const Authority* authority = first_authority(header.title, header.date.year);
    // A letter whose subject line ran into its first paragraph has no title; that paragraph
    // names the authority visited ("the findings of a focused visit to Nottinghamshire"),
    // where the address names towns that may be other authorities (County Hall, Nottingham).
    if (!authority && header.letter)
        authority = first_authority(opening, header.date.year);
    if (!authority && header.letter)
        authority = first_authority(header.addressee, header.date.year);
    if (!authority && !header.letter) {
        std::string top;
        for (std::size_t i = 0; i < header.body_start; ++i)
            top += blocks[i].text + "\n";
        authority = first_authority(top, header.date.year);
    }
    if (!authority)
        authority = authority_in_file_name(source_path);
    if (!authority)
        authority = most_named_authority(blocks, header.body_start);
    if (authority) {
        header.authority = authority->name;
        header.authority_slug = authority->slug;
    }
    return header;
}

std::string make_report_id(const ReportHeader& header, const std::string& source_path)
{
    if (header.authority.empty() || !header.date.known())
        return slugify(std::filesystem::path(source_path).stem().string());
    const char* suffix = header.kind == "focused_visit"     ? "focused-visit"
                         : header.kind == "unannounced_car" ? "unannounced-inspection"
                         : header.letter                   ? "letter"
                                                           : "inspection";
    return header.authority_slug + "-" + header.date.iso() + "-" + suffix;
}

}  // namespace findings
