// An authority over time: its inspections in date order, each with its kind, dates, grades and
// its findings by type; for a query, the matching findings of each inspection and the best of
// them, so that one reads how a topic moved from weakness to strength across visits. And every
// authority in the index with its latest inspection. Built from searches and the reports list,
// with any searcher that has them (the index's, or searchd's through --server).
#pragma once

#include "core/common/error.h"
#include "core/common/gazetteer.h"
#include "core/common/ofsted_links.h"
#include "core/query/search_json.h"
#include "core/query/search_model.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace findings {

// How many of an inspection's matching findings a timeline shows.
constexpr std::size_t k_timeline_top = 3;

struct TimelineInspection {
    nlohmann::json report;                        // the report's record (report_list.h)
    std::size_t matches = 0;                      // its paragraphs that match the query (all, without one)
    std::map<std::string, std::size_t> findings;  // those paragraphs by finding type
    std::vector<SearchHit> top;                   // with a query: its best matches
};

struct AuthorityTimeline {
    std::string authority;
    std::string region;
    std::string authority_type;
    std::string ofsted_url;
    std::string query;
    std::vector<TimelineInspection> inspections;  // oldest first
};

// Returns the timeline of the authority named (in any usual form) for the request's words and
// filters (its authority filters aside). Throws Error(not_found) for a name that is no
// authority, Error(bad_request) as a search does.
template <typename Searcher>
AuthorityTimeline authority_timeline(Searcher& searcher, const std::string& name, const SearchRequest& request)
{
    const Authority* authority = Gazetteer::instance().resolve(name);
    if (!authority)
        throw Error(ErrorCode::not_found, "no authority called \"" + name + "\": use a name such as Croydon or Barking and Dagenham");
    AuthorityTimeline timeline{authority->name, authority->region, to_string(authority->type),
                               ofsted_provider_url(authority->name), request.query, {}};
    SearchRequest listing;
    listing.filters["authority"] = {authority->name};
    auto reports = searcher.reports(listing);
    for (auto report = reports.rbegin(); report != reports.rend(); ++report) {  // the list is newest first
        TimelineInspection inspection;
        inspection.report = *report;
        SearchRequest within = request;
        within.filters.erase("authority");
        within.report = report->value("id", "");
        within.page = 1;
        within.collapse_reports = false;
        within.sort = SortOrder::relevance;
        within.per_page = request.query.empty() ? 0 : k_timeline_top;
        within.fall_back = false;  // an inspection's matches are those with every word, however few
        within.facet_names = {"finding_type"};
        within.facets = true;
        const SearchResult found = searcher.search(within);
        inspection.matches = found.total;
        if (found.facets.count("finding_type"))
            inspection.findings = counts_among_matches(found.facets.at("finding_type"));
        inspection.top = found.hits;
        timeline.inspections.push_back(std::move(inspection));
    }
    return timeline;
}

// Returns {authority, region, authority_type, ofsted_url, query, inspections: [{report fields...,
// matches, findings: {type: count}, top: [results]}]}.
nlohmann::json timeline_json(const AuthorityTimeline& timeline);

// Returns every authority with reports in the list given (the reports list, newest first):
// {total, authorities: [{authority, region, authority_type, reports, latest: {id, date, kind,
// overall}, latest_overall: {id, date, grade} or null}]}, by name.
nlohmann::json authorities_json(const std::vector<nlohmann::json>& reports);

}  // namespace findings
