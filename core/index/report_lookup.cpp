// Reading one report back from the index: its record and all its paragraphs in order.
#include "core/index/report_lookup.h"

#include "core/common/error.h"
#include "core/common/index_schema.h"
#include "core/common/ofsted_links.h"
#include "core/index/paragraph_document.h"

namespace findings {

namespace {

// Reports whose part is kept (a few hundred bytes each): an export in rank order visits the
// reports in no order, and at a million paragraphs there are 15,000 of them.
constexpr std::size_t k_records_kept = 32768;

nlohmann::json read_record(const Xapian::Database& db, const std::string& report_id)
{
    const std::string record = report_id.empty() ? std::string() : db.get_metadata(schema::k_meta_report + report_id);
    return record.empty() ? nlohmann::json() : nlohmann::json::parse(record, nullptr, false);
}

}  // namespace

std::shared_ptr<const nlohmann::json> ReportParts::find(const std::string& report_id) const
{
    const std::lock_guard lock(m_mutex);
    const auto found = m_parts.find(report_id);
    return found == m_parts.end() ? nullptr : found->second;
}

void ReportParts::keep(const std::string& report_id, std::shared_ptr<const nlohmann::json> part)
{
    const std::lock_guard lock(m_mutex);
    if (m_parts.size() >= k_records_kept)
        m_parts.clear();
    m_parts.emplace(report_id, std::move(part));
}

std::shared_ptr<const nlohmann::json> ReportRecords::report_part(const std::string& report_id)
{
    if (auto kept = m_kept->find(report_id))
        return kept;
    auto part = std::make_shared<const nlohmann::json>(report_part_of_paragraphs(read_record(m_db, report_id)));
    m_kept->keep(report_id, part);
    return part;
}

StoredParagraph ReportRecords::stored(const Xapian::Document& document)
{
    StoredParagraph stored;
    stored.data = nlohmann::json::parse(paragraph_data(document), nullptr, false);
    stored.report = report_part(stored.data.is_object() ? stored.data.value("report_id", "") : "");
    return stored;
}

nlohmann::json ReportRecords::record_of(StoredParagraph stored)
{
    return paragraph_record(std::move(stored.data), *stored.report);
}

void add_ofsted_url(nlohmann::json& report)
{
    const std::string url = ofsted_provider_url(report.value("authority", ""));
    if (!url.empty())
        report["ofsted_url"] = url;
}

nlohmann::json lookup_report(const Xapian::Database& db, const std::string& report_id)
{
    nlohmann::json report = read_record(db, report_id);
    if (!report.is_object())
        throw Error(ErrorCode::not_found, "no report with id \"" + report_id + "\"");
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(schema::k_report + report_id));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::k_slot_position, false);
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    nlohmann::json paragraphs = nlohmann::json::array();
    for (auto match = mset.begin(); match != mset.end(); ++match) {
        nlohmann::json paragraph =
            paragraph_record(nlohmann::json::parse(paragraph_data(match.get_document()), nullptr, false), report);
        if (!paragraph.empty())
            paragraphs.push_back(std::move(paragraph));
    }
    report.erase("source");  // a path on the indexing machine: not for clients
    add_ofsted_url(report);
    return {{"report", report}, {"paragraphs", paragraphs}};
}

std::vector<nlohmann::json> report_records(const Xapian::Database& db)
{
    std::vector<nlohmann::json> records;
    const auto end = db.metadata_keys_end(schema::k_meta_report);
    for (auto key = db.metadata_keys_begin(schema::k_meta_report); key != end; ++key) {
        nlohmann::json record = nlohmann::json::parse(db.get_metadata(*key), nullptr, false);
        if (record.is_object())
            records.push_back(std::move(record));
    }
    return records;
}

Xapian::docid paragraph_document_id(const Xapian::Database& db, const std::string& paragraph_id)
{
    const std::size_t slash = paragraph_id.rfind('/');
    if (slash == std::string::npos || slash + 1 == paragraph_id.size() ||
        paragraph_id.find_first_not_of("0123456789", slash + 1) != std::string::npos || paragraph_id.size() - slash > 9)
        return 0;
    const std::string position = Xapian::sortable_serialise(std::stoi(paragraph_id.substr(slash + 1)));
    const std::string report_term = schema::k_report + paragraph_id.substr(0, slash);
    auto value = db.valuestream_begin(schema::k_slot_position);
    for (auto posting = db.postlist_begin(report_term); posting != db.postlist_end(report_term); ++posting) {
        if (value == db.valuestream_end(schema::k_slot_position))
            break;
        value.skip_to(*posting);
        if (value != db.valuestream_end(schema::k_slot_position) && value.get_docid() == *posting && *value == position)
            return *posting;
    }
    return 0;
}

std::size_t count_reports(const Xapian::Database& db)
{
    std::size_t count = 0;
    for (auto key = db.metadata_keys_begin(schema::k_meta_report); key != db.metadata_keys_end(schema::k_meta_report); ++key)
        ++count;
    return count;
}

}  // namespace findings
