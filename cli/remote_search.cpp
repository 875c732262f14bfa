// Searching through a running searchd (`findings --server URL`) instead of opening the index.
#include "cli/remote_search.h"

#include "core/common/error.h"
#include "core/query/report_list.h"
#include "core/query/search_json.h"
#include "core/query/search_params.h"

#include <httplib.h>

namespace findings {

namespace {

constexpr time_t k_timeout_s = 30;

ErrorCode code_of_status(int status)
{
    if (status == 400 || status == 413)
        return ErrorCode::bad_request;
    if (status == 404)
        return ErrorCode::not_found;
    return ErrorCode::index_error;
}

}  // namespace

RemoteSearcher::RemoteSearcher(std::string url) : m_url(std::move(url))
{
    while (!m_url.empty() && m_url.back() == '/')
        m_url.pop_back();
    if (m_url.rfind("http://", 0) != 0)
        throw Error(ErrorCode::bad_request, "--server needs an http:// URL, e.g. http://127.0.0.1:8080");
}

nlohmann::json RemoteSearcher::get_json(const std::string& path, const httplib::Params& params)
{
    httplib::Client client(m_url);
    client.set_connection_timeout(k_timeout_s, 0);
    client.set_read_timeout(k_timeout_s, 0);
    const auto response = client.Get(path, params, httplib::Headers{});
    if (!response)
        throw Error(ErrorCode::io_error, "cannot reach searchd at " + m_url + " (" + httplib::to_string(response.error()) +
                                             "): is it running?");
    auto body = nlohmann::json::parse(response->body, nullptr, false);
    if (response->status != 200) {
        const bool has_message = body.is_object() && body.contains("error") && body["error"].contains("message");
        throw Error(code_of_status(response->status),
                    has_message ? body["error"]["message"].get<std::string>()
                                : "searchd answered " + std::to_string(response->status));
    }
    return body;
}

SearchResult RemoteSearcher::search(const SearchRequest& request)
{
    httplib::Params params;
    for (const auto& [name, value] : request_to_params(request))
        params.emplace(name, value);
    const nlohmann::json body = get_json("/api/search", params);
    try {
        return result_from_json(body);
    } catch (const nlohmann::json::exception&) {
        throw Error(ErrorCode::io_error, "searchd at " + m_url + " sent an answer that is not a search result");
    }
}

std::vector<JudgementRow> RemoteSearcher::judgements(const SearchRequest& request)
{
    httplib::Params params;
    for (const auto& [name, value] : filters_to_params(request))
        params.emplace(name, value);
    const nlohmann::json body = get_json("/api/judgements", params);
    std::vector<JudgementRow> rows;
    try {
        for (const auto& row : body.at("judgements"))
            rows.push_back(judgement_row_from_json(row));
    } catch (const nlohmann::json::exception&) {
        throw Error(ErrorCode::io_error, "searchd at " + m_url + " sent an answer that is not a judgements table");
    }
    return rows;
}

SimilarResult RemoteSearcher::similar(const std::string& id, const SearchRequest& request)
{
    // Paragraph ids are a report id, a slash and a number: anything else names no paragraph,
    // and must not reach the path unescaped.
    const std::size_t slash = id.find('/');
    const bool plain = slash != std::string::npos && slash > 0 && slash + 1 < id.size() &&
                       id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == slash &&
                       id.find_first_not_of("0123456789", slash + 1) == std::string::npos;
    if (!plain)
        throw Error(ErrorCode::not_found, "no paragraph with id \"" + id + "\"");
    httplib::Params params = {{"per_page", std::to_string(request.per_page)}};
    for (const auto& [name, value] : filters_to_params(request))
        params.emplace(name, value);
    const nlohmann::json body = get_json("/api/paragraphs/" + id + "/similar", params);
    try {
        return similar_from_json(body);
    } catch (const nlohmann::json::exception&) {
        throw Error(ErrorCode::io_error, "searchd at " + m_url + " sent an answer that is not a list of similar findings");
    }
}

Trend RemoteSearcher::trend(const SearchRequest& request, const std::string& split)
{
    httplib::Params params;
    for (const auto& [name, value] : request_to_params(request)) {
        if (name != "page" && name != "per_page" && name != "sort" && name != "collapse" && name != "facets")
            params.emplace(name, value);
    }
    if (!split.empty())
        params.emplace("split", split);
    const nlohmann::json body = get_json("/api/trends", params);
    try {
        return trend_from_json(body);
    } catch (const nlohmann::json::exception&) {
        throw Error(ErrorCode::io_error, "searchd at " + m_url + " sent an answer that is not a trend");
    }
}

std::vector<nlohmann::json> RemoteSearcher::reports(const SearchRequest& request)
{
    constexpr int k_per_page = k_max_reports_per_page;
    std::vector<nlohmann::json> reports;
    for (int page = 1; page <= static_cast<int>(k_max_page); ++page) {
        httplib::Params params = {{"page", std::to_string(page)}, {"per_page", std::to_string(k_per_page)}};
        for (const auto& [name, value] : filters_to_params(request))
            params.emplace(name, value);
        const nlohmann::json body = get_json("/api/reports", params);
        const auto found = body.find("reports");
        if (found == body.end() || !found->is_array())
            throw Error(ErrorCode::io_error, "searchd at " + m_url + " sent an answer that is not a reports list");
        reports.insert(reports.end(), found->begin(), found->end());
        if (found->size() < static_cast<std::size_t>(k_per_page))
            break;
    }
    return reports;
}

std::size_t RemoteSearcher::for_each_match(const SearchRequest& request, const std::function<void(const SearchHit&)>& visit,
                                           QueryReading* reading)
{
    SearchRequest page = request;
    page.per_page = k_max_per_page;
    page.facets = false;
    std::size_t visited = 0;
    for (page.page = 1; page.page <= k_max_page; ++page.page) {
        const SearchResult result = search(page);
        if (reading && page.page == 1)
            *reading = result.interpreted;
        for (const auto& hit : result.hits) {
            visit(hit);
            ++visited;
        }
        if (result.hits.size() < page.per_page)
            break;
    }
    return visited;
}

nlohmann::json RemoteSearcher::report(const std::string& id)
{
    // Report ids are lower-case words joined by hyphens: anything else names no report, and
    // must not reach the path unescaped.
    if (id.empty() || id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
        throw Error(ErrorCode::not_found, "no report with id \"" + id + "\"");
    return get_json("/api/reports/" + id, {});
}

nlohmann::json RemoteSearcher::health() { return get_json("/api/health", {}); }

}  // namespace findings
