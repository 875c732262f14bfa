// One run of the indexer: find report files under the given paths, parse them and bring the
// index up to date, collecting what a person needs to know about the run.
#include "core/index_run.h"

#include "core/analyser.h"
#include "core/error.h"
#include "core/facet_columns.h"
#include "core/index_writer.h"
#include "core/paragraph_document.h"
#include "core/report_lookup.h"
#include "core/report_parser.h"
#include "core/report_reader.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace findings {

namespace {

namespace fs = std::filesystem;

// Bump when parsing or the documents built change, so that a re-run re-indexes every report.
constexpr const char* k_parser_version = "6";
constexpr std::size_t k_reports_per_commit = 200;

bool has_report_extension(const fs::path& path)
{
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
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

Discovery discover(const std::vector<std::string>& paths, IndexSummary& summary)
{
    Discovery found;
    for (const auto& path : paths) {
        const std::string root = absolute_path(path);
        std::error_code error;
        if (fs::is_directory(root, error)) {
            found.roots.push_back(root);
            for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error), end;
                 it != end; it.increment(error)) {
                if (error)
                    break;
                if (!it->is_regular_file(error))
                    continue;
                if (has_report_extension(it->path()))
                    found.files.push_back(it->path().string());
                else
                    summary.skipped.push_back({it->path().string(), "not a .txt or .pdf file"});
            }
            if (error)
                summary.failed.push_back({root, "cannot list the folder: " + error.message()});
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
    std::uint64_t hash = 1469598103934665603ull;  // FNV-1a
    for (const char* part : {k_parser_version, "\n"}) {
        for (const char* c = part; *c; ++c)
            hash = (hash ^ static_cast<unsigned char>(*c)) * 1099511628211ull;
    }
    for (char c : text)
        hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
    return buffer;
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

void count_facets(Xapian::Database& db, IndexSummary& summary)
{
    const auto columns = FacetColumns::of(db);
    for (const auto& column : columns->columns()) {
        std::vector<std::size_t> counts(column.values.size(), 0);
        for (std::uint16_t code : column.codes)
            ++counts[code];
        auto& facet = summary.facets[column.facet];
        for (std::size_t code = 1; code < counts.size(); ++code)
            facet[column.values[code]] += counts[code];
    }
    summary.index_paragraphs = db.get_doccount();
    summary.index_reports = count_reports(db);
}

void note_gaps(const Report& report, IndexSummary& summary)
{
    if (report.authority.empty())
        summary.without_authority.push_back(report.source_path);
    if (!report.date.known())
        summary.without_date.push_back(report.source_path);
    if (is_graded_kind(report.kind) && report.judgements.empty())
        summary.without_grades.push_back(report.source_path);
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

}  // namespace

IndexSummary run_indexer(const std::string& db_path, const std::vector<std::string>& paths,
                         const std::function<void(const IndexProgress&)>& on_progress)
{
    const auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    const Discovery found = discover(paths, summary);
    IndexWriter writer(db_path);
    Preparer preparer(found.files, writer.source_hashes());

    IndexProgress progress;
    progress.files_total = found.files.size();
    std::size_t since_commit = 0;
    for (std::size_t i = 0; i < found.files.size(); ++i) {
        progress.current = found.files[i];
        if (on_progress)
            on_progress(progress);
        ++progress.files_done;
        ++summary.files_seen;
        const PreparedFile prepared = preparer.next();
        if (!prepared.failure.empty()) {
            summary.failed.push_back({prepared.path, prepared.failure});
            continue;
        }
        if (prepared.unchanged) {
            ++summary.reports_unchanged;
            continue;
        }
        const Report& report = prepared.report;
        const WriteResult written = writer.write(report, prepared.hash, prepared.documents);
        if (written.outcome == WriteOutcome::duplicate) {
            summary.skipped.push_back({prepared.path, "the same report as " + written.duplicate_of});
            continue;
        }
        note_gaps(report, summary);
        ++(written.outcome == WriteOutcome::added ? summary.reports_added : summary.reports_replaced);
        summary.paragraphs_added += report.paragraphs.size();
        summary.paragraphs_removed += written.paragraphs_removed;
        progress.paragraphs += report.paragraphs.size();
        if (++since_commit == k_reports_per_commit) {
            writer.commit();
            since_commit = 0;
        }
    }
    const std::set<std::string> seen(found.files.begin(), found.files.end());
    for (const auto& removed : writer.remove_unseen(found.roots, seen)) {
        ++summary.reports_removed;
        summary.paragraphs_removed += removed.paragraphs;
    }
    writer.commit();
    progress.current.clear();
    if (on_progress)
        on_progress(progress);
    count_facets(writer.database(), summary);
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

}  // namespace findings
