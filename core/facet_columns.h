// Facet values held in memory as compact columns indexed by document id, so that exact facet
// counts over hundreds of thousands of matches cost an array increment per match instead of
// a value lookup in the index (ValueCountMatchSpy's cost).
#pragma once

#include "core/doc_set.h"

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
    std::vector<std::uint16_t> codes;  // by document id
    std::vector<std::string> values;   // by code, as people read them (years as "2016"); values[0] is ""
};

class FacetColumns {
public:
    // Returns the columns of a database's current revision, loaded once per revision and
    // shared by every thread that reads that revision.
    static std::shared_ptr<const FacetColumns> of(const Xapian::Database& db);

    const std::vector<FacetColumn>& columns() const { return m_columns; }

    // Returns, for each facet named, the values that occur in docs with their counts.
    std::map<std::string, std::vector<std::pair<std::string, std::size_t>>> count(
        const DocSet& docs, const std::vector<std::string>& facets) const;

private:
    explicit FacetColumns(const Xapian::Database& db);
    std::vector<FacetColumn> m_columns;
};

}  // namespace findings
