// Turning a parsed report into index documents and its metadata record (see index_schema.h).
#include "core/index/paragraph_document.h"

#include "core/common/analyser.h"
#include "core/common/concept_terms.h"
#include "core/common/early_terms.h"
#include "core/common/fields.h"
#include "core/common/gazetteer.h"
#include "core/common/index_schema.h"

namespace findings {

namespace {

// Words longer than this are not spelling entries: TermGenerator does not index them either
// (its maximum word length, 64), and Xapian's tables refuse keys of 245 bytes or more, which
// the run-together words of a PDF that lost its spaces reach.
constexpr std::size_t k_max_spelling_word_bytes = 64;

// Returns the one key that sorts paragraphs in report order, read as a single value instead of
// three: the date's complement (so that ascending order is newest first), the report id, and
// the position.
std::string report_order_key(const Report& report, const Paragraph& paragraph)
{
    const int date = report.date.known() ? std::stoi(report.date.compact()) : 0;
    return std::to_string(99999999 - date) + report.id + '\0' + Xapian::sortable_serialise(paragraph.position);
}

// What report-level fields are read from: they need no paragraph.
const Paragraph k_no_paragraph;

// One field's term and value slot as a document gets them.
struct FieldStamp {
    std::vector<std::string> terms;
    Xapian::valueno slot = k_no_slot;
    std::string slot_value;    // "" for none
    std::string value;         // as results show it
};

FieldStamp stamp_of(const Field& field, const FieldSource& source)
{
    FieldStamp stamp;
    for (const auto& term : field.terms(source))
        stamp.terms.push_back(field.term_prefix + term);
    stamp.value = field.value_of(source);
    if (field.slot != k_no_slot && !stamp.value.empty()) {
        stamp.slot = field.slot;
        stamp.slot_value = field.numeric ? Xapian::sortable_serialise(std::stoi(stamp.value)) : stamp.value;
    }
    return stamp;
}

void add_stamp(Xapian::Document& document, const FieldStamp& stamp)
{
    for (const auto& term : stamp.terms)
        document.add_boolean_term(term);
    if (stamp.slot != k_no_slot)
        document.add_value(stamp.slot, stamp.slot_value);
}

// Returns the Xapian document of one paragraph: its text (stemmed, with positions) and section
// words, its report's field stamps and its own, and its JSON data (the paragraph's own fields:
// paragraph_record adds its report's). generator must be configured by Analyser::configure.
Xapian::Document paragraph_document(const Report& report, const std::vector<FieldStamp>& report_stamps,
                                    const FieldSource& source, Xapian::TermGenerator& generator)
{
    namespace s = schema;
    const Paragraph& paragraph = source.paragraph;
    Xapian::Document document;
    generator.set_document(document);
    generator.index_text(paragraph.text);
    document.add_value(s::k_slot_early_terms, early_terms_value(document));
    ConceptTerms::shipped().add_to(document);
    for (const auto& heading : paragraph.section)
        generator.index_text(heading, 1, s::k_section_text);

    document.add_boolean_term(s::k_report + report.id);
    if (paragraph.listed)
        document.add_boolean_term(s::k_listed);
    document.add_value(s::k_slot_report, report.id);
    document.add_value(s::k_slot_position, Xapian::sortable_serialise(paragraph.position));
    document.add_value(s::k_slot_report_order, report_order_key(report, paragraph));
    for (const FieldStamp& stamp : report_stamps)
        add_stamp(document, stamp);

    // The paragraph's own fields go into its data too, with what results need of the paragraph
    // itself (its report's fields are in the report record).
    nlohmann::json data = {{"report_id", report.id},
                           {"section", paragraph.section},
                           {"position", paragraph.position},
                           {"text", paragraph.text}};
    for (const Field& field : fields()) {
        if (field.level != FieldLevel::paragraph)
            continue;
        FieldStamp stamp = stamp_of(field, source);
        add_stamp(document, stamp);
        data[field.name] = std::move(stamp.value);
    }
    document.add_value(s::k_slot_paragraph, data.dump());
    return document;
}

}  // namespace

ReportDocuments report_documents(const Report& report, Xapian::TermGenerator& generator)
{
    ReportDocuments prepared;
    const Authority* authority = Gazetteer::instance().resolve(report.authority);
    std::vector<FieldStamp> report_stamps;  // the same for every paragraph: made once
    for (const Field& field : fields()) {
        if (field.level == FieldLevel::report)
            report_stamps.push_back(stamp_of(field, {report, authority, k_no_paragraph}));
    }
    for (const auto& paragraph : report.paragraphs) {
        prepared.documents.push_back(paragraph_document(report, report_stamps, {report, authority, paragraph}, generator));
        for (auto& word : words_of(paragraph.text)) {
            if (word.size() <= k_max_spelling_word_bytes)
                ++prepared.words[std::move(word)];
        }
    }
    // The generator holds on to the last document: let go of it, so that the documents can
    // move to another thread (Xapian's reference counts are not atomic).
    generator.set_document(Xapian::Document());
    return prepared;
}

std::string paragraph_data(const Xapian::Document& document)
{
    std::string data = document.get_value(schema::k_slot_paragraph);
    return data.empty() ? document.get_data() : data;
}

nlohmann::json paragraph_record(nlohmann::json data, const nlohmann::json& report)
{
    if (!data.is_object() || !report.is_object())
        return nlohmann::json::object();
    const std::string report_id = data.value("report_id", "");
    const int position = data.value("position", 0);
    nlohmann::json record = nlohmann::json::object();  // assigned: an initializer list copies each value again
    record["id"] = report_id + "/" + std::to_string(position);
    record["report_id"] = report_id;
    record["report_title"] = report.value("title", "");
    record["date"] = report.value("date", "");
    const auto section = data.find("section");
    record["section"] = section != data.end() ? std::move(*section) : nlohmann::json::array();
    record["position"] = position;
    const auto text = data.find("text");
    record["text"] = text != data.end() && text->is_string() ? std::move(*text) : nlohmann::json("");
    for (const Field& field : fields()) {
        if (!field.shown)
            continue;
        const nlohmann::json& from = field.level == FieldLevel::report ? report : data;
        record[field.name] = field.numeric ? nlohmann::json(from.value(field.name, 0))
                                           : nlohmann::json(from.value(field.name, ""));
    }
    return record;
}

nlohmann::json report_part_of_paragraphs(const nlohmann::json& report)
{
    if (!report.is_object())
        return report;
    nlohmann::json part = nlohmann::json::object();
    for (const char* key : {"title", "date"}) {
        if (report.contains(key))
            part[key] = report[key];
    }
    for (const Field& field : fields()) {
        if (field.level == FieldLevel::report && field.shown && report.contains(field.name))
            part[field.name] = report[field.name];
    }
    return part;
}

nlohmann::json report_record(const Report& report)
{
    nlohmann::json judgements = nlohmann::json::array();
    for (const auto& judgement : report.judgements)
        judgements.push_back({{"key", judgement.key}, {"label", judgement.label}, {"grade", to_string(judgement.grade)}});
    nlohmann::json record = {
        {"id", report.id},
        {"title", report.title},
        {"date", report.date.iso()},
        {"addressee", report.addressee},
        {"inspection_dates", report.inspection_dates},
        {"judgements", judgements},
        {"paragraphs", report.paragraphs.size()},
        {"source", report.source_path},
    };
    const FieldSource source{report, Gazetteer::instance().resolve(report.authority), k_no_paragraph};
    for (const Field& field : fields()) {
        if (field.level != FieldLevel::report || !field.shown)
            continue;
        const std::string value = field.value_of(source);
        record[field.name] = field.numeric ? nlohmann::json(value.empty() ? 0 : std::stoi(value)) : nlohmann::json(value);
    }
    return record;
}

}  // namespace findings
