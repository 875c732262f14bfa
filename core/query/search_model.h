// The search model: what a search is asked (SearchRequest) and what it answers
// (SearchResult). Every layer of the query flow, the JSON shape and the programs share it;
// Searcher (search.h) is what turns one into the other.
#pragma once

#include "core/query/query_understanding.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace findings {

// Limits a client can reach: larger requests are refused (per_page) or cut (query length).
constexpr std::size_t k_max_per_page = 100;
constexpr std::size_t k_max_query_bytes = 1000;
constexpr std::size_t k_max_page = 10000;

enum class SortOrder { relevance, date };

struct SearchRequest {
    std::string query;
    // Filters chosen outside the query (facet clicks, --authority), by field name (fields.h):
    // values of one field are OR-ed, fields AND-ed. Values as people write them.
    std::map<std::string, std::vector<std::string>> filters;
    int year_from = 0;  // 0: open
    int year_to = 0;
    std::string report;  // one report's paragraphs only (its id), or ""
    std::size_t page = 1;
    std::size_t per_page = 10;  // 0: the total and facets alone
    SortOrder sort = SortOrder::relevance;
    bool collapse_reports = false;  // the best paragraph per report only
    bool snippets = true;           // an export's hits carry a snippet (rows_need_snippet)
    bool literal = false;           // no cue reading: the query is text and explicit syntax only
    bool autocorrect = true;        // misspelt words are corrected before the query is read
    bool match_all = true;          // a match has every word (concept) of the query; false: any
    bool fall_back = true;          // with match_all, when fewer than 10 paragraphs have every
                                    // concept, those with any are shown (false: never)
    bool facets = true;
    std::vector<std::string> facet_names;  // the facets to count (fields.h names); empty: every one
};

struct SearchHit {
    std::string id;
    std::string report_id;
    std::size_t rank = 0;
    double score = 0;
    std::string date;
    std::vector<std::string> section;
    std::string report_title;
    int position = 0;
    std::map<std::string, std::string> fields;  // every field of the table of fields, by name
    std::string snippet;  // HTML-escaped, matches in <mark>...</mark>
    std::string text;     // the whole paragraph
    std::size_t report_matches = 0;  // one paragraph per report: the report's matches, this one included

    // Returns the value of a field ("" when it has none).
    const std::string& field(const std::string& name) const;
};

struct FacetCount {
    std::string value;
    std::size_t count = 0;
    bool selected = false;  // the request or the query's words filter on this value
};

// Returns a facet's counts among the matches themselves: a facet the search filters on is
// counted without its own filter (its other values say what choosing them would add), so only
// its selected values are among the matches.
inline std::map<std::string, std::size_t> counts_among_matches(const std::vector<FacetCount>& counts)
{
    const bool filtered = std::any_of(counts.begin(), counts.end(), [](const FacetCount& c) { return c.selected; });
    std::map<std::string, std::size_t> among;
    for (const auto& count : counts) {
        if (count.count > 0 && (!filtered || count.selected))
            among[count.value] = count.count;
    }
    return among;
}

// A word of the query that was misspelt, and the word searched instead (both lower case).
struct Correction {
    std::string from;
    std::string to;
};

// How the query was read, so a person can see it and undo it.
struct QueryReading {
    std::string text;                 // the words searched as full text
    std::vector<Cue> cues;            // cues read as filters
    std::vector<std::string> filters; // every filter applied, readable ("authority: Croydon")
    std::vector<std::string> synonyms;  // "EDT = emergency duty team, out of hours"
    bool fallback = false;            // the query's syntax could not be read: its words were searched
    bool any_words = false;           // too few paragraphs had every word: those with any were searched
    std::vector<Correction> corrections;  // misspelt words corrected before reading the query
    std::string corrected_query;      // the query as searched, when corrections were made
    std::vector<std::string> notes;   // anything else a person should know
};

// Where a search's time went, in milliseconds.
struct SearchTimings {
    double parse_ms = 0;     // reading the query and building the Xapian query
    double match_ms = 0;     // the exact match sets and total, and ranking the page
    double facets_ms = 0;    // counting facets over every match
    double snippets_ms = 0;  // reading the page's documents and making snippets
};

struct SearchResult {
    std::string query;
    QueryReading interpreted;
    std::size_t total = 0;
    std::size_t page = 1;       // as requested
    std::size_t per_page = 10;
    double took_ms = 0;
    std::vector<SearchHit> hits;
    std::map<std::string, std::vector<FacetCount>> facets;  // facet -> values, most frequent first
    std::string suggestion;  // the query with its misspellings corrected, when they were not
                             // (autocorrect off), or ""
    SearchTimings timings;
};

// A paragraph and the most similar ones elsewhere (similar.h).
struct SimilarResult {
    SearchHit paragraph;
    std::vector<std::string> terms;  // the words that tell what it is about (stems)
    std::vector<SearchHit> hits;     // other authorities' paragraphs, at most one an authority
};

}  // namespace findings
