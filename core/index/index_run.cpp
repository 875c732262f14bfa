// One run of the indexer: find report files under the given paths, parse them and bring the
// index up to date, collecting what a person needs to know about the run.
#include "core/index/index_run.h"

#include "core/common/analyser.h"
#include "core/common/concept_terms.h"
#include "core/common/error.h"
#include "core/common/fnv_hash.h"
#include "core/common/text_normaliser.h"
#include "core/index/index_writer.h"
#include "core/index/paragraph_document.h"
#include "core/index/report_identity.h"
#include "core/index/report_lookup.h"
#include "core/ingest/report_parser.h"
#include "core/ingest/report_reader.h"
#include "core/query/facet_columns.h"

#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <future>
#include <optional>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <fcntl.h>  // AT_FDCWD
#include <stdio.h>  // renameat2

namespace findings {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t k_reports_per_commit = 200;

bool has_report_extension(const fs::path& path)
{
    const std::string extension = to_lower(path.extension().string());
    return extension == ".txt" || extension == ".pdf";
}

std::string absolute_path(const std::string& path)
{
    std::error_code error;
    const fs::path canonical = fs::weakly_canonical(fs::absolute(path), error);
    return error ? fs::absolute(path).lexically_normal().string() : canonical.string();
}

struct Discovery {
    std::vector<std::string> files;  // absolute, sorted
    std::vector<std::string> roots;  // absolute folders and files named on the command line
};

// Why an entry of a folder that is not a regular file is not read, or "" when nothing need be
// said (folders are walked into; links to folders are not followed, so they cannot loop).
std::string why_not_a_file(const fs::directory_entry& entry)
{
    std::error_code error;
    if (entry.is_directory(error) || (entry.is_symlink(error) && fs::is_directory(entry.path(), error)))
        return "";
    if (entry.is_symlink(error) && !fs::exists(entry.path(), error))
        return "a link to nothing";
    return "not a regular file (a pipe, socket or device): not read";
}

// Adds the report files under root to found; a folder that cannot be listed whole is named,
// and is not a root of this run, so that its reports are not taken for deleted.
void list_folder(const std::string& root, Discovery& found, IndexSummary& summary)
{
    std::error_code error;
    std::vector<std::string> files;
    for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error), end;
         !error && it != end; it.increment(error)) {
        if (!it->is_regular_file(error)) {
            if (const std::string why = why_not_a_file(*it); !why.empty())
                summary.skipped.push_back({it->path().string(), why});
        } else if (has_report_extension(it->path())) {
            files.push_back(it->path().string());
        } else {
            summary.skipped.push_back({it->path().string(), "not a .txt or .pdf file"});
        }
    }
    if (error) {
        summary.failed.push_back({root, "cannot list the folder (" + error.message() +
                                            "): nothing under it is indexed or removed this run"});
        return;
    }
    found.roots.push_back(root);
    found.files.insert(found.files.end(), files.begin(), files.end());
}

Discovery discover(const std::vector<std::string>& paths, IndexSummary& summary)
{
    Discovery found;
    for (const auto& path : paths) {
        const std::string root = absolute_path(path);
        std::error_code error;
        if (fs::is_directory(root, error)) {
            list_folder(root, found, summary);
        } else if (fs::exists(root, error)) {
            found.roots.push_back(root);
            found.files.push_back(root);
        } else {
            summary.failed.push_back({path, "no such file or folder"});
        }
    }
    std::sort(found.files.begin(), found.files.end());
    found.files.erase(std::unique(found.files.begin(), found.files.end()), found.files.end());
    return found;
}

// Returns a hash of the report text and the parser version: equal hashes, equal paragraphs.
std::string content_hash(const std::string& text)
{
    return Fnv1a64().add(k_parser_version).add("\n").add(text).hex();
}

bool is_graded_kind(const std::string& kind)
{
    return kind == "safeguarding_lac" || kind == "lac_2013" || kind == "sif" || kind == "ilacs_standard" ||
           kind == "ilacs_short";
}

// Returns why a parsed report is not one we can index, or "".
std::string unrecognised_reason(const Report& report)
{
    if (report.paragraphs.empty())
        return "no report text recognised (no paragraphs)";
    if (report.authority.empty() && !report.date.known())
        return "no authority and no date recognised: is this an Ofsted children's services report?";
    return {};
}

// Fills in what the summary says of the whole index after the run.
void summarise_index(Xapian::Database& db, IndexSummary& summary)
{
    const auto columns = FacetColumns::of(db);
    for (const auto& column : columns->columns()) {
        std::vector<std::size_t> counts(column.values.size(), 0);
        column.codes.visit([&counts](const auto& codes) {
            for (const auto code : codes)
                ++counts[code];
        });
        auto& facet = summary.facets[column.facet];
        for (std::size_t code = 1; code < counts.size(); ++code)
            facet[column.values[code]] += counts[code];
    }
    summary.index_paragraphs = db.get_doccount();
    summary.index_reports = count_reports(db);
    summary.synonyms_as_phrases = !ConceptTerms::shipped().searchable_in(db);
}

void note_gaps(const Report& report, IndexSummary& summary)
{
    if (report.authority.empty())
        summary.without_authority.push_back(report.source_path);
    if (!report.date.known())
        summary.without_date.push_back(report.source_path);
    if (is_graded_kind(report.kind) && report.judgements.empty())
        summary.without_grades.push_back(report.source_path);
    if (report.lacks_overall)
        summary.without_overall.push_back(report.source_path);
    for (const auto& disagreement : report.grade_disagreements)
        summary.grade_disagreements.push_back({report.source_path, disagreement});
}

// One file, read, parsed and made into documents off the writer's thread.
struct PreparedFile {
    std::string path;
    std::string failure;  // why it cannot be indexed, or ""
    bool unchanged = false;
    std::string hash;
    Report report;
    ReportDocuments documents;
};

PreparedFile prepare(const std::string& path, const std::map<std::string, std::string>& known_hashes,
                     Xapian::TermGenerator& generator)
{
    PreparedFile prepared;
    prepared.path = path;
    const ReadResult read = read_report_file(path);
    if (!read.ok) {
        prepared.failure = read.reason;
        return prepared;
    }
    prepared.hash = content_hash(read.text);
    const auto known = known_hashes.find(path);
    if (known != known_hashes.end() && known->second == prepared.hash) {
        prepared.unchanged = true;
        return prepared;
    }
    prepared.report = parse_report(read.text, path);
    prepared.failure = unrecognised_reason(prepared.report);
    if (prepared.failure.empty())
        prepared.documents = report_documents(prepared.report, generator);
    return prepared;
}

// Reads and parses files and builds their documents on a thread of its own, a bounded number
// ahead of the writer, so that preparing and index writing use both cores.
class Preparer {
public:
    Preparer(const std::vector<std::string>& files, std::map<std::string, std::string> known_hashes)
        : m_files(files), m_known(std::move(known_hashes)), m_thread([this] { run(); })
    {
    }

    ~Preparer()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_cancelled = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }

    // Returns the next file in order.
    PreparedFile next()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_ready.empty(); });
        PreparedFile prepared = std::move(m_ready.front());
        m_ready.pop_front();
        m_changed.notify_all();
        return prepared;
    }

private:
    static constexpr std::size_t k_ahead = 32;

    void run()
    {
        const Analyser analyser;  // this thread's own: Xapian objects are not shared between threads
        Xapian::TermGenerator generator;
        analyser.configure(generator);
        for (const auto& path : m_files) {
            PreparedFile prepared = prepare(path, m_known, generator);
            std::unique_lock<std::mutex> lock(m_mutex);
            m_changed.wait(lock, [this] { return m_ready.size() < k_ahead || m_cancelled; });
            if (m_cancelled)
                return;
            m_ready.push_back(std::move(prepared));
            m_changed.notify_all();
        }
    }

    const std::vector<std::string>& m_files;
    const std::map<std::string, std::string> m_known;
    std::deque<PreparedFile> m_ready;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_cancelled = false;
    std::thread m_thread;  // last: it starts once everything above exists
};

// The run's progress, told by one or two writing threads and reported to on_progress by one.
class RunProgress {
public:
    RunProgress(std::size_t files_total, const std::function<void(const IndexProgress&)>& on_progress)
        : m_on_progress(on_progress)
    {
        m_progress.files_total = files_total;
    }

    // A file is about to be indexed.
    void start(const std::string& path)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_progress.current = path;
        ++m_progress.files_done;
    }

    // More files are to be indexed than were counted at the start.
    void add_files(std::size_t files)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_progress.files_total += files;
    }

    void written(std::size_t paragraphs)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_progress.paragraphs += paragraphs;
    }

    void finish()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_progress.current.clear();
    }

    // Tells on_progress where the run is.
    void report()
    {
        IndexProgress now;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            now = m_progress;
        }
        if (m_on_progress)
            m_on_progress(now);
    }

private:
    const std::function<void(const IndexProgress&)>& m_on_progress;
    std::mutex m_mutex;
    IndexProgress m_progress;
};

// Why a source is skipped for another one of the same report (the rule: preferred_source).
std::string same_report_as(const std::string& kept)
{
    return "the same report as " + kept + ", which is kept (a text over a PDF, then the first path)";
}

// Takes a report added earlier in this run back out of the counts: it turned out to be the
// same as a preferred source's, or it is to be written again.
void uncount(const RemovedReport& report, IndexSummary& summary)
{
    --summary.reports_added;
    summary.paragraphs_added -= report.paragraphs;
    for (auto* gaps : {&summary.without_authority, &summary.without_date, &summary.without_grades,
                       &summary.without_overall})
        gaps->erase(std::remove(gaps->begin(), gaps->end(), report.source), gaps->end());
    auto& disagreements = summary.grade_disagreements;
    disagreements.erase(std::remove_if(disagreements.begin(), disagreements.end(),
                                       [&report](const FileProblem& problem) { return problem.path == report.source; }),
                        disagreements.end());
}

// A term generator for the writer's thread, made when first needed: a report that gets an id
// of its own has its documents made again under it (rare, so not worth a round trip to the
// preparing thread).
class LateDocuments {
public:
    ReportDocuments of(const Report& report)
    {
        if (!m_generator) {
            m_generator.emplace();
            m_analyser.configure(*m_generator);
        }
        return report_documents(report, *m_generator);
    }

private:
    Analyser m_analyser;
    std::optional<Xapian::TermGenerator> m_generator;
};

// Whether everything the index holds was added by this run (a new index), for the counts.
enum class IndexAge { existing, new_this_run };

// Indexes files, in order, through writer, committing every k_reports_per_commit reports (which
// also bounds the writer's memory); before_file, when given, is called before each file.
void index_files(const std::vector<std::string>& files, IndexWriter& writer, IndexSummary& summary,
                 RunProgress& progress, const std::function<void()>& before_file, IndexAge age = IndexAge::existing)
{
    Preparer preparer(files, writer.source_hashes());
    LateDocuments late;
    std::size_t since_commit = 0;
    std::map<std::string, std::size_t> added_now;  // source -> paragraphs
    for (const auto& path : files) {
        progress.start(path);
        if (before_file)
            before_file();
        ++summary.files_seen;
        PreparedFile prepared = preparer.next();
        if (!prepared.failure.empty()) {
            summary.failed.push_back({prepared.path, prepared.failure});
            continue;
        }
        if (prepared.unchanged) {
            ++summary.reports_unchanged;
            continue;
        }
        Report& report = prepared.report;
        const ReportIdentity identity = decide_identity(writer.database(), report);
        if (identity.id.empty()) {
            summary.skipped.push_back({prepared.path, same_report_as(identity.duplicate_of)});
            continue;
        }
        if (identity.id != report.id) {
            report.id = identity.id;
            prepared.documents = late.of(report);
            summary.own_ids.push_back({prepared.path, "indexed as " + identity.id + ": another report has the id " +
                                                          identity.base + " (the same authority, date and kind)"});
        }
        WriteResult written = writer.write(report, identity, prepared.hash, prepared.documents);
        if (!identity.displaces.empty()) {
            summary.skipped.push_back({identity.displaces, same_report_as(prepared.path)});
            const auto displaced = added_now.find(identity.displaces);
            if (age == IndexAge::new_this_run || displaced != added_now.end()) {  // as if it had never been added
                const std::size_t paragraphs = displaced != added_now.end() ? displaced->second : written.paragraphs_removed;
                uncount({identity.displaces, report.id, paragraphs}, summary);
                written = {WriteOutcome::added, 0};
            }
        }
        if (written.outcome == WriteOutcome::added)
            added_now[prepared.path] = report.paragraphs.size();
        note_gaps(report, summary);
        ++(written.outcome == WriteOutcome::added ? summary.reports_added : summary.reports_replaced);
        summary.paragraphs_added += report.paragraphs.size();
        summary.paragraphs_removed += written.paragraphs_removed;
        progress.written(report.paragraphs.size());
        if (++since_commit == k_reports_per_commit) {
            writer.commit();
            since_commit = 0;
        }
    }
}

// Brings an existing index up to date (or builds a small new one) with one writer,
// committing as it goes.
// Returns <db_path>.building, where a new index is built before it is moved into place.
fs::path building_path(const std::string& db_path)
{
    fs::path target = fs::absolute(db_path).lexically_normal();
    if (!target.has_filename())
        target = target.parent_path();
    return target.string() + ".building";
}

// Removes what a from-scratch build killed after moving its index into place left behind
// (its halves, hundreds of megabytes at scale), unless another indexer is building there.
void clear_abandoned_build(const std::string& db_path)
{
    const fs::path building = building_path(db_path);
    std::error_code error;
    if (!fs::exists(building, error))
        return;
    try {
        open_writable((building / "lock").string());  // closed again at once: nobody is building
    } catch (const Error&) {
        return;
    }
    fs::remove_all(building, error);
}

void update_in_place(const std::string& db_path, const Discovery& found, IndexSummary& summary, RunProgress& progress)
{
    IndexWriter writer(db_path);
    clear_abandoned_build(db_path);
    index_files(found.files, writer, summary, progress, [&progress] { progress.report(); });
    const std::set<std::string> seen(found.files.begin(), found.files.end());
    for (const auto& removed : writer.remove_unseen(found.roots, seen)) {
        ++summary.reports_removed;
        summary.paragraphs_removed += removed.paragraphs;
    }
    writer.commit();
    progress.finish();
    progress.report();
    summarise_index(writer.database(), summary);
    writer.commit_facet_columns();
}

// A new index of at least this many files is built in two halves, one writer per core, and
// the halves merged at the end: one writer cannot keep up with the parsing. Smaller runs and
// updates use one writer and commit as they go.
constexpr std::size_t k_min_files_to_split = 500;

bool builds_in_halves(const std::string& db_path, const Discovery& found)
{
    std::error_code error;
    return found.files.size() >= k_min_files_to_split && !fs::exists(db_path, error) && !error;
}

// Returns where the first half of files (by size) ends.
std::size_t middle_by_size(const std::vector<std::string>& files)
{
    std::vector<std::uintmax_t> sizes;
    std::uintmax_t total = 0;
    for (const auto& path : files) {
        std::error_code error;
        const std::uintmax_t size = fs::file_size(path, error);
        sizes.push_back(error ? 0 : size);
        total += sizes.back();
    }
    std::uintmax_t so_far = 0;
    std::size_t middle = 0;
    while (middle < files.size() && so_far < total / 2)
        so_far += sizes[middle++];
    return std::clamp<std::size_t>(middle, 1, files.size() - 1);
}

void add_counts(IndexSummary& into, const IndexSummary& from)
{
    into.files_seen += from.files_seen;
    into.reports_added += from.reports_added;
    into.reports_replaced += from.reports_replaced;
    into.reports_unchanged += from.reports_unchanged;
    into.paragraphs_added += from.paragraphs_added;
    const auto append = [](auto& to, const auto& more) { to.insert(to.end(), more.begin(), more.end()); };
    append(into.skipped, from.skipped);
    append(into.own_ids, from.own_ids);
    append(into.failed, from.failed);
    append(into.without_authority, from.without_authority);
    append(into.without_date, from.without_date);
    append(into.without_grades, from.without_grades);
    append(into.without_overall, from.without_overall);
    append(into.grade_disagreements, from.grade_disagreements);
}

// Builds a new index at db_path from two halves of the files written side by side in
// <db_path>.building/, merged by Xapian's compaction (the first half's documents first, so the
// index equals one built in order) and moved into place. Until then db_path does not exist; a
// killed build leaves only <db_path>.building/, which the next build clears.
void build_in_halves(const std::string& db_path, const Discovery& found, IndexSummary& summary, RunProgress& progress)
{
    const fs::path building = building_path(db_path);
    const fs::path target = building.parent_path() / building.stem();
    std::optional<Xapian::WritableDatabase> lock;  // held while building: a second indexer is told it is locked
    try {
        lock = open_writable((building / "lock").string());
    } catch (const Error& error) {
        if (error.code() == ErrorCode::index_locked)
            throw Error(ErrorCode::index_locked, "the index at " + db_path +
                                                     " is being built by another indexer: wait for it to finish");
        throw;
    }
    std::error_code error;
    for (const char* part : {"1", "2", "merged"})  // what a killed build left
        fs::remove_all(building / part, error);

    const std::size_t middle = middle_by_size(found.files);
    const std::vector<std::string> first_files(found.files.begin(), found.files.begin() + static_cast<long>(middle));
    const std::vector<std::string> second_files(found.files.begin() + static_cast<long>(middle), found.files.end());
    std::vector<std::string> deferred;
    {
        IndexWriter first((building / "1").string(), IndexWriter::Durability::scratch);
        IndexWriter second((building / "2").string(), IndexWriter::Durability::scratch);
        IndexSummary first_summary, second_summary;
        auto write_half = [&progress](const std::vector<std::string>& files, IndexWriter& writer, IndexSummary& counts) {
            index_files(files, writer, counts, progress, nullptr);
            writer.commit();
        };
        auto first_done = std::async(std::launch::async, write_half, std::cref(first_files), std::ref(first), std::ref(first_summary));
        auto second_done = std::async(std::launch::async, write_half, std::cref(second_files), std::ref(second), std::ref(second_summary));
        do {
            progress.report();
        } while (first_done.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready ||
                 second_done.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready);
        first_done.get();
        second_done.get();

        // The second half's reports whose authority, date and kind the first half has too (the
        // same report from two sources, or different reports sharing them) are written again
        // after the merge, where their ids are decided against the whole index, as in an update.
        for (const auto& report : second.remove_reports_sharing_bases_with(first.database())) {
            uncount(report, second_summary);
            --second_summary.files_seen;
            auto& own_ids = second_summary.own_ids;
            own_ids.erase(std::remove_if(own_ids.begin(), own_ids.end(),
                                         [&report](const FileProblem& own) { return own.path == report.source; }),
                          own_ids.end());
            deferred.push_back(report.source);
        }
        first.commit();
        second.commit();
        add_counts(summary, first_summary);
        add_counts(summary, second_summary);
    }
    progress.finish();
    progress.report();
    try {
        Xapian::Database halves;
        halves.add_database(Xapian::Database((building / "1").string()));
        halves.add_database(Xapian::Database((building / "2").string()));
        halves.compact((building / "merged").string());
    } catch (const Xapian::Error& error) {
        throw Error(ErrorCode::index_error, "cannot merge the two halves of the new index in " + building.string() +
                                                ": " + error.get_description());
    }
    fs::rename(building / "merged", target, error);
    if (error)
        throw Error(ErrorCode::io_error, "cannot move the new index from " + (building / "merged").string() + " to " +
                                             target.string() + ": " + error.message());
    lock.reset();
    fs::remove_all(building, error);
    if (!deferred.empty()) {
        progress.add_files(deferred.size());
        IndexWriter writer(target.string());
        index_files(deferred, writer, summary, progress, nullptr, IndexAge::new_this_run);
        writer.commit();
        progress.finish();
        progress.report();
    }
    IndexWriter merged(target.string());
    summarise_index(merged.database(), summary);
    merged.commit_facet_columns();
}

}  // namespace

IndexSummary run_indexer(const std::string& db_path, const std::vector<std::string>& paths,
                         const std::function<void(const IndexProgress&)>& on_progress)
{
    const auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    const Discovery found = discover(paths, summary);
    RunProgress progress(found.files.size(), on_progress);
    if (builds_in_halves(db_path, found))
        build_in_halves(db_path, found, summary, progress);
    else
        update_in_place(db_path, found, summary, progress);
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

IndexSummary rebuild_index(const std::string& db_path, const std::vector<std::string>& paths,
                           const std::function<void(const IndexProgress&)>& on_progress)
{
    const fs::path target = fs::path(db_path).lexically_normal();
    const fs::path fresh = target.string() + ".rebuilt";
    // The index being replaced stays locked, so that no update lands in it while it goes.
    std::optional<Xapian::WritableDatabase> lock;
    if (fs::exists(target))
        lock = open_writable(target.string());
    std::error_code error;
    fs::remove_all(fresh, error);  // what a killed rebuild left
    IndexSummary summary = run_indexer(fresh.string(), paths, on_progress);
    // One step: the path always names a whole index, old or new (renameat2 exchanges the two
    // folders atomically); a reader moves from one to the other between two reads.
    const bool swapped = lock && renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0;
    if (!swapped && lock)
        throw Error(ErrorCode::io_error, "cannot put the rebuilt index " + fresh.string() + " in the place of " +
                                             target.string() + ": " + std::strerror(errno));
    if (!lock)
        fs::rename(fresh, target);
    lock.reset();
    fs::remove_all(fresh, error);  // the old index, now
    return summary;
}

}  // namespace findings
