// Turning a parsed report into index documents and its metadata record (see index_schema.h).
#include "core/index/paragraph_document.h"

#include "core/common/analyser.h"
#include "core/common/gazetteer.h"
#include "core/common/index_schema.h"
#include "core/common/text_normaliser.h"

namespace findings {

namespace {

struct AuthorityFacets {
    std::string slug;
    std::string region;
    std::string type;
};

AuthorityFacets authority_facets(const std::string& name)
{
    const Authority* authority = Gazetteer::instance().resolve(name);
    if (!authority)
        return {};
    return {authority->slug, authority->region, to_string(authority->type)};
}

void add_filter_term(Xapian::Document& document, const std::string& prefix, const std::string& value)
{
    if (!value.empty())
        document.add_boolean_term(prefix + value);
}

// Returns the one key that sorts paragraphs in report order, read as a single value instead of
// three: the date's complement (so that ascending order is newest first), the report id, and
// the position.
std::string report_order_key(const Report& report, const Paragraph& paragraph)
{
    const int date = report.date.known() ? std::stoi(report.date.compact()) : 0;
    return std::to_string(99999999 - date) + report.id + '\0' + Xapian::sortable_serialise(paragraph.position);
}

}  // namespace

std::string paragraph_id(const Report& report, const Paragraph& paragraph)
{
    return report.id + "/" + std::to_string(paragraph.position);
}

Xapian::Document paragraph_document(const Report& report, const Paragraph& paragraph,
                                    Xapian::TermGenerator& generator)
{
    namespace s = schema;
    const AuthorityFacets facets = authority_facets(report.authority);
    Xapian::Document document;
    generator.set_document(document);
    generator.index_text(paragraph.text);
    for (const auto& heading : paragraph.section)
        generator.index_text(heading, 1, s::k_section_text);

    const std::string id = paragraph_id(report, paragraph);
    document.add_boolean_term(s::k_paragraph_id + id);
    add_filter_term(document, s::k_report, report.id);
    add_filter_term(document, s::k_authority, facets.slug);
    add_filter_term(document, s::k_region, slugify(facets.region));
    add_filter_term(document, s::k_authority_type, facets.type);
    if (report.date.known())
        add_filter_term(document, s::k_year, std::to_string(report.date.year));
    add_filter_term(document, s::k_grade, to_string(paragraph.grade));
    add_filter_term(document, s::k_finding_type, to_string(paragraph.finding_type));
    add_filter_term(document, s::k_timescale, to_string(paragraph.timescale));
    add_filter_term(document, s::k_kind, report.kind);

    if (report.date.known())
        document.add_value(s::k_slot_year, Xapian::sortable_serialise(report.date.year));
    document.add_value(s::k_slot_authority, report.authority);
    document.add_value(s::k_slot_grade, to_string(paragraph.grade));
    document.add_value(s::k_slot_finding_type, to_string(paragraph.finding_type));
    document.add_value(s::k_slot_region, facets.region);
    document.add_value(s::k_slot_kind, report.kind);
    document.add_value(s::k_slot_report, report.id);
    document.add_value(s::k_slot_position, Xapian::sortable_serialise(paragraph.position));
    document.add_value(s::k_slot_report_order, report_order_key(report, paragraph));

    // What results need of the paragraph itself; its report's fields are in the report record.
    const nlohmann::json data = {
        {"report_id", report.id},
        {"grade", to_string(paragraph.grade)},
        {"finding_type", to_string(paragraph.finding_type)},
        {"timescale", to_string(paragraph.timescale)},
        {"section", paragraph.section},
        {"position", paragraph.position},
        {"text", paragraph.text},
    };
    document.set_data(data.dump());
    return document;
}

ReportDocuments report_documents(const Report& report, Xapian::TermGenerator& generator)
{
    ReportDocuments prepared;
    for (const auto& paragraph : report.paragraphs) {
        prepared.documents.push_back(paragraph_document(report, paragraph, generator));
        for (auto& word : words_of(paragraph.text))
            ++prepared.words[std::move(word)];
    }
    // The generator holds on to the last document: let go of it, so that the documents can
    // move to another thread (Xapian's reference counts are not atomic).
    generator.set_document(Xapian::Document());
    return prepared;
}

nlohmann::json paragraph_record(const nlohmann::json& data, const nlohmann::json& report)
{
    if (!data.is_object() || !report.is_object())
        return nlohmann::json::object();
    const std::string report_id = data.value("report_id", "");
    const int position = data.value("position", 0);
    return {
        {"id", report_id + "/" + std::to_string(position)},
        {"report_id", report_id},
        {"report_title", report.value("title", "")},
        {"kind", report.value("kind", "")},
        {"authority", report.value("authority", "")},
        {"region", report.value("region", "")},
        {"year", report.value("year", 0)},
        {"date", report.value("date", "")},
        {"grade", data.value("grade", "")},
        {"finding_type", data.value("finding_type", "")},
        {"timescale", data.value("timescale", "")},
        {"section", data.value("section", nlohmann::json::array())},
        {"position", position},
        {"text", data.value("text", "")},
    };
}

nlohmann::json report_record(const Report& report)
{
    nlohmann::json judgements = nlohmann::json::array();
    for (const auto& judgement : report.judgements)
        judgements.push_back({{"name", judgement.name}, {"grade", to_string(judgement.grade)}});
    const AuthorityFacets facets = authority_facets(report.authority);
    return {
        {"id", report.id},
        {"title", report.title},
        {"kind", report.kind},
        {"authority", report.authority},
        {"region", facets.region},
        {"authority_type", facets.type},
        {"date", report.date.iso()},
        {"year", report.date.year},
        {"addressee", report.addressee},
        {"inspection_dates", report.inspection_dates},
        {"judgements", judgements},
        {"paragraphs", report.paragraphs.size()},
        {"source", report.source_path},
    };
}

}  // namespace findings
