// Writing reports into the index: one report's paragraphs replaced as a whole, sources
// remembered by content hash so re-runs change nothing, and batches committed atomically.
#pragma once

#include "core/common/report_model.h"
#include "core/index/paragraph_document.h"

#include <xapian.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace findings {

enum class WriteOutcome { added, replaced, duplicate };

struct WriteResult {
    WriteOutcome outcome = WriteOutcome::added;
    std::size_t paragraphs_removed = 0;
    std::string duplicate_of;  // the source that already holds this report, for duplicate
    std::string displaced;     // the source that held this report until this one was preferred
};

struct RemovedReport {
    std::string source;
    std::string report_id;
    std::size_t paragraphs = 0;
    std::string held_by;  // for a duplicate: the source that holds the report elsewhere
};

// Of two sources of the same report id, returns whether a is kept rather than b: a text file
// over a PDF (a text beside its PDF is taken as its corrected extraction), then the path that
// sorts first. Which is kept never depends on which was indexed first.
bool preferred_source(const std::string& a, const std::string& b);

// A report id held by one source here and another source in a second index.
struct SharedReport {
    std::string report_id;
    std::string source;        // here
    std::string other_source;  // in the other index
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

    // Writes a report's documents (built off this thread by report_documents), replacing
    // whatever the same source held before, and the report's other source when this one is
    // preferred (preferred_source); otherwise the report is left to that other source.
    WriteResult write(const Report& report, const std::string& content_hash, const ReportDocuments& prepared);

    // Removes the reports whose sources lie under one of roots but were not seen this run.
    std::vector<RemovedReport> remove_unseen(const std::vector<std::string>& roots,
                                             const std::set<std::string>& seen);

    // Returns the reports that `other` holds too, from another source (the twin of a report
    // written to the other half of a split build).
    std::vector<SharedReport> reports_shared_with(const Xapian::Database& other) const;

    // Removes a report and forgets its source, so that the next run examines the file again.
    RemovedReport remove_source(const std::string& report_id, const std::string& source);

    // Makes everything written so far visible to readers, atomically.
    void commit();

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
