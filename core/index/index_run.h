// One run of the indexer: find report files under the given paths, parse them and bring the
// index up to date, collecting what a person needs to know about the run.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace findings {

struct FileProblem {
    std::string path;
    std::string reason;
};

struct IndexSummary {
    std::size_t files_seen = 0;
    std::size_t reports_added = 0;
    std::size_t reports_replaced = 0;
    std::size_t reports_unchanged = 0;
    std::size_t reports_removed = 0;
    std::size_t paragraphs_added = 0;
    std::size_t paragraphs_removed = 0;
    std::vector<FileProblem> skipped;  // not report files (by extension), or duplicates of another file
    std::vector<FileProblem> own_ids;  // reports indexed under "<id>-2"...: another has their id
    std::vector<FileProblem> failed;   // report files that could not be indexed
    std::vector<std::string> without_authority;  // sources whose authority was not recognised
    std::vector<std::string> without_date;
    std::vector<std::string> without_grades;     // graded frameworks with no grade found
    std::vector<std::string> without_overall;    // frameworks with an overall judgement, none found
    std::vector<FileProblem> grade_disagreements;  // a judgement graded differently in two places
    // Over the whole index after the run: facet -> value -> paragraphs.
    std::map<std::string, std::map<std::string, std::size_t>> facets;
    std::size_t index_paragraphs = 0;
    std::size_t index_reports = 0;
    // The index's synonym groups are searched as phrases, not as its concept terms
    // (concept_terms.h): it was made before they were indexed, or with another synonym list.
    bool synonyms_as_phrases = false;
    double seconds = 0;
};

struct IndexProgress {
    std::size_t files_done = 0;
    std::size_t files_total = 0;
    std::size_t paragraphs = 0;  // written so far this run
    std::string current;         // the file being indexed
};

// The version of parsing and of the documents built from a parse: part of every file's hash
// in the index, so that a re-run after a change re-indexes every report. Bump it whenever
// either changes (the corpus test's fingerprint says when they did).
inline constexpr const char* k_parser_version = "19";

// Indexes every .txt and .pdf file under paths (files or folders, recursively) into the index
// at db_path. Files that cannot be indexed are reported and skipped; sources under the given
// folders that no longer exist are removed. Commits in batches, so a killed run leaves the
// index at its last commit. Throws Error when the index cannot be opened (e.g. locked).
IndexSummary run_indexer(const std::string& db_path, const std::vector<std::string>& paths,
                         const std::function<void(const IndexProgress&)>& on_progress);

// Builds a new index of paths beside the one at db_path (in <db_path>.rebuilt) and puts it in
// its place in one step, then removes the old one: unlike deleting the index and building it
// again, the path never lacks an index, so searchd moves from the old to the new between two
// answers. Throws Error as run_indexer does; the old index stays until the new one is whole.
IndexSummary rebuild_index(const std::string& db_path, const std::vector<std::string>& paths,
                           const std::function<void(const IndexProgress&)>& on_progress);

}  // namespace findings
