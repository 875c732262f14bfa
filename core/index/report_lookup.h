// Reading one report back from the index: its record and all its paragraphs in order.
#pragma once

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace findings {

// A paragraph as the index stores it: its own data and the part of its report's record that
// paragraphs need, shared with the report's other paragraphs (always set; a JSON null when the
// index has no record of the report).
struct StoredParagraph {
    nlohmann::json data;
    std::shared_ptr<const nlohmann::json> report;
};

// What paragraphs need of the report records (report_part_of_paragraphs) read so far, for
// one revision of an index: shared by its searches and their threads, so that a search whose
// results come from reports read before does not read and parse their records again. Holds a
// bounded number (report_lookup.cpp).
class ReportParts {
public:
    std::shared_ptr<const nlohmann::json> find(const std::string& report_id) const;
    void keep(const std::string& report_id, std::shared_ptr<const nlohmann::json> part);

private:
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, std::shared_ptr<const nlohmann::json>> m_parts;
};

// Reads paragraphs with what they need of their reports' records, each record read once: the
// results of one report share it.
class ReportRecords {
public:
    // Keeps the parts it reads in kept, which must be of db's revision (a store of its own when
    // null).
    explicit ReportRecords(const Xapian::Database& db, std::shared_ptr<ReportParts> kept = nullptr)
        : m_db(db), m_kept(kept ? std::move(kept) : std::make_shared<ReportParts>())
    {
    }

    // Returns a paragraph's full record (paragraph_record) from its document.
    nlohmann::json paragraph(const Xapian::Document& document) { return record_of(stored(document)); }

    // Returns what the index holds of a paragraph: the part of paragraph() that reads the index.
    StoredParagraph stored(const Xapian::Document& document);

    // Returns a paragraph's full record from what the index holds of it: the part of
    // paragraph() that does not read the index, so another thread may do it.
    static nlohmann::json record_of(StoredParagraph stored);

private:
    std::shared_ptr<const nlohmann::json> report_part(const std::string& report_id);

    const Xapian::Database& m_db;
    std::shared_ptr<ReportParts> m_kept;
};

// Adds "ofsted_url" to a report record: where Ofsted lists the authority's reports, when the
// authority's URN is known (ofsted_links.h).
void add_ofsted_url(nlohmann::json& report);

// Returns {report: {id, title, authority, date, kind, judgements, ofsted_url, ...},
// paragraphs: [...]} with the paragraphs in report order. Throws Error(not_found) for an
// unknown id.
nlohmann::json lookup_report(const Xapian::Database& db, const std::string& report_id);

// Returns every report record in the index (report_record's shape, with its source path), in
// id order; a record that cannot be read is left out.
std::vector<nlohmann::json> report_records(const Xapian::Database& db);

// Returns the document of a paragraph named by its id (REPORT/POSITION, as results give it), or
// 0 when the index has none. Found among its report's paragraphs by their position: a term of
// its own per paragraph cost about 5% of indexing.
Xapian::docid paragraph_document_id(const Xapian::Database& db, const std::string& paragraph_id);

// Returns the number of reports in the index.
std::size_t count_reports(const Xapian::Database& db);

}  // namespace findings
