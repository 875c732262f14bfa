// Searching through a running searchd (`findings --server URL`) instead of opening the index.
#pragma once

#include "core/query/judgement_table.h"
#include "core/query/search.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace findings {

class RemoteSearcher {
public:
    // Talks to searchd at url ("http://127.0.0.1:8080").
    explicit RemoteSearcher(std::string url);

    // Runs a search through /api/search. Throws Error with searchd's message when it refuses
    // the request, and Error(io_error) when it cannot be reached.
    SearchResult search(const SearchRequest& request);

    // Calls visit for every match, page by page; returns the number visited.
    std::size_t for_each_match(const SearchRequest& request, const std::function<void(const SearchHit&)>& visit,
                               QueryReading* reading = nullptr);

    // Returns the grade history through /api/judgements, for the request's filters.
    std::vector<JudgementRow> judgements(const SearchRequest& request);

    // Returns the paragraphs like the one with id through /api/paragraphs/{id}/similar.
    SimilarResult similar(const std::string& id, const SearchRequest& request);

    // Returns the trend through /api/trends.
    Trend trend(const SearchRequest& request, const std::string& split);

    // Returns the reports list through /api/reports, every page of it.
    std::vector<nlohmann::json> reports(const SearchRequest& request);

    // Returns a report with its paragraphs through /api/reports/{id}.
    nlohmann::json report(const std::string& id);

    // Returns searchd's /api/health: its version and its index's schema, revision and size.
    nlohmann::json health();

private:
    // Returns searchd's JSON answer to GET path with params; throws as search does.
    nlohmann::json get_json(const std::string& path, const httplib::Params& params);

    std::string m_url;
};

}  // namespace findings
