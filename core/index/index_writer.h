// Writing reports into the index: one report's paragraphs replaced as a whole, sources
// remembered by content hash so re-runs change nothing, and batches committed atomically.
#pragma once

#include "core/common/report_model.h"
#include "core/index/paragraph_document.h"
#include "core/index/report_identity.h"

#include <xapian.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace findings {

enum class WriteOutcome { added, replaced };

struct WriteResult {
    WriteOutcome outcome = WriteOutcome::added;
    std::size_t paragraphs_removed = 0;
};

struct RemovedReport {
    std::string source;
    std::string report_id;
    std::size_t paragraphs = 0;
};

// Opens (creating if needed) the Xapian database at path for writing, with Xapian's flags.
// Throws Error: index_locked when another writer holds it, io_error or index_error when it
// cannot be made or opened.
Xapian::WritableDatabase open_writable(const std::string& path, int flags = 0);

class IndexWriter {
public:
    // Opens the index at path, creating it if needed. Throws Error(index_locked) when another
    // indexer is writing to it. Changes are invisible to readers until commit(). A scratch
    // index (half of a new one, merged and deleted at the end) is not synced to disk.
    enum class Durability { synced, scratch };
    explicit IndexWriter(const std::string& path, Durability durability = Durability::synced);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    // Returns the content hash recorded for each source indexed before.
    std::map<std::string, std::string> source_hashes() const;

    // Writes a report's documents (built off this thread by report_documents) under the id
    // decide_identity gave it (report.id), replacing whatever its source held before and
    // whatever held that id: the source it displaces, or one whose file has gone.
    WriteResult write(const Report& report, const ReportIdentity& identity, const std::string& content_hash,
                      const ReportDocuments& prepared);

    // Removes the reports whose sources lie under one of roots but were not seen this run.
    std::vector<RemovedReport> remove_unseen(const std::vector<std::string>& roots,
                                             const std::set<std::string>& seen);

    // Removes the reports whose authority, date and kind (their id's base) `other` has too,
    // and forgets their sources: the second half of a split build hands them to an update of
    // the merged index, which decides their ids against the whole of it.
    std::vector<RemovedReport> remove_reports_sharing_bases_with(const Xapian::Database& other);

    // Makes everything written so far visible to readers, atomically.
    void commit();

    // Commits the facet columns of the index as the last commit left it, for readers of the
    // revision this makes to read instead of rebuilding (FacetColumns::stored), unless that
    // revision has them already.
    void commit_facet_columns();

    Xapian::Database& database() { return m_db; }

private:
    std::size_t remove_report(const std::string& report_id);


    Xapian::WritableDatabase m_db;
    bool m_in_transaction = false;
    // Words written since the last commit and how often: the spelling dictionary is fed once
    // per word and commit rather than once per occurrence.
    std::unordered_map<std::string, Xapian::termcount> m_new_words;
};

}  // namespace findings
