// Fuzzes /api/search's parameters with any query string: read as searchd reads them (a bad one
// must be a bad_request Error, nothing else), written back and read again to the same request,
// then searched on the seed index.
#include "core/common/error.h"
#include "core/common/json_text.h"
#include "core/query/search.h"
#include "core/query/search_json.h"
#include "core/query/search_params.h"
#include "tests/fuzz/fuzz_support.h"

#include <cstdint>
#include <string>

using namespace findings;

namespace {

// Decodes %XX and '+' as a URL's query string does; a malformed escape stays as it is.
std::string url_decoded(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
                   std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// Splits "a=1&b=2" into parameters, as searchd's HTTP library does.
QueryParams params_of(const std::string& query)
{
    QueryParams params;
    std::size_t start = 0;
    while (start <= query.size()) {
        const std::size_t end = std::min(query.find('&', start), query.size());
        const std::string pair = query.substr(start, end - start);
        const std::size_t equals = pair.find('=');
        if (!pair.empty())
            params.emplace(url_decoded(pair.substr(0, equals)), equals == std::string::npos ? "" : url_decoded(pair.substr(equals + 1)));
        start = end + 1;
    }
    return params;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static Searcher searcher(fuzz::seed_index());
    SearchRequest request;
    try {
        request = request_from_params(params_of(std::string(reinterpret_cast<const char*>(data), size)));
    } catch (const Error& error) {
        fuzz::require(error.code() == ErrorCode::bad_request, "a parameter problem that is not a bad_request");
        return 0;
    }
    const auto written = request_to_params(request);
    const SearchRequest again = request_from_params(QueryParams(written.begin(), written.end()));
    fuzz::require(request_to_params(again) == written, "a request read back from its parameters differs");
    try {
        const SearchResult result = searcher.search(request);
        fuzz::require(nlohmann::json::parse(json_text(result_json(result)), nullptr, false).is_object(),
                      "the result's JSON does not parse");
    } catch (const Error& error) {
        // A request can name a value no field has (a page past the end is not one of them).
        fuzz::require(error.code() == ErrorCode::bad_request, "a search error that is not a bad_request");
    }
    return 0;
}
