// Facet values held in memory as compact columns indexed by document id, so that exact facet
// counts over hundreds of thousands of matches cost an array increment per match instead of
// a value lookup in the index (ValueCountMatchSpy's cost).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace findings {

// One facet's values: a code per document (0: none) and the value of each code.
struct FacetColumn {
    std::string facet;
    Xapian::valueno slot = 0;
    std::vector<std::uint16_t> codes;  // by document id
    std::vector<std::string> values;   // by code, as people read them (years as "2016"); values[0] is ""
};

class FacetColumns {
public:
    // Returns the columns of a database's current revision, loaded once per revision and
    // shared by every thread that reads that revision.
    static std::shared_ptr<const FacetColumns> of(const Xapian::Database& db);

    const std::vector<FacetColumn>& columns() const { return m_columns; }

private:
    explicit FacetColumns(const Xapian::Database& db);
    std::vector<FacetColumn> m_columns;
};

// Counts the facet values of every document the matcher passes it.
class FacetCountSpy : public Xapian::MatchSpy {
public:
    // Counts the columns whose facet names are listed (all when the list is empty).
    FacetCountSpy(std::shared_ptr<const FacetColumns> columns, const std::vector<std::string>& facets);

    void operator()(const Xapian::Document& document, double weight) override;

    // Returns facet -> (value -> count) for the values seen.
    std::map<std::string, std::vector<std::pair<std::string, std::size_t>>> counts() const;

private:
    std::shared_ptr<const FacetColumns> m_columns;
    std::vector<const FacetColumn*> m_counted;
    std::vector<std::vector<std::size_t>> m_counts;  // by counted column, by code
};

}  // namespace findings
