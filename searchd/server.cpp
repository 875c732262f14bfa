// searchd's HTTP server: the route table, the JSON API over the search core, the web page's
// files, errors, security headers, limits, logging and metrics.
#include "searchd/server.h"

#include "core/common/error.h"
#include "core/common/index_schema.h"
#include "core/common/json_text.h"
#include "core/common/text_normaliser.h"
#include "core/index/report_lookup.h"
#include "core/query/authority_timeline.h"
#include "core/query/comparison.h"
#include "core/query/judgement_table.h"
#include "core/query/report_list.h"
#include "core/query/report_order.h"
#include "core/query/search.h"
#include "core/query/search_json.h"
#include "core/query/search_params.h"
#include "searchd/bounded_task_queue.h"
#include "searchd/export.h"
#include "searchd/gzip.h"
#include "searchd/openapi.h"

#include <httplib.h>
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>

namespace findings {

namespace {

constexpr std::size_t k_max_body_bytes = 64 * 1024;
constexpr std::size_t k_max_header_fields = 100;
constexpr std::size_t k_max_queued_connections = 256;
constexpr time_t k_read_timeout_s = 5;
constexpr time_t k_write_timeout_s = 10;
constexpr time_t k_keep_alive_timeout_s = 2;
// A connection is closed after this many requests, so that clients beyond the workers wait
// for a turn of a few requests rather than for another client's whole session.
constexpr std::size_t k_keep_alive_max_requests = 10;

const char* const k_content_security_policy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// HTTP status of each error code the core throws: the one table that maps them.
int http_status(ErrorCode code)
{
    switch (code) {
    case ErrorCode::bad_request: return 400;
    case ErrorCode::not_found: return 404;
    case ErrorCode::index_missing: return 503;
    case ErrorCode::index_locked: return 503;
    case ErrorCode::index_error: return 503;
    case ErrorCode::io_error: return 500;
    }
    return 500;
}

// JSON is UTF-8 by definition (RFC 8259), and cpp-httplib gzips a response for a client that
// accepts it only when its type is exactly this, with no charset parameter.
const char* const k_json_type = "application/json";

void send_json(httplib::Response& response, int status, const nlohmann::json& body)
{
    response.status = status;
    // Invalid UTF-8 a client sent (and that a message quotes) is replaced, never thrown on.
    response.set_content(json_text(body), k_json_type);
}

void send_error(httplib::Response& response, int status, const std::string& code, const std::string& message)
{
    send_json(response, status, {{"error", {{"code", code}, {"message", message}}}});
}

// The endpoint label of a path, for metrics and 405s; "" for the web page's files.
std::string endpoint_of(const std::string& path)
{
    for (const char* endpoint : {"/api/search", "/api/export", "/api/trends", "/api/compare", "/api/reports", "/api/judgements", "/api/facets",
                                 "/api/schema", "/api/health", "/metrics", "/openapi.json"}) {
        if (path == endpoint)
            return endpoint;
    }
    if (path.rfind("/api/reports/", 0) == 0)
        return "/api/reports/{id}";
    if (path == "/api/authorities")
        return path;
    if (path.rfind("/api/paragraphs/", 0) == 0)
        return "/api/paragraphs/{id}/similar";
    if (path.rfind("/api/authorities/", 0) == 0)
        return "/api/authorities/{name}";
    if (path.rfind("/api/", 0) == 0)
        return "/api/other";
    return "static";
}

QueryParams params_of(const httplib::Request& request)
{
    return QueryParams(request.params.begin(), request.params.end());
}

// Moves searcher to the index's latest commit; returns whether it moved. While the index folder
// is gone (being rebuilt from scratch) it stays: the revision it has open stays readable, so it
// answers from that until the new index is there.
bool move_to_latest(Searcher& searcher)
{
    try {
        return searcher.reopen();
    } catch (const Xapian::DatabaseOpeningError&) {
        return false;
    }
}

// One Searcher per worker thread (Xapian objects are not thread-safe), moved to the index's
// latest commit before a request when the warmer says it is behind, or when asked to.
Searcher& thread_searcher(const std::string& db, const RevisionWarmer& warmer, bool move)
{
    thread_local std::unique_ptr<Searcher> searcher;
    if (!searcher)
        searcher = std::make_unique<Searcher>(db);
    else if (move || warmer.behind(searcher->database()))
        move_to_latest(*searcher);
    return *searcher;
}

// Runs read with this worker thread's Searcher, and tells the warmer which revision answered.
// A Searcher can find the revision it reads gone (the indexer committed twice since it moved):
// then it moves to the latest and reads the whole answer again, so that its parts come from one
// revision, a few times, as an indexer committing in quick succession may take a revision away
// again. Opening or moving to a commit can meet the same, and is tried again the same way. A
// reader that meets a block the writer is overwriting is told "Db block overwritten" (a
// DatabaseCorruptError): that too is read again, from the latest commit.
template <typename Read>
auto read_index(const std::string& db, RevisionWarmer& warmer, Read&& read)
{
    constexpr int k_attempts = 5;
    for (int attempt = 1;; ++attempt) {
        try {
            Searcher& searcher = thread_searcher(db, warmer, attempt > 1);
            auto answer = read(searcher);
            warmer.served(searcher.database());
            return answer;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == k_attempts)
                throw;
        } catch (const Xapian::DatabaseCorruptError&) {
            if (attempt == k_attempts)
                throw;
        }
    }
}

// The validator of what one revision of the index answers: the program's version (a new
// searchd may answer differently), the index's UUID and its revision (an index rebuilt from
// scratch starts again at revision 1, under a new UUID). Weak, as two answers of one revision
// differ in took_ms.
std::string revision_tag(const Xapian::Database& index)
{
    return "W/\"" + std::string(FINDINGS_VERSION) + "-" + index.get_uuid() + "-" + std::to_string(index.get_revision()) +
           "\"";
}

// Returns whether an If-None-Match header names tag; tags compare weakly.
bool names_tag(const std::string& if_none_match, const std::string& tag)
{
    const auto strong = [](const std::string& t) { return t.rfind("W/", 0) == 0 ? t.substr(2) : t; };
    std::size_t from = 0;
    while (from < if_none_match.size()) {
        const std::size_t comma = std::min(if_none_match.find(',', from), if_none_match.size());
        if (strong(collapse_spaces(if_none_match.substr(from, comma - from))) == strong(tag))
            return true;
        from = comma + 1;
    }
    return false;
}

// Runs read as read_index does, unless the client holds this revision's answer already: then
// the response is 304 Not Modified and nothing is read (nullopt). "If-None-Match: *" holds any
// answer that exists, so it is read first (a report that does not exist is still 404). An
// answer carries the ETag of the revision it was read from, to be checked again on every use
// (no-cache: a new revision may come at any moment); an error carries none.
template <typename Read>
auto read_unless_held(const httplib::Request& request, httplib::Response& response, const std::string& db,
                      RevisionWarmer& warmer, Read&& read)
{
    using Answer = decltype(read(std::declval<Searcher&>()));
    return read_index(db, warmer, [&](Searcher& searcher) -> std::optional<Answer> {
        const std::string held = request.get_header_value("If-None-Match");
        const bool any_held = collapse_spaces(held) == "*";  // RFC 9110 13.1.2
        const auto not_modified = [&] {
            response.status = 304;
            response.set_header("ETag", revision_tag(searcher.database()));
            response.set_header("Cache-Control", "no-cache");
            return std::nullopt;
        };
        if (!held.empty() && !any_held && names_tag(held, revision_tag(searcher.database())))
            return not_modified();
        Answer answer = read(searcher);
        if (any_held)
            return not_modified();
        response.headers.erase("ETag");  // a retry on a newer revision tags anew
        response.set_header("ETag", revision_tag(searcher.database()));  // read may have moved it
        response.set_header("Cache-Control", "no-cache");
        return answer;
    });
}

// Refuses the parameters an endpoint has no use for, saying why: because is "a trend counts
// every matching paragraph" and the like.
void refuse(const QueryParams& params, std::initializer_list<const char*> names, const std::string& because)
{
    for (const char* name : names) {
        if (params.count(name))
            throw Error(ErrorCode::bad_request, because + ": leave out " + name);
    }
}

// Returns where this searchd's page is, as the client addressed it, for the links in exports:
// the Host header when it is a plain host and port, else the address searchd listens on; https
// when a proxy in front says the client used it (X-Forwarded-Proto).
std::string page_base_of(const httplib::Request& request, const ServerOptions& options)
{
    const std::string host = request.get_header_value("Host");
    const bool plain = !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
    });
    const std::string scheme = request.get_header_value("X-Forwarded-Proto") == "https" ? "https://" : "http://";
    return scheme + (plain ? host : options.host + ":" + std::to_string(options.port));
}

// Returns the links to the next and previous pages of a paged answer from path, asked with
// params (whose "page" is replaced), where there are such pages.
nlohmann::json page_links(const std::string& path, const std::vector<std::pair<std::string, std::string>>& params,
                          std::size_t page, std::size_t pages)
{
    const auto url_of = [&](std::size_t wanted) {
        std::string url = path + "?page=" + std::to_string(wanted);
        for (const auto& [name, value] : params) {
            if (name != "page")
                url += "&" + name + "=" + percent_encoded(value);
        }
        return url;
    };
    nlohmann::json links = nlohmann::json::object();
    if (page < pages)
        links["next"] = url_of(page + 1);
    if (page > 1 && pages > 0)
        links["prev"] = url_of(std::min(page - 1, pages));
    return links;
}

thread_local std::chrono::steady_clock::time_point t_request_started;

}  // namespace

SearchServer::SearchServer(ServerOptions options)
    : m_options(std::move(options)), m_files(m_options.web),
      m_warmer(std::make_unique<RevisionWarmer>(m_options.db)), m_server(std::make_unique<httplib::Server>())
{
    const std::size_t threads = m_options.threads;
    m_server->new_task_queue = [threads] { return new BoundedTaskQueue(threads, k_max_queued_connections); };
    m_server->set_read_timeout(k_read_timeout_s, 0);
    m_server->set_write_timeout(k_write_timeout_s, 0);
    m_server->set_keep_alive_timeout(k_keep_alive_timeout_s);
    m_server->set_keep_alive_max_count(k_keep_alive_max_requests);
    m_server->set_payload_max_length(k_max_body_bytes);
    // httplib writes a response's headers and body apart: with Nagle's algorithm on, the body
    // waits for the client's delayed ACK of the headers, 40 ms on every kept-alive request.
    m_server->set_tcp_nodelay(true);
    // SO_REUSEADDR alone: a restart may bind while old connections linger, but a second daemon
    // cannot (cpp-httplib's default, SO_REUSEPORT, let two share a port and split its requests).
    m_server->set_socket_options([this](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
        m_listening_socket = sock;
    });
    add_guards();
    add_routes();
}

SearchServer::~SearchServer() = default;

void SearchServer::add_guards()
{
    m_server->set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
        t_request_started = std::chrono::steady_clock::now();
        if (request.headers.size() > k_max_header_fields) {
            send_error(response, 431, "headers_too_large", "too many header fields");
            return httplib::Server::HandlerResponse::Handled;
        }
        // Chunked bodies have no size limit in cpp-httplib 0.11, and it never reads a GET's body:
        // refuse both unread, and ask the client to close (a handler cannot close the socket).
        const std::string length = request.get_header_value("Content-Length");
        const bool unread_body = request.has_header("Transfer-Encoding") ||
                                 (request.method == "GET" && !length.empty() && length != "0");
        if (unread_body) {
            send_error(response, 413, "payload_too_large", "this request's body is not accepted");
            response.set_header("Connection", "close");
            return httplib::Server::HandlerResponse::Handled;
        }
        // Other methods go to handlers that answer 405, after cpp-httplib has read (and limited)
        // their bodies, so that a body is never taken for the next request.
        return httplib::Server::HandlerResponse::Unhandled;
    });
    m_server->set_post_routing_handler([this](const httplib::Request&, httplib::Response& response) {
        response.set_header("X-Content-Type-Options", "nosniff");
        response.set_header("Content-Security-Policy", k_content_security_policy);
        response.set_header("Referrer-Policy", "no-referrer");
        response.set_header("X-Frame-Options", "DENY");
        // cpp-httplib gzips JSON and text for clients that accept it: caches must keep both forms.
        std::string vary = "Accept-Encoding";
        if (!m_options.cors_origin.empty()) {
            response.set_header("Access-Control-Allow-Origin", m_options.cors_origin);
            // for scripts that revalidate, and that read an export's total
            response.set_header("Access-Control-Expose-Headers", "ETag, X-Total-Count");
            vary += ", Origin";
        }
        response.set_header("Vary", vary);
    });
    m_server->set_error_handler([](const httplib::Request& request, httplib::Response& response) {
        if (!response.body.empty())
            return;
        if (response.status == 413)
            send_error(response, 413, "payload_too_large", "the request is too large");
        else if (response.status == 414)
            send_error(response, 414, "uri_too_long", "the URL is longer than 8192 bytes: shorten the query");
        else if (response.status == 404)
            send_error(response, 404, "not_found", "nothing at " + request.path);
        else if (response.status == 400)
            send_error(response, 400, "bad_request", "the request could not be read");
        else
            send_error(response, response.status, "error", "the request failed");
    });
    m_server->set_exception_handler([](const httplib::Request& request, httplib::Response& response,
                                       std::exception_ptr thrown) {
        try {
            std::rethrow_exception(thrown);
        } catch (const Error& error) {
            // Index errors name paths on this machine: clients get a fixed message.
            const bool about_index = error.code() == ErrorCode::index_missing || error.code() == ErrorCode::index_error;
            send_error(response, http_status(error.code()), to_string(error.code()),
                       about_index ? "the index cannot be opened: build it with the indexer, then try again" : error.what());
        } catch (const Xapian::DatabaseOpeningError&) {
            send_error(response, 503, "index_missing", "the index cannot be opened");
        } catch (const Xapian::Error& error) {  // the details are for the operator, in the log
            std::fprintf(stderr, "searchd: %s %s: %s\n", request.method.c_str(), request.path.c_str(),
                         error.get_description().c_str());
            send_error(response, 503, "index_error", "the index could not be read; try again");
        } catch (...) {
            send_error(response, 500, "internal_error", "the request failed");  // details stay in the server
        }
    });
    m_server->set_logger([this](const httplib::Request& request, const httplib::Response& response) {
        // Requests refused before routing (unreadable ones) were never timed: count them as 0 ms.
        const auto now = std::chrono::steady_clock::now();
        const double ms = t_request_started == std::chrono::steady_clock::time_point{}
                              ? 0.0
                              : std::chrono::duration<double, std::milli>(now - t_request_started).count();
        t_request_started = {};
        m_metrics.record(request.method == "OPTIONS" ? "preflight" : endpoint_of(request.path), response.status, ms);
        if (m_options.access_log)
            std::fprintf(stderr, "%s %s %d %.1fms\n", request.method.c_str(), request.path.c_str(), response.status, ms);
    });
}

void SearchServer::add_routes()
{
    const std::string db = m_options.db;
    RevisionWarmer& warmer = *m_warmer;
    m_server->Get("/api/search", [db, &warmer](const httplib::Request& request, httplib::Response& response) {
        const SearchRequest search = request_from_params(params_of(request));
        const auto answer = read_unless_held(request, response, db, warmer, [&](Searcher& searcher) {
            nlohmann::json json = result_json(searcher.search(search));
            json["links"] = page_links("/api/search", request_to_params(search), search.page, json["pages"]);
            return json;
        });
        if (answer)
            send_json(response, 200, *answer);
    });
    m_server->Get("/api/export", [this, db, &warmer](const httplib::Request& request, httplib::Response& response) {
        const ExportRequest wanted = export_request_from_params(params_of(request));
        const auto file = read_unless_held(request, response, db, warmer, [&](Searcher& searcher) {
            return write_export(searcher, wanted, page_base_of(request, m_options));
        });
        if (!file)
            return;
        response.set_header("Content-Disposition",
                            std::string("attachment; filename=\"findings.") + extension_of(wanted.format) + "\"");
        response.set_header("X-Total-Count", std::to_string(file->total));  // more than the rows: cut
        if (wanted.format == ExportFormat::ndjson && accepts_gzip(request.get_header_value("Accept-Encoding"))) {
            response.set_header("Content-Encoding", "gzip");  // cpp-httplib compresses CSV and JSON itself
            response.set_content(gzipped(file->body), content_type_of(wanted.format));
        } else {
            response.set_content(file->body, content_type_of(wanted.format));
        }
    });
    m_server->Get("/api/trends", [db, &warmer](const httplib::Request& request, httplib::Response& response) {
        QueryParams params = params_of(request);
        const std::string format = take_format(params, {"json", "csv"});
        const std::string split = take_param(params, "split");
        refuse(params, {"page", "per_page", "facets", "sort", "collapse"}, "a trend counts every matching paragraph");
        const SearchRequest search = request_from_params(params);
        const auto trend = read_unless_held(request, response, db, warmer,
                                            [&](Searcher& searcher) { return searcher.trend(search, split); });
        if (trend && format == "csv")
            response.set_content(trend_csv(*trend), "text/csv; charset=utf-8");
        else if (trend)
            send_json(response, 200, trend_json(*trend));
    });
    m_server->Get("/api/authorities", [db, &warmer](const httplib::Request& request, httplib::Response& response) {
        const SearchRequest filters = filters_from_params(params_of(request), {});
        const auto list = read_unless_held(request, response, db, warmer,
                                           [&](Searcher& searcher) { return authorities_json(searcher.reports(filters)); });
        if (list)
            send_json(response, 200, *list);
    });
    m_server->Get(R"(/api/authorities/([^/]+))", [db, &warmer](const httplib::Request& request, httplib::Response& response) {
        const std::string name = request.matches[1].str();
        const QueryParams params = params_of(request);
        refuse(params, {"page", "per_page", "facets", "sort", "collapse"}, "a timeline lists every inspection with its best findings");
        const SearchRequest search = request_from_params(params);
        const auto timeline = read_unless_held(request, response, db, warmer, [&](Searcher& searcher) {
            return timeline_json(authority_timeline(searcher, name, search));
        });
        if (timeline)
            send_json(response, 200, *timeline);
    });
    m_server->Get(R"(/api/paragraphs/([^/]+/[0-9]+)/similar)", [db, &warmer](const httplib::Request& request,
                                                                            httplib::Response& response) {
        const std::string id = request.matches[1].str();
        const QueryParams params = params_of(request);
        SearchRequest filters = filters_from_params(params, {"per_page"});  // refuses q and the rest
        filters.per_page = static_cast<std::size_t>(number_value(params, "per_page", 10, 1, k_max_per_page));
        const auto similar = read_unless_held(request, response, db, warmer, [&](Searcher& searcher) {
            return similar_json(searcher.similar(id, filters));
        });
        if (similar)
            send_json(response, 200, *similar);
    });
    m_server->Get("/api/compare", [db, &warmer](const httplib::Request& request, httplib::Response& response) {
        QueryParams params = params_of(request);
        const std::string a = take_param(params, "a"), b = take_param(params, "b");
        if (a.empty() || b.empty())
            throw Error(ErrorCode::bad_request, "a comparison has two sides: give a and b, each filters written as a "
                                                "query string (a=authority%3DCroydon&b=authority%3DBromley)");
        refuse(params, {"page", "per_page", "facets", "sort", "collapse"}, "a comparison counts every match");
        const SearchRequest base = request_from_params(params);
        const auto comparison = read_unless_held(request, response, db, warmer, [&](Searcher& searcher) {
            return comparison_json(compare(searcher, base, a, b));
        });
        if (comparison)
            send_json(response, 200, *comparison);
    });
    m_server->Get("/api/reports", [db, &warmer](const httplib::Request& request, httplib::Response& response) {
        QueryParams params = params_of(request);
        const std::string format = take_format(params, {"json", "csv"});
        const int page = static_cast<int>(number_value(params, "page", 1, 1, k_max_page));
        const int per_page = static_cast<int>(number_value(params, "per_page", 100, 0, k_max_reports_per_page));
        const SearchRequest filters = filters_from_params(params, {"page", "per_page"});
        const auto reports = read_unless_held(request, response, db, warmer,
                                              [&](Searcher& searcher) { return searcher.reports(filters); });
        if (reports && format == "csv") {  // the whole list: a table for a spreadsheet
            response.set_content(report_list_csv(*reports), "text/csv; charset=utf-8");
        } else if (reports) {
            nlohmann::json json = report_list_json(*reports, page, per_page);
            auto link_params = filters_to_params(filters);
            link_params.emplace_back("per_page", std::to_string(per_page));
            json["links"] = page_links("/api/reports", link_params, page, json["pages"]);
            send_json(response, 200, json);
        }
    });
    m_server->Get(R"(/api/reports/([^/]+))", [db, &warmer](const httplib::Request& request, httplib::Response& response) {
        const std::string id = request.matches[1].str();
        const std::string query = request.get_param_value("q");  // words to mark, as a search's
        const auto answer = read_unless_held(request, response, db, warmer, [&](Searcher& searcher) {
                      // Workers move to a new commit one request at a time: a report that another
                      // worker's search has just shown may be in a commit newer than this one's.
                      try {
                          return searcher.report(id, query);
                      } catch (const Error& error) {
                          if (error.code() != ErrorCode::not_found || !move_to_latest(searcher))
                              throw;
                          return searcher.report(id, query);
                      }
                  });
        if (answer)
            send_json(response, 200, *answer);
    });
    m_server->Get("/api/judgements", [db, &warmer](const httplib::Request& request, httplib::Response& response) {
        QueryParams params = params_of(request);
        const std::string format = take_format(params, {"json", "csv"});
        const SearchRequest filters = filters_from_params(params, {});
        const auto rows = read_unless_held(request, response, db, warmer,
                                           [&](Searcher& searcher) { return searcher.judgements(filters); });
        if (rows && format == "csv")
            response.set_content(judgement_table_csv(*rows), "text/csv; charset=utf-8");
        else if (rows)
            send_json(response, 200, judgement_table_json(*rows));
    });
    m_server->Get("/api/facets", [db, &warmer](const httplib::Request& request, httplib::Response& response) {
        if (!request.params.empty())
            throw Error(ErrorCode::bad_request, "/api/facets takes no parameters: use /api/search for filtered counts");
        SearchRequest everything;
        everything.per_page = 0;
        const auto json = read_unless_held(request, response, db, warmer,
                                           [&](Searcher& searcher) { return result_json(searcher.search(everything)); });
        if (json)
            send_json(response, 200, {{"total", (*json)["total"]}, {"facets", (*json)["facets"]}});
    });
    m_server->Get("/api/schema", [](const httplib::Request& request, httplib::Response& response) {
        if (!request.params.empty())
            throw Error(ErrorCode::bad_request, "/api/schema takes no parameters");
        nlohmann::json schema = fields_json();
        schema["limits"] = {{"per_page", k_max_per_page},
                            {"export_rows", k_max_export_rows},
                            {"reports_per_page", k_max_reports_per_page}};
        send_json(response, 200, schema);
    });
    // Load balancers ask every few seconds: the reports are counted from the revision's report
    // order, which searchd loads once per revision, not by walking every report's record.
    const auto health = [this](Searcher& searcher) {
        Xapian::Database& index = searcher.database();
        m_metrics.set_index(index.get_doccount(), index.get_revision());
        return nlohmann::json{{"status", "ok"},
                              {"documents", index.get_doccount()},
                              {"reports", ReportOrder::of(index)->report_count()},
                              {"revision", index.get_revision()},
                              {"version", FINDINGS_VERSION},
                              {"schema", index.get_metadata(schema::k_meta_schema)}};
    };
    m_server->Get("/api/health", [db, &warmer, health](const httplib::Request&, httplib::Response& response) {
        send_json(response, 200, read_index(db, warmer, health));
    });
    m_server->Get("/metrics", [this, db, &warmer, health](const httplib::Request&, httplib::Response& response) {
        try {
            read_index(db, warmer, health);
        } catch (const Error&) {
            // No index yet: the request metrics are still worth reading.
        }
        response.set_content(m_metrics.prometheus_text(), "text/plain; version=0.0.4; charset=utf-8");
    });
    m_server->Get("/openapi.json", [](const httplib::Request&, httplib::Response& response) {
        static const std::string document = openapi_document().dump(1);
        response.set_content(document, k_json_type);
    });
    const auto not_allowed = [](const httplib::Request& request, httplib::Response& response) {
        send_error(response, 405, "method_not_allowed", request.method + " is not allowed: use GET");
        response.set_header("Allow", "GET, HEAD");
    };
    m_server->Post(R"(/.*)", not_allowed);
    m_server->Put(R"(/.*)", not_allowed);
    m_server->Patch(R"(/.*)", not_allowed);
    m_server->Delete(R"(/.*)", not_allowed);
    // A browser asks before a cross-origin GET that carries If-None-Match (a CORS preflight):
    // with --cors the API says yes, for a day; without it OPTIONS is refused like the others.
    m_server->Options(R"(/.*)", [this, not_allowed](const httplib::Request& request, httplib::Response& response) {
        const bool preflight = request.has_header("Access-Control-Request-Method");
        if (m_options.cors_origin.empty() || !preflight || request.path.rfind("/api/", 0) != 0)
            return not_allowed(request, response);
        response.status = 204;
        response.set_header("Access-Control-Allow-Methods", "GET, HEAD");
        response.set_header("Access-Control-Allow-Headers", "If-None-Match");
        response.set_header("Access-Control-Max-Age", "86400");
    });
    m_server->Get(R"(/api/.*)", [](const httplib::Request& request, httplib::Response& response) {
        send_error(response, 404, "not_found", "no API endpoint " + request.path + ": see /openapi.json");
    });
    m_server->Get(R"(/.*)", [this](const httplib::Request& request, httplib::Response& response) {
        const auto file = m_files.find(request.path);
        if (!file) {
            send_error(response, 404, "not_found", "nothing at " + request.path);
            return;
        }
        response.set_content(file->body, file->content_type.c_str());
    });
}

bool SearchServer::bind()
{
    const bool bound = m_options.port == 0 ? (m_options.port = m_server->bind_to_any_port(m_options.host.c_str())) > 0
                                           : m_server->bind_to_port(m_options.host.c_str(), m_options.port);
    if (!bound) {
        std::fprintf(stderr, "searchd: cannot listen on %s:%d (in use? try --port)\n", m_options.host.c_str(),
                     m_options.port);
        return false;
    }
    // cpp-httplib 0.11.4 is built with a backlog of 5, so a burst of clients beyond the workers
    // was refused by the kernel; listening again on the bound socket sets the backlog anew
    // (Linux allows it, as nginx does on reload) to as many as the workers and the queue hold.
    ::listen(m_listening_socket, static_cast<int>(m_options.threads + k_max_queued_connections));
    return true;
}

void SearchServer::serve() { m_server->listen_after_bind(); }

void SearchServer::stop() { m_server->stop(); }

}  // namespace findings
