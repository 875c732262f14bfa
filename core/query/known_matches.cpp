#include "core/query/known_matches.h"

#include <vector>

namespace findings {

namespace {

std::vector<Xapian::Query> subqueries_of(const Xapian::Query& query)
{
    std::vector<Xapian::Query> subqueries;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        subqueries.push_back(query.get_subquery(i));
    return subqueries;
}

}  // namespace

Xapian::Query without_phrase_checks(const Xapian::Query& query)
{
    const auto op = query.get_type();
    switch (op) {
    case Xapian::Query::OP_PHRASE:
    case Xapian::Query::OP_NEAR: {
        const std::vector<Xapian::Query> words = subqueries_of(query);
        return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
    }
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER: {  // every side must match
        std::vector<Xapian::Query> sides = subqueries_of(query);
        for (auto& side : sides)
            side = without_phrase_checks(side);
        return Xapian::Query(op, sides.begin(), sides.end());
    }
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_AND_NOT: {  // the first side only
        std::vector<Xapian::Query> sides = subqueries_of(query);
        if (sides.empty())
            return query;
        sides.front() = without_phrase_checks(sides.front());
        return Xapian::Query(op, sides.begin(), sides.end());
    }
    default:
        return query;
    }
}

}  // namespace findings
