// Search: a request in, ranked paragraphs with snippets, exact facet counts and the reading of
// the query out. The command line and searchd both call Searcher::search and serialise its
// result with search_json.h; there is no second implementation.
#pragma once

#include "core/common/analyser.h"
#include "core/query/judgement_table.h"
#include "core/query/search_model.h"
#include "core/query/trends.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <cstddef>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace findings {

class Searcher {
public:
    // Opens the index read-only. Throws Error(index_missing) when there is none at path.
    explicit Searcher(const std::string& db_path);

    // Runs a search. Throws Error(bad_request) for an impossible request (page 0, per_page
    // over the maximum, an unknown filter value); a malformed query never throws.
    SearchResult search(const SearchRequest& request);

    // Calls visit for every match of the request in rank order (the first limit only), holding
    // the ranking's document ids and weights, never all the hits (for exports); returns the
    // number visited. reading, when given,
    // receives how the query was read.
    std::size_t for_each_match(const SearchRequest& request, const std::function<void(const SearchHit&)>& visit,
                               QueryReading* reading = nullptr,
                               std::size_t limit = std::numeric_limits<std::size_t>::max());

    // Returns the request's matches year by year, split by finding type and by the facet split
    // names, if any (trends.h).
    Trend trend(const SearchRequest& request, const std::string& split = "");

    // Returns the paragraphs of other authorities' reports most like the paragraph with id, at
    // most one an authority and request.per_page in all, that pass the request's filters (its words
    // are not used). Throws Error(not_found) for an id that names no paragraph.
    SimilarResult similar(const std::string& id, const SearchRequest& request);

    // Returns the grade history for the request's filters (judgement_table.h).
    std::vector<JudgementRow> judgements(const SearchRequest& request);

    // Returns the reports that pass the request's filters, newest first (list_reports).
    std::vector<nlohmann::json> reports(const SearchRequest& request);

    // Returns a report with its paragraphs (lookup_report); throws Error(not_found). With a
    // query, each paragraph also has "marked": its text HTML-escaped with the query's words in
    // <mark>, as in snippets, and the report "matches": how many paragraphs have a mark.
    nlohmann::json report(const std::string& id, const std::string& query = "");

    // Moves to the latest commit of the index at its path, which may be another index than the
    // one read so far (rebuilt from scratch and moved into place); returns whether it moved.
    // Throws Xapian::DatabaseOpeningError while nothing is at the path (it then stays).
    bool reopen();

    // The revision (commit) of the index being read.
    Xapian::rev revision() const { return m_db.get_revision(); }

    // Builds what searching this revision keeps in memory (facet columns, report order, the
    // set of every document, and as many of the sets kept under keys as a fraction of a second
    // allows), so that the first searches of a new revision need not wait for them.
    void warm(const std::vector<std::string>& keys = {});

    // Returns the keys of the sets this revision keeps, most recently used first (for warm).
    std::vector<std::string> kept_sets(std::size_t limit);

    Xapian::Database& database() { return m_db; }

private:
    SimilarResult similar_once(const std::string& id, const SearchRequest& request);
    nlohmann::json report_once(const std::string& id, const std::string& query);

    // Runs read, again on the latest revision (up to twice more) when the indexer committed
    // twice under it.
    template <typename Read>
    auto retrying(Read&& read)
    {
        for (int attempt = 0;; ++attempt) {
            try {
                return read();
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt >= 2)
                    throw;
                reopen();
            }
        }
    }

    std::string m_path;
    Xapian::Database m_db;
    Analyser m_analyser;
};

}  // namespace findings
