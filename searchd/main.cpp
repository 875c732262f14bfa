// searchd: serves the Findings JSON API and the inspectors' web page over HTTP.
#include "core/common/command_line.h"
#include "core/common/defaults.h"
#include "core/common/error.h"
#include "searchd/server.h"

#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <pthread.h>
#include <string>
#include <thread>

namespace {

const char* const k_usage = R"(Usage: searchd [--db DIR] [--host ADDRESS] [--port N] [--web DIR] [--threads N] [--cors ORIGIN]

Serves the Findings search page and its JSON API (described whole in /openapi.json):
  GET /                              the search page (files from --web)
  GET /api/search?q=...              ranked paragraphs, facets and how the query was read
  GET /api/export?q=...&format=csv   a search's matches as CSV or NDJSON, with citations
  GET /api/trends?q=...              a search's matches year by year
  GET /api/compare?q=...&a=...&b=... a search on two sides (authorities, regions, periods)
  GET /api/paragraphs/{id}/similar   paragraphs like one, in other authorities' reports
  GET /api/authorities               the authorities, with their latest grades
  GET /api/authorities/{name}        one authority's inspections over time
  GET /api/reports                   the reports, newest first
  GET /api/reports/{id}              one report with its judgements and paragraphs
  GET /api/judgements                the grade history, a row per report and judgement
  GET /api/facets                    facet counts over the whole index
  GET /api/schema                    the fields, their values and the limits
  GET /api/health                    documents, reports, index revision and version
  GET /metrics                       Prometheus metrics
  GET /openapi.json                  the API's description

When the indexer commits, the new revision is served without a restart, within a second:
searchd loads what it keeps in memory for it first, so searches do not wait for that.

searchd gives each connection a thread: to face many clients, or any you do not trust, serve it
behind the nginx front with scripts/serve, which bounds slow and idle clients.

Options:
  --db DIR        the index (default: $FINDINGS_DB, else data/index)
  --host ADDRESS  the address to listen on (default 127.0.0.1: this machine only)
  --port N        the port (default 8080; 0 picks a free one and prints it)
  --web DIR       the page's files (default: web next to the program's source, else ./web)
  --threads N     worker threads (default 32), one per open connection, each with its
                  own index handle
  --cors ORIGIN   allow pages from ORIGIN (e.g. https://intranet.example) to call the API
  --quiet         no access log
  --help          show this help

Example:
  searchd --db data/index --port 8080      then open http://127.0.0.1:8080/
)";

findings::ServerOptions parse_arguments(int argc, char** argv)
{
    findings::ServerOptions options;
    options.db = findings::default_index_path();
    options.web = std::filesystem::exists(FINDINGS_WEB_DIR) ? FINDINGS_WEB_DIR : "web";
    CLI::App app("", "searchd");
    app.set_help_flag();  // the usage above teaches more than CLI11's
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    bool help = false;
    bool quiet = false;
    std::string port, threads;
    app.add_flag("-h,--help", help);
    app.add_option("--db", options.db);
    app.add_option("--host", options.host);
    app.add_option("--port", port);
    app.add_option("--web", options.web);
    app.add_option("--threads", threads);
    app.add_option("--cors", options.cors_origin);
    app.add_flag("--quiet", quiet);
    findings::parse_command_line(app, "searchd", argc, argv);
    if (help) {
        std::fputs(k_usage, stdout);
        std::exit(0);
    }
    if (app.count("--port"))  // "--port=" too: an empty value is no number
        options.port = static_cast<int>(findings::whole_number("searchd", "--port", port, 0, 65535));
    if (app.count("--threads"))
        options.threads = static_cast<std::size_t>(findings::whole_number("searchd", "--threads", threads, 1, 256));
    options.access_log = !quiet;
    return options;
}

}  // namespace

int main(int argc, char** argv)
{
    const findings::ServerOptions options = parse_arguments(argc, argv);
    // SIGINT and SIGTERM are taken by one thread that stops the server cleanly.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    try {
        findings::SearchServer server(options);
        if (!server.bind())
            return 2;
        if (!std::filesystem::exists(options.db))
            std::fprintf(stderr, "searchd: no index at %s yet: searches answer 503 until `indexer --db %s corpus/` builds one\n",
                         options.db.c_str(), options.db.c_str());
        std::printf("searchd: serving http://%s:%d/ (index %s)\n", options.host.c_str(), server.port(), options.db.c_str());
        std::fflush(stdout);
        std::thread stopper([&server, signals] {
            int received = 0;
            sigwait(&signals, &received);
            server.stop();
        });
        server.serve();
        pthread_kill(stopper.native_handle(), SIGTERM);  // wake the stopper if serve() ended first
        stopper.join();
        std::fprintf(stderr, "searchd: stopped\n");
        return 0;
    } catch (const findings::Error& error) {
        std::fprintf(stderr, "searchd: error: %s\n", error.what());
    } catch (const std::exception& error) {
        std::fprintf(stderr, "searchd: error: %s\n", error.what());
    }
    return 2;
}
