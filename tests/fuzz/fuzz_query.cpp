// Fuzzes the query path with any text as q: understanding, building, searching the seed index,
// and the result as JSON. A malformed query must never throw, and the JSON must parse back.
#include "core/common/json_text.h"
#include "core/query/search.h"
#include "core/query/search_json.h"
#include "tests/fuzz/fuzz_support.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

using namespace findings;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static Searcher searcher(fuzz::seed_index());
    SearchRequest request;
    request.query.assign(reinterpret_cast<const char*>(data), size);
    const SearchResult result = searcher.search(request);
    const nlohmann::json parsed = nlohmann::json::parse(json_text(result_json(result)), nullptr, false);
    fuzz::require(parsed.is_object(), "the result's JSON does not parse");
    fuzz::require(result.hits.size() <= result.total, "more hits than the total");
    return 0;
}
