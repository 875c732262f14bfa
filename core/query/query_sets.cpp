#include "core/query/query_sets.h"

#include "core/common/fields.h"
#include "core/query/match_sets.h"

#include <algorithm>
#include <set>

namespace findings {

namespace {

// The facets every search counts: the fields the table marks as facets.
const std::vector<std::string>& facet_names()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> facets;
        for (const Field& field : fields()) {
            if (field.facet)
                facets.push_back(field.name);
        }
        return facets;
    }();
    return names;
}

}  // namespace

std::shared_ptr<const DocSet> QuerySets::without(const std::string& facet) const
{
    if (groups.empty() || (groups.size() == 1 && groups.count(facet) == 1))
        return text;
    auto docs = std::make_shared<DocSet>(*text);
    for (const auto& [name, group] : groups) {
        if (name != facet)
            docs->intersect(*group);
    }
    return docs;
}

QuerySets evaluate_sets(const BuiltQuery& built, Xapian::Database& db)
{
    const auto sets = MatchSets::of(db);
    QuerySets result;
    if (built.matches_nothing)
        result.text = std::make_shared<DocSet>(db.get_lastdocid());
    else
        result.text = built.text.empty() ? sets->all(db) : sets->evaluate(db, built.text);
    for (const auto& [facet, group] : built.filter_groups)
        result.groups.emplace(facet, sets->evaluate(db, group));
    result.matched = result.without("");
    return result;
}

namespace {

// Fewer paragraphs with every concept than this, and the paragraphs with some of them are
// searched instead: on the judged sets, a short list of paragraphs with all the words misses
// what those with most of them answer (a question's wording, a concept put another way).
constexpr std::size_t k_enough_with_all = 10;

}  // namespace

QuerySets sets_with_fallback(BuiltQuery& built, Xapian::Database& db)
{
    QuerySets sets = evaluate_sets(built, db);
    // Counted in the whole index, not within the filters: a filter never makes a search fall
    // back, so a facet's count (of paragraphs with every word) is what a click on it gives.
    const std::size_t with_all = sets.text->count();
    if (with_all >= k_enough_with_all || built.any_text.empty())
        return sets;
    BuiltQuery any = built;
    any.text = built.any_text;
    QuerySets any_sets = evaluate_sets(any, db);
    if (any_sets.text->count() <= with_all)
        return sets;
    built.text = built.any_text;
    built.reading.any_words = true;
    const std::string words = "\"" + built.reading.text + "\"";
    built.reading.notes.push_back(
        (with_all == 0 ? "no paragraph has all of " + words
                       : "only " + std::to_string(with_all) + " paragraph" + (with_all == 1 ? "" : "s") +
                             " in the whole index " + (with_all == 1 ? "has" : "have") + " all of " + words) +
        ": showing the paragraphs with any of them, those with most first (write AND between words to ask for all)");
    return any_sets;
}

std::map<std::string, std::vector<FacetCount>> count_facets(const QuerySets& sets, const FacetColumns& columns,
                                                            const std::vector<std::string>& names)
{
    std::map<std::string, std::vector<std::pair<std::string, std::size_t>>> counted;
    std::map<std::string, std::set<std::string>> selected;
    std::vector<std::string> unfiltered;
    for (const auto& facet : names.empty() ? facet_names() : names) {
        const auto group = sets.groups.find(facet);
        if (group == sets.groups.end()) {
            unfiltered.push_back(facet);
            continue;
        }
        counted.merge(columns.count(*sets.without(facet), {facet}));
        // A value is selected when its facet's filter admits it: one rule for values ticked,
        // named in the words ("Croydon", "weaknesses") and years within a range ("since 2018").
        for (const auto& value : columns.admitted_values(*group->second, facet))
            selected[facet].insert(value);
    }
    counted.merge(columns.count(*sets.matched, unfiltered));
    std::map<std::string, std::vector<FacetCount>> facets;
    for (const auto& [facet, values] : counted) {
        auto& counts = facets[facet];
        std::set<std::string> unlisted = selected[facet];
        for (const auto& [value, count] : values) {
            counts.push_back({value, count, unlisted.erase(value) > 0});
        }
        for (const auto& value : unlisted)  // selected, though nothing matches it: listed to undo
            counts.push_back({value, 0, true});
        // Numbers (years) newest first; other values most frequent first, equal counts by name,
        // so that the order does not depend on the order the index was built in.
        const bool numeric = field_named(facet)->numeric;
        std::sort(counts.begin(), counts.end(), [numeric](const FacetCount& a, const FacetCount& b) {
            if (numeric)
                return a.value.size() != b.value.size() ? a.value.size() > b.value.size() : a.value > b.value;
            return a.count != b.count ? a.count > b.count : a.value < b.value;
        });
    }
    return facets;
}

}  // namespace findings
