// Facet values held in memory as compact columns indexed by document id, so that exact facet
// counts over hundreds of thousands of matches cost an array increment per match instead of
// a value lookup in the index (ValueCountMatchSpy's cost).
#pragma once

#include "core/query/code_column.h"
#include "core/query/doc_set.h"

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace findings {

// Documents first up to (not including) end, which all have one code.
struct CodeRun {
    Xapian::docid first = 0;
    Xapian::docid end = 0;
    std::uint16_t code = 0;
};

// The documents of each code of a column as sets, made the first time a search needs them (once,
// whichever thread asks first): a large match set is then counted with a word-wide AND and bit
// count per code, where member by member it costs a lookup per member.
class CodeSets {
public:
    // Returns the set of each code (by code; code 0's is left empty).
    const std::vector<DocSet>& of(const CodeColumn& codes, std::size_t values);

private:
    std::once_flag m_made;
    std::vector<DocSet> m_sets;
};

// One facet's values: a code per document (0: none) and the value of each code.
struct FacetColumn {
    std::string facet;
    CodeColumn codes;                  // by document id
    std::vector<std::string> values;   // by code, as people read them (years as "2016"); values[0] is ""
    std::vector<Xapian::docid> examples;  // by code: one document with that value
    // The codes again as runs, kept when runs are long: a report's paragraphs share its
    // authority, region, year, kind and overall grade, so a match set of many documents is
    // counted a run at a time. Empty otherwise; runs of code 0 are left out.
    std::vector<CodeRun> runs;
    // Used for the columns of few values without long runs (a paragraph's finding type and
    // polarity); shared by the threads that count.
    std::shared_ptr<CodeSets> code_sets = std::make_shared<CodeSets>();
};

// A facet whose value follows from another's (an authority's type from the authority): counted
// by mapping the other facet's counts, with no codes of its own.
struct DerivedFacet {
    std::string facet;
    std::size_t from = 0;                 // the column it follows from
    std::vector<std::uint16_t> code_of;   // by the column's code: this facet's code (0: none)
    std::vector<std::string> values;      // by code; values[0] is ""
    std::vector<Xapian::docid> examples;  // by code: one document with that value (0: none)
};

// The stretches of documents over which every column with few runs keeps one code: the union
// of those columns' runs. A report's paragraphs share its authority, region, year, kind and
// overall grade, so a match set is counted once over the stretches for all those columns,
// rather than once over each column's own runs or members.
struct SharedRuns {
    std::vector<Xapian::docid> starts;              // stretch i is starts[i] up to starts[i + 1]
    std::vector<std::size_t> columns;               // the columns counted through them
    std::vector<std::vector<std::uint16_t>> codes;  // by column (as in columns), by stretch
};

class FacetColumns {
public:
    // Returns the columns of a database's current revision, loaded once per revision and
    // shared by every thread that reads that revision: read from the revision's metadata when
    // the indexer stored them for it (stored()), else built from the index's value streams.
    static std::shared_ptr<const FacetColumns> of(const Xapian::Database& db);

    // Returns the columns of db's current revision as the metadata value that lets a process
    // opening the next revision read them instead of building them (a one-shot command line
    // search spent most of its time building them). The value names that next revision: the
    // writer commits it alone, with no document changed, and any later commit, which may change
    // documents, leaves it ignored until it is stored again.
    static std::string stored(const Xapian::Database& db);

    // Returns whether db's current revision has its columns stored.
    static bool stored_for(const Xapian::Database& db);

    // Whether these columns were read from what the indexer stored (else built).
    bool read_from_store() const { return m_read_from_store; }

    // The columns of the facets stored in the index (derived facets have none).
    const std::vector<FacetColumn>& columns() const { return m_columns; }

    // Returns, for each facet named, the values that occur in docs with their counts.
    std::map<std::string, std::vector<std::pair<std::string, std::size_t>>> count(
        const DocSet& docs, const std::vector<std::string>& facets) const;

    // Returns the values of facet whose documents filter holds, for a filter on the facet's own
    // values (a search's filter on that facet): judged by one document of each value, as the
    // filter holds all of a value's documents or none. Costs a lookup per value, not per document.
    std::vector<std::string> admitted_values(const DocSet& filter, const std::string& facet) const;

    // Returns the counts of docs by two facets at once: row value -> column value -> count
    // (documents without a value of either are left out). Both must be facets.
    std::map<std::string, std::map<std::string, std::size_t>> cross_count(const DocSet& docs, const std::string& rows,
                                                                           const std::string& columns) const;

private:
    // A facet's codes by document, read through a stored column and, for a derived facet, the
    // map from that column's codes to its own.
    struct Codes {
        const CodeColumn* by_document = nullptr;
        const std::vector<std::uint16_t>* mapped = nullptr;  // null: the column's own codes
        const std::vector<std::string>* values = nullptr;
        const std::vector<Xapian::docid>* examples = nullptr;  // by this facet's code
        std::uint16_t of(Xapian::docid id) const
        {
            const std::uint16_t code = id < by_document->size() ? (*by_document)[id] : 0;
            return mapped ? (*mapped)[code] : code;
        }
    };
    Codes codes_of(const std::string& facet) const;

    explicit FacetColumns(const Xapian::Database& db);
    // Reads the columns stored for db's current revision; false when there are none or they
    // are of another revision, documents or set of facets.
    bool read_stored(const Xapian::Database& db);
    void derive_facets();
    void share_runs();
    std::vector<FacetColumn> m_columns;
    SharedRuns m_shared;
    std::vector<DerivedFacet> m_derived;
    bool m_read_from_store = false;
};

}  // namespace findings
