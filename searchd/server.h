// searchd's HTTP server: the route table, the JSON API over the search core, the web page's
// files, errors, security headers, limits, logging and metrics.
#pragma once

#include "searchd/metrics.h"
#include "searchd/revision_warmer.h"
#include "searchd/static_files.h"

#include <memory>
#include <string>

namespace httplib {
class Server;
}

namespace findings {

struct ServerOptions {
    std::string db;
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string web = "web";
    // cpp-httplib gives a connection a worker for its whole life: workers are mostly waiting on
    // sockets, so there are many more than cores, and 32 clients are served without queueing.
    std::size_t threads = 32;
    std::string cors_origin;  // empty: no CORS headers
    bool access_log = true;
};

class SearchServer {
public:
    explicit SearchServer(ServerOptions options);
    ~SearchServer();

    // Binds the port; returns false (with a message on stderr) when it cannot.
    bool bind();

    // Serves until stop() is called.
    void serve();

    // Stops serving; safe to call from another thread.
    void stop();

    int port() const { return m_options.port; }

private:
    void add_routes();
    void add_guards();

    ServerOptions m_options;
    StaticFiles m_files;
    Metrics m_metrics;
    std::unique_ptr<RevisionWarmer> m_warmer;
    std::unique_ptr<httplib::Server> m_server;
    int m_listening_socket = -1;
};

}  // namespace findings
