// Facet values held in memory as compact columns indexed by document id, so that exact facet
// counts over hundreds of thousands of matches cost an array increment per match instead of
// a value lookup in the index (ValueCountMatchSpy's cost).
#include "core/facet_columns.h"

#include "core/index_schema.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>

namespace findings {

namespace {

const std::vector<std::pair<std::string, Xapian::valueno>>& counted_facets()
{
    static const std::vector<std::pair<std::string, Xapian::valueno>> facets = {
        {"authority", schema::k_slot_authority}, {"year", schema::k_slot_year},
        {"grade", schema::k_slot_grade},         {"finding_type", schema::k_slot_finding_type},
        {"region", schema::k_slot_region},       {"kind", schema::k_slot_kind},
    };
    return facets;
}

// Returns a value as people read it: years are stored sortable-serialised.
std::string readable_value(const std::string& facet, const std::string& stored)
{
    if (facet == "year")
        return std::to_string(static_cast<int>(Xapian::sortable_unserialise(stored)));
    return stored;
}

FacetColumn load_column(const Xapian::Database& db, const std::string& facet, Xapian::valueno slot)
{
    FacetColumn column;
    column.facet = facet;
    column.slot = slot;
    column.codes.assign(db.get_lastdocid() + 1, 0);
    column.values.push_back("");
    std::unordered_map<std::string, std::uint16_t> code_of;
    for (auto value = db.valuestream_begin(slot); value != db.valuestream_end(slot); ++value) {
        auto [found, added] = code_of.emplace(*value, static_cast<std::uint16_t>(column.values.size()));
        if (added)
            column.values.push_back(readable_value(facet, *value));
        column.codes[value.get_docid()] = found->second;
    }
    return column;
}

}  // namespace

FacetColumns::FacetColumns(const Xapian::Database& db)
{
    for (const auto& [facet, slot] : counted_facets())
        m_columns.push_back(load_column(db, facet, slot));
}

std::shared_ptr<const FacetColumns> FacetColumns::of(const Xapian::Database& db)
{
    static std::mutex mutex;
    static std::map<std::string, std::weak_ptr<const FacetColumns>> cache;
    const std::string key = db.get_uuid() + "@" + std::to_string(db.get_revision());
    std::lock_guard<std::mutex> lock(mutex);
    if (auto cached = cache[key].lock())
        return cached;
    std::shared_ptr<const FacetColumns> loaded(new FacetColumns(db));
    cache[key] = loaded;
    for (auto it = cache.begin(); it != cache.end();)  // forget revisions nobody reads any more
        it = it->second.expired() ? cache.erase(it) : std::next(it);
    return loaded;
}

FacetCountSpy::FacetCountSpy(std::shared_ptr<const FacetColumns> columns, const std::vector<std::string>& facets)
    : m_columns(std::move(columns))
{
    for (const auto& column : m_columns->columns()) {
        if (facets.empty() || std::find(facets.begin(), facets.end(), column.facet) != facets.end()) {
            m_counted.push_back(&column);
            m_counts.emplace_back(column.values.size(), 0);
        }
    }
}

void FacetCountSpy::operator()(const Xapian::Document& document, double)
{
    const Xapian::docid id = document.get_docid();
    for (std::size_t i = 0; i < m_counted.size(); ++i) {
        const auto& codes = m_counted[i]->codes;
        if (id < codes.size())
            ++m_counts[i][codes[id]];
    }
}

std::map<std::string, std::vector<std::pair<std::string, std::size_t>>> FacetCountSpy::counts() const
{
    std::map<std::string, std::vector<std::pair<std::string, std::size_t>>> result;
    for (std::size_t i = 0; i < m_counted.size(); ++i) {
        auto& values = result[m_counted[i]->facet];
        for (std::size_t code = 1; code < m_counts[i].size(); ++code) {
            if (m_counts[i][code] > 0)
                values.emplace_back(m_counted[i]->values[code], m_counts[i][code]);
        }
    }
    return result;
}

}  // namespace findings
