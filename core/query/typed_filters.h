// Field syntax typed among the words (authority:Croydon, type:"priority action") read as the
// filter a click on the field's facet sets, so that the two agree: the facet shows the value
// as selected, and a value ticked beside it is an alternative (OR), not a second condition.
#pragma once

#include <string>
#include <vector>

namespace findings {

struct TypedFilter {
    std::string field;    // the field's name: "authority"
    std::string value;    // as typed, unquoted: "Croydon"
    std::string matched;  // the words it came from: "authority:Croydon"
};

// Takes from text the field:value words of filter fields whose value names something, and
// returns them; text keeps the rest. Nothing is taken from a query with brackets or boolean
// operators (AND, OR, NOT...), whose structure the query parser must read whole, nor an
// exclusion (-authority:Croydon), nor a value that names nothing (the parser notes it).
std::vector<TypedFilter> take_typed_filters(std::string& text);

}  // namespace findings
