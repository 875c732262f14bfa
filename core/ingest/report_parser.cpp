// The report parser: cleaned-up report text in, structured Report out.
#include "core/ingest/report_parser.h"

#include "core/common/fast_regex.h"
#include "core/common/judgement_vocabulary.h"
#include "core/common/polarity.h"
#include "core/common/text_normaliser.h"
#include "core/ingest/block_builder.h"
#include "core/ingest/headings.h"
#include "core/ingest/judgement_resolver.h"
#include "core/ingest/page_furniture.h"
#include "core/ingest/report_header.h"

#include <cctype>
#include <optional>
#include <regex>

namespace findings {

namespace {

// A listed finding says its polarity (the report files it under strengths or areas for
// development); a narrative one is read by the model; context evaluates nothing.
Polarity polarity_of(const Paragraph& paragraph)
{
    switch (paragraph.finding_type) {
    case FindingType::strength: return Polarity::positive;
    case FindingType::area_for_development:
    case FindingType::priority_action:
    case FindingType::recommendation: return Polarity::negative;
    case FindingType::context: return Polarity::neutral;
    default: return PolarityModel::shipped().of_paragraph(paragraph.text);
    }
}

bool is_sign_off(const std::string& text)
{
    return starts_with_nocase(text, "yours sincerely") || starts_with_nocase(text, "yours faithfully") ||
           starts_with_nocase(text, "yours truly");
}

bool is_table_header(const std::string& text)
{
    const std::string lower = to_lower(text);
    return lower == "judgement" || lower == "judgements" || lower == "grade" || lower == "judgement grade";
}

// Removes a leading list number ("2.", "2.1") from a judgement name.
std::string judgement_name(const std::string& text)
{
    static const Regex numbering(R"(^\d{1,2}(?:\.\d{1,2})*\.?\s+)");
    return std::regex_replace(text, numbering, "");
}

// Removes the "(Recommendation)" that SIF reports put after a finding the authority must act
// on; returns whether there was one.
bool take_recommendation_marker(std::string& text)
{
    static const std::string marker = "(Recommendation)";
    const auto at = text.rfind(marker);
    if (at == std::string::npos || text.find_first_not_of(" .", at + marker.size()) != std::string::npos)
        return false;
    text.erase(at);
    while (!text.empty() && text.back() == ' ')
        text.pop_back();
    return true;
}

// Returns whether paragraphs of a type come from a list of findings (the others are narrative
// or context).
bool is_listed(FindingType type)
{
    return type == FindingType::strength || type == FindingType::satisfactory ||
           type == FindingType::area_for_development || type == FindingType::priority_action ||
           type == FindingType::recommendation;
}

// Returns the text up to the end of its first sentence ("Children's services in Luton require
// improvement." of a paragraph that goes on).
std::string first_sentence(const std::string& text)
{
    const auto end = text.find(". ");
    return end == std::string::npos ? text : text.substr(0, end + 1);
}

// Walks the body blocks with the headings above the current one, classifying paragraphs.
class BodyReader {
public:
    BodyReader(Report& report, const ReportHeader& header) : m_report(report), m_header(header) {}

    void read(const std::vector<Block>& blocks)
    {
        for (std::size_t i = m_header.body_start; i < blocks.size(); ++i) {
            const Block& block = blocks[i];
            if (m_header.letter && is_sign_off(block.text))
                break;
            if (is_boilerplate(block.text) || is_table_header(block.text))
                continue;
            if (block.kind == BlockKind::grade)
                continue;  // a grade without a name before it: nothing to attach it to
            if (const std::size_t rows = read_table_columns(blocks, i)) {
                i += 2 * rows - 1;
                continue;
            }
            if (i + 1 < blocks.size() && blocks[i + 1].kind == BlockKind::grade) {
                i += read_graded_name(blocks, i) - 1;
                continue;
            }
            if (block.kind == BlockKind::row || m_in_record) {
                read_table_row(block);
                continue;
            }
            if (std::string name; block.kind == BlockKind::prose) {
                // A heading with its grade woven in, and a sentence that only states a grade
                // (outside context sections, where reports recall earlier inspections), head
                // their judgement's section: "The LSCB is good.", "The overall judgement is
                // that children's services are good."
                if (const auto woven = interleaved_grade(block.text, name)) {
                    read_graded_heading(name, *woven);
                    continue;
                }
                if (role_from_headings() != FindingType::context) {
                    // A statement on a line of its own is laid out as a heading, and heads its
                    // section: as trusted as one (a sentence inside a paragraph is less).
                    auto grade = judgement_statement(block.text, name);
                    if (!grade)
                        grade = overall_judgement_sentence(block.text, &name);
                    if (grade) {
                        read_graded_heading(name, *grade);
                        continue;
                    }
                }
            }
            if (block.heading_like()) {
                read_heading(strip_footnote_markers(block.text));
                continue;
            }
            add_paragraph(block);
        }
        resolve_judgements(m_candidates, m_report);
        inherit_grades(m_report);
        for (Paragraph& paragraph : m_report.paragraphs)
            paragraph.polarity = polarity_of(paragraph);
    }

private:
    // A name followed by a grade line: a row of a judgement table, or a graded heading, whose
    // tail may follow the grade ("The experiences and progress of" / "Good" / "children who
    // need help and protection"). Returns the number of blocks read.
    std::size_t read_graded_name(const std::vector<Block>& blocks, std::size_t i)
    {
        const Grade grade = *parse_grade_line(blocks[i + 1].text);
        if (i + 2 < blocks.size() && blocks[i + 2].kind == BlockKind::prose && blocks[i + 2].lines <= 2 &&
            std::islower(static_cast<unsigned char>(blocks[i + 2].text[0]))) {
            const std::string whole = blocks[i].text + ' ' + blocks[i + 2].text;
            if (is_known_heading(whole) && !is_known_heading(blocks[i].text)) {
                read_graded_heading(whole, grade);
                return 3;
            }
        }
        const bool next_is_row = i + 3 < blocks.size() && blocks[i + 3].kind == BlockKind::grade;
        if (m_in_record) {  // "Record of main findings": a group, then names each with a grade
            m_candidates.push_back({judgement_name(blocks[i].text), m_record_group, grade, JudgementSource::table});
            return 2;
        }
        if (next_is_row || m_last_row_end + 1 == i) {
            add_judgement(judgement_name(blocks[i].text), grade, JudgementSource::table);
            m_last_row_end = i + 1;
            return 2;
        }
        read_graded_heading(blocks[i].text, grade);
        return 2;
    }

    // A table whose names and grades the extraction wrote as two columns, one after the other
    // ("1. Children who need help ..." / "2. Children looked after ..." / "Requires
    // improvement" / "Good"): the names and grades pair in order. Returns the number of rows
    // read, 0 when blocks[i] does not start such a table.
    std::size_t read_table_columns(const std::vector<Block>& blocks, std::size_t i)
    {
        const auto is_name = [](const Block& block) {
            return (block.kind == BlockKind::numbered || block.heading_like()) && block.lines <= 2 &&
                   is_known_heading(block.text);
        };
        std::size_t names = 0;
        while (i + names < blocks.size() && is_name(blocks[i + names]))
            ++names;
        std::size_t grades = 0;
        while (i + names + grades < blocks.size() && blocks[i + names + grades].kind == BlockKind::grade)
            ++grades;
        if (names < 2 || grades != names)
            return 0;
        for (std::size_t row = 0; row < names; ++row) {
            add_judgement(judgement_name(blocks[i + row].text), *parse_grade_line(blocks[i + names + row].text),
                          JudgementSource::table);
        }
        m_last_row_end = i + 2 * names - 1;
        return names;
    }

    // A heading whose grade was written apart from it: on the next line, or in a sentence.
    void read_graded_heading(const std::string& text, Grade grade)
    {
        add_judgement(judgement_name(text), grade, JudgementSource::heading);
        HeadingMeaning meaning = describe_heading(text);
        meaning.grade = grade;
        if (meaning.level == HeadingLevel::subsection && !meaning.known)
            meaning.level = HeadingLevel::section;
        if (!meaning.role)
            meaning.role = FindingType::judgement;
        push_heading(meaning);
    }

    void read_table_row(const Block& block)
    {
        std::string name;
        if (const auto grade = split_trailing_grade(block.text, name)) {
            m_candidates.push_back({name, m_record_group, *grade, JudgementSource::table});
        } else if (block.kind == BlockKind::row || block.heading_like()) {
            m_record_group = block.text;
        } else {
            m_in_record = false;  // prose after the table: the record has ended
            add_paragraph(block);
        }
    }

    void read_heading(const std::string& text)
    {
        HeadingMeaning meaning = describe_heading(text);
        if (meaning.grade != Grade::ungraded)
            add_judgement(meaning.name, meaning.grade, JudgementSource::heading);
        if (meaning.record_of_findings) {
            m_in_record = true;
            m_record_group.clear();
            return;
        }
        push_heading(meaning);
    }

    void push_heading(HeadingMeaning meaning)
    {
        if (meaning.role == FindingType::judgement || meaning.grade != Grade::ungraded) {
            meaning.judgement_key = candidate_key({meaning.name, part_name()}, m_report.kind);
            if (!meaning.judgement_key.empty())
                meaning.name = judgement_label(meaning.name, meaning.judgement_key);
        }
        m_lead_in_role.reset();
        m_seen_heading = true;
        switch (meaning.level) {
        case HeadingLevel::part:
            m_part = meaning;
            m_section.reset();
            m_subsection.reset();
            break;
        case HeadingLevel::section:
            m_section = meaning;
            m_subsection.reset();
            break;
        case HeadingLevel::subsection:
            if (m_section)
                m_subsection = meaning;
            else
                m_section = meaning;
            break;
        }
    }

    // A judgement stated by a heading or a table outside the record of main findings.
    void add_judgement(const std::string& name, Grade grade, JudgementSource source)
    {
        m_candidates.push_back({name, part_name(), grade, source});
    }

    std::string part_name() const { return m_part ? m_part->name : std::string(); }

    FindingType role_from_headings() const
    {
        for (const auto* heading : {&m_subsection, &m_section, &m_part}) {
            if (*heading && (*heading)->role)
                return *(*heading)->role;
        }
        // Unknown structure: the narrative of a full report or focused visit is findings,
        // an old-style letter's unlabelled prose is context.
        const bool narrative = !m_header.letter || m_header.kind == "focused_visit";
        return narrative && (m_seen_heading || !m_header.letter) ? FindingType::judgement : FindingType::context;
    }

    static bool is_action(const std::optional<FindingType>& role)
    {
        return role == FindingType::recommendation || role == FindingType::priority_action;
    }

    // The key of the judgement the innermost heading belongs to; a heading of actions
    // (recommendations, priority actions) stands outside the judgement around it (actions
    // are not graded findings), unless
    // a narrative heading inside it ("Inspection findings" after the LSCB's recommendations)
    // has closed the list.
    std::string judgement_from_headings() const
    {
        bool narrative_inside = false;
        for (const auto* heading : {&m_subsection, &m_section, &m_part}) {
            if (!*heading)
                continue;
            if (!(*heading)->judgement_key.empty())
                return (*heading)->judgement_key;
            if ((*heading)->role == FindingType::judgement)
                narrative_inside = true;
            else if (is_action((*heading)->role) && !narrative_inside)
                return {};
        }
        return {};
    }

    Timescale timescale_from_headings() const
    {
        for (const auto* heading : {&m_subsection, &m_section}) {
            if (*heading && (*heading)->timescale != Timescale::none)
                return (*heading)->timescale;
        }
        return Timescale::none;
    }

    std::vector<std::string> section_path() const
    {
        std::vector<std::string> path;
        for (const auto* heading : {&m_part, &m_section, &m_subsection}) {
            if (*heading)
                path.push_back((*heading)->name);
        }
        return path;
    }

    void add_paragraph(const Block& block)
    {
        Paragraph paragraph;
        paragraph.text = strip_footnote_markers(block.text);
        if (paragraph.text.empty())
            return;
        paragraph.section = section_path();
        paragraph.finding_type = role_from_headings();
        paragraph.judgement = judgement_from_headings();
        paragraph.timescale = timescale_from_headings();
        std::string subject;
        const auto overall = paragraph.finding_type == FindingType::context
                                 ? std::nullopt  // where reports recall earlier inspections
                                 : overall_judgement_sentence(first_sentence(paragraph.text), &subject);
        if (overall) {
            m_candidates.push_back({subject, "", *overall, JudgementSource::sentence});
            paragraph.finding_type = FindingType::judgement;
            paragraph.judgement = overall_judgement_key();
        } else if (states_no_priority_action(paragraph.text)) {
            paragraph.finding_type = FindingType::context;
        } else if (is_closing_sentence(paragraph.text)) {
            paragraph.finding_type = FindingType::context;
            m_lead_in_role = FindingType::context;
        } else if (const auto lead_in = lead_in_role(paragraph.text); lead_in && block.kind != BlockKind::bullet) {
            paragraph.finding_type = FindingType::context;
            m_lead_in_role = *lead_in;
            if (*lead_in == FindingType::context)
                m_lead_in_role.reset();
        } else if (m_lead_in_role) {
            paragraph.finding_type = *m_lead_in_role;
        }
        if (take_recommendation_marker(paragraph.text)) {
            if (paragraph.text.empty()) {  // the marker on a line of its own: it types the finding before
                if (!m_report.paragraphs.empty()) {
                    m_report.paragraphs.back().finding_type = FindingType::recommendation;
                    m_report.paragraphs.back().listed = false;
                }
                return;
            }
            paragraph.finding_type = FindingType::recommendation;
        } else {
            paragraph.listed = is_listed(paragraph.finding_type);
        }
        if (paragraph.finding_type != FindingType::recommendation)
            paragraph.timescale = Timescale::none;
        paragraph.position = static_cast<int>(m_report.paragraphs.size()) + 1;
        m_report.paragraphs.push_back(std::move(paragraph));
    }

    Report& m_report;
    const ReportHeader& m_header;
    std::optional<HeadingMeaning> m_part;
    std::optional<HeadingMeaning> m_section;
    std::optional<HeadingMeaning> m_subsection;
    std::optional<FindingType> m_lead_in_role;
    std::vector<JudgementCandidate> m_candidates;
    bool m_seen_heading = false;
    bool m_in_record = false;
    std::string m_record_group;
    std::size_t m_last_row_end = static_cast<std::size_t>(-2);
};

}  // namespace

Report parse_report(const std::string& text, const std::string& source_path)
{
    const std::vector<Block> blocks = build_blocks(content_lines(normalise_text(text)));
    const ReportHeader header = read_header(blocks, source_path);

    Report report;
    report.source_path = source_path;
    report.title = header.title;
    report.authority = header.authority;
    report.kind = header.kind;
    report.addressee = header.addressee;
    report.date = header.date;
    report.inspection_dates = header.inspection_dates;
    report.id = make_report_id(header, source_path);
    BodyReader(report, header).read(blocks);
    return report;
}

}  // namespace findings
