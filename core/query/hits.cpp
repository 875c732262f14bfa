// Results read from the index: a page's few one after another, an export's many on two threads.
#include "core/query/hits.h"

#include "core/query/revision_cache.h"
#include "core/query/search_json.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace findings {

namespace {

constexpr std::size_t k_snippet_bytes = 320;

// An export hands results over in batches (a lock per result would cost more than the work),
// and reading runs at most this far ahead of the results made.
constexpr std::size_t k_batch_size = 256;
constexpr std::size_t k_batches_ahead = 8;

SearchHit hit_of(nlohmann::json record, const Highlighter* highlighter, bool snippet)
{
    SearchHit hit;
    if (record.empty())
        return hit;
    hit.id = record.value("id", "");
    hit.report_id = record.value("report_id", "");
    hit.date = record.value("date", "");
    hit.section = record.value("section", std::vector<std::string>{});
    hit.report_title = record.value("report_title", "");
    read_fields(record, hit);
    hit.position = record.value("position", 0);
    hit.text = std::move(record["text"].get_ref<std::string&>());  // paragraph_record makes it a string
    if (snippet)
        hit.snippet = highlighter ? highlighter->snippet(hit.text, k_snippet_bytes) : leading_snippet(hit.text, k_snippet_bytes);
    return hit;
}

struct StoredHit {
    StoredParagraph paragraph;
    std::size_t rank = 0;
    double score = 0;
};

// Batches handed from the thread that reads the index to the one that makes results.
class Handover {
public:
    // Waits for room; returns false when the taker has stopped.
    bool give(std::vector<StoredHit> batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_stopped || m_batches.size() < k_batches_ahead; });
        if (m_stopped)
            return false;
        m_batches.push_back(std::move(batch));
        m_changed.notify_all();
        return true;
    }

    // Waits for a batch; returns false when none will come.
    bool take(std::vector<StoredHit>& batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_stopped || m_finished || !m_batches.empty(); });
        if (m_stopped || m_batches.empty())
            return false;
        batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_changed.notify_all();
        return true;
    }

    // The giver has given everything.
    void finish() { set(m_finished); }

    // Either side gives up: the other stops waiting.
    void stop() { set(m_stopped); }

private:
    void set(bool& flag)
    {
        const std::lock_guard lock(m_mutex);
        flag = true;
        m_changed.notify_all();
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::vector<StoredHit>> m_batches;
    bool m_finished = false;
    bool m_stopped = false;
};

}  // namespace

std::shared_ptr<ReportParts> kept_report_parts(const Xapian::Database& db)
{
    return RevisionCache<ReportParts>::get(db, [](const Xapian::Database&) { return std::make_shared<ReportParts>(); });
}

SearchHit read_hit(const Xapian::Document& document, ReportRecords& reports, const Highlighter* highlighter)
{
    return hit_of(reports.paragraph(document), highlighter, true);
}

std::vector<SearchHit> read_hits(const RankedPage& page, const Xapian::Database& db, const Highlighter* highlighter)
{
    ReportRecords reports(db, kept_report_parts(db));
    std::vector<SearchHit> hits;
    for (std::size_t i = 0; i < page.documents.size(); ++i) {
        // Matched documents exist: checking each again would read its length from the index.
        hits.push_back(read_hit(db.get_document(page.documents[i], Xapian::DOC_ASSUME_VALID), reports, highlighter));
        hits.back().rank = page.offset + i + 1;
        hits.back().score = page.weights[i];
    }
    return hits;
}

void stream_hits(const RankedPage& ranked, const Xapian::Database& db, const Highlighter* highlighter, bool snippets,
                 const std::function<void(const SearchHit&)>& visit)
{
    Handover handover;
    std::exception_ptr visit_failure;
    std::thread maker([&] {
        try {
            std::vector<StoredHit> batch;
            while (handover.take(batch)) {
                for (StoredHit& stored : batch) {
                    SearchHit hit = hit_of(ReportRecords::record_of(std::move(stored.paragraph)), highlighter, snippets);
                    hit.rank = stored.rank;
                    hit.score = stored.score;
                    visit(hit);
                }
            }
        } catch (...) {
            visit_failure = std::current_exception();
            handover.stop();
        }
    });
    // Xapian's objects stay on this thread: their reference counts are not atomic.
    try {
        ReportRecords reports(db, kept_report_parts(db));
        const std::size_t count = ranked.documents.size();
        for (std::size_t first = 0; first < count; first += k_batch_size) {
            std::vector<StoredHit> batch;
            for (std::size_t i = first; i < std::min(count, first + k_batch_size); ++i) {
                const Xapian::Document document = db.get_document(ranked.documents[i], Xapian::DOC_ASSUME_VALID);
                batch.push_back({reports.stored(document), ranked.offset + i + 1, ranked.weights[i]});
            }
            if (!handover.give(std::move(batch)))
                break;
        }
    } catch (...) {
        handover.stop();
        maker.join();
        throw;
    }
    handover.finish();
    maker.join();
    if (visit_failure)
        std::rethrow_exception(visit_failure);
}

}  // namespace findings
