// Reading one report back from the index: its record and all its paragraphs in order.
#include "core/report_lookup.h"

#include "core/error.h"
#include "core/index_schema.h"

namespace findings {

nlohmann::json lookup_report(const Xapian::Database& db, const std::string& report_id)
{
    const std::string record = report_id.empty() ? std::string() : db.get_metadata(schema::k_meta_report + report_id);
    if (record.empty())
        throw Error(ErrorCode::not_found, "no report with id \"" + report_id + "\"");
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(schema::k_report + report_id));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::k_slot_position, false);
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    nlohmann::json paragraphs = nlohmann::json::array();
    for (auto match = mset.begin(); match != mset.end(); ++match) {
        nlohmann::json data = nlohmann::json::parse(match.get_document().get_data(), nullptr, false);
        if (data.is_object())
            paragraphs.push_back(std::move(data));
    }
    nlohmann::json report = nlohmann::json::parse(record, nullptr, false);
    if (report.is_object())
        report.erase("source");  // a path on the indexing machine: not for clients
    return {{"report", report}, {"paragraphs", paragraphs}};
}

std::size_t count_reports(const Xapian::Database& db)
{
    std::size_t count = 0;
    for (auto key = db.metadata_keys_begin(schema::k_meta_report); key != db.metadata_keys_end(schema::k_meta_report); ++key)
        ++count;
    return count;
}

}  // namespace findings
