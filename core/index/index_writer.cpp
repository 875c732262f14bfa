// Writing reports into the index: one report's paragraphs replaced as a whole, sources
// remembered by content hash so re-runs change nothing, and batches committed atomically.
#include "core/index/index_writer.h"

#include "core/common/concept_terms.h"
#include "core/common/error.h"
#include "core/common/index_schema.h"
#include "core/common/json_text.h"
#include "core/index/paragraph_document.h"
#include "core/query/facet_columns.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace findings {

namespace {

nlohmann::json read_json(const std::string& text)
{
    return text.empty() ? nlohmann::json() : nlohmann::json::parse(text, nullptr, false);
}

bool is_under(const std::string& path, const std::string& root)
{
    return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                            (root.back() == '/' || path[root.size()] == '/'));
}

}  // namespace

Xapian::WritableDatabase open_writable(const std::string& path, int flags)
{
    try {
        std::filesystem::create_directories(path);
        return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN | flags);
    } catch (const Xapian::DatabaseLockError&) {
        throw Error(ErrorCode::index_locked, "the index at " + path +
                                                 " is locked: another indexer is writing to it; wait for it to finish");
    } catch (const std::filesystem::filesystem_error& error) {
        throw Error(ErrorCode::io_error, "cannot create the index folder " + path + ": " + error.code().message());
    } catch (const Xapian::Error& error) {
        throw Error(ErrorCode::index_error, "cannot open the index at " + path + ": " + error.get_description());
    }
}

IndexWriter::IndexWriter(const std::string& path, Durability durability)
    : m_db(open_writable(path, durability == Durability::scratch ? Xapian::DB_NO_SYNC : 0))
{
    m_db.set_metadata(schema::k_meta_schema, schema::k_schema_version);
    ConceptTerms::shipped().record_in(m_db);
    m_db.begin_transaction();
    m_in_transaction = true;
}

IndexWriter::~IndexWriter()
{
    if (m_in_transaction) {
        try {
            m_db.cancel_transaction();  // the index stays at its last commit
        } catch (const Xapian::Error&) {
        }
    }
}

std::map<std::string, std::string> IndexWriter::source_hashes() const
{
    std::map<std::string, std::string> hashes;
    const std::string& prefix = schema::k_meta_source;
    for (auto key = m_db.metadata_keys_begin(prefix); key != m_db.metadata_keys_end(prefix); ++key) {
        const nlohmann::json record = read_json(m_db.get_metadata(*key));
        if (record.is_object())
            hashes[(*key).substr(prefix.size())] = record.value("hash", "");
    }
    return hashes;
}

std::size_t IndexWriter::remove_report(const std::string& report_id)
{
    const std::string term = schema::k_report + report_id;
    const std::size_t paragraphs = m_db.get_termfreq(term);
    if (paragraphs > 0)
        m_db.delete_document(term);
    m_db.set_metadata(schema::k_meta_report + report_id, "");
    return paragraphs;
}

WriteResult IndexWriter::write(const Report& report, const ReportIdentity& identity, const std::string& content_hash,
                               const ReportDocuments& prepared)
{
    WriteResult result;
    const nlohmann::json previous = read_json(m_db.get_metadata(schema::k_meta_source + report.source_path));
    if (previous.is_object()) {
        result.outcome = WriteOutcome::replaced;
        result.paragraphs_removed += remove_report(previous.value("id", ""));
    }
    const nlohmann::json holder = read_json(m_db.get_metadata(schema::k_meta_report + report.id));
    if (holder.is_object()) {
        result.outcome = WriteOutcome::replaced;
        result.paragraphs_removed += remove_report(report.id);
        m_db.set_metadata(schema::k_meta_source + holder.value("source", ""), "");
    }
    for (const auto& document : prepared.documents)
        m_db.add_document(document);
    for (const auto& [word, count] : prepared.words)
        m_new_words[word] += count;
    m_db.set_metadata(schema::k_meta_report + report.id, json_text(report_record(report)));
    m_db.set_metadata(schema::k_meta_source + report.source_path,
                      json_text({{"id", report.id}, {"base", identity.base}, {"hash", content_hash}}));
    return result;
}

std::vector<RemovedReport> IndexWriter::remove_unseen(const std::vector<std::string>& roots,
                                                      const std::set<std::string>& seen)
{
    std::vector<std::pair<std::string, std::string>> unseen;
    for (auto key = m_db.metadata_keys_begin(schema::k_meta_source); key != m_db.metadata_keys_end(schema::k_meta_source); ++key) {
        const std::string source = (*key).substr(schema::k_meta_source.size());
        if (seen.count(source))
            continue;
        for (const auto& root : roots) {
            if (is_under(source, root)) {
                unseen.emplace_back(*key, source);
                break;
            }
        }
    }
    std::vector<RemovedReport> removed;
    for (const auto& [key, source] : unseen) {
        const nlohmann::json record = read_json(m_db.get_metadata(key));
        const std::string id = record.is_object() ? record.value("id", "") : "";
        removed.push_back({source, id, remove_report(id)});
        m_db.set_metadata(key, "");
    }
    return removed;
}

std::vector<RemovedReport> IndexWriter::remove_reports_sharing_bases_with(const Xapian::Database& other)
{
    const std::string& prefix = schema::k_meta_source;
    const auto base_of = [](const nlohmann::json& record) { return record.value("base", record.value("id", "")); };
    std::set<std::string> other_bases;
    for (auto key = other.metadata_keys_begin(prefix); key != other.metadata_keys_end(prefix); ++key) {
        const nlohmann::json record = read_json(other.get_metadata(*key));
        if (record.is_object())
            other_bases.insert(base_of(record));
    }
    std::vector<RemovedReport> sharing;
    for (auto key = m_db.metadata_keys_begin(prefix); key != m_db.metadata_keys_end(prefix); ++key) {
        const nlohmann::json record = read_json(m_db.get_metadata(*key));
        if (record.is_object() && other_bases.count(base_of(record)))
            sharing.push_back({(*key).substr(prefix.size()), record.value("id", ""), 0});
    }
    for (auto& report : sharing) {
        report.paragraphs = remove_report(report.report_id);
        m_db.set_metadata(prefix + report.source, "");
    }
    return sharing;
}

void IndexWriter::commit()
{
    for (const auto& [word, count] : m_new_words)
        m_db.add_spelling(word, count);
    m_new_words.clear();
    m_db.commit_transaction();
    m_in_transaction = false;
    m_db.begin_transaction();
    m_in_transaction = true;
}

void IndexWriter::commit_facet_columns()
{
    if (FacetColumns::stored_for(m_db))
        return;
    m_db.set_metadata(schema::k_meta_facet_columns, FacetColumns::stored(m_db));
    commit();
}

}  // namespace findings
