// Helpers shared by the HTTP tests: GETs with a bounded wait, raw connections that send any bytes
// at all, and checks of the JSON error shape every server answer uses.
#pragma once

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace findings::test {

using Params = std::vector<std::pair<std::string, std::string>>;

struct Reply {
    int status = 0;
    httplib::Headers headers;  // names compare case-insensitively
    std::string body;

    std::string header(const std::string& name) const
    {
        const auto found = headers.find(name);
        return found == headers.end() ? std::string() : found->second;
    }
};

// Reads one line from fd, waiting at most timeout_ms; returns "" on timeout or end of file.
std::string read_line(int fd, int timeout_ms);

// Returns "/api/search?..." with params percent-encoded.
std::string search_target(const Params& params);

// A client of 127.0.0.1:port that waits at most timeout_s to connect, send and read.
httplib::Client client_for(int port, time_t timeout_s = 5);

// GETs target (already percent-encoded); nullopt when no answer came within timeout_s.
std::optional<Reply> try_get(int port, const std::string& target, time_t timeout_s = 5);

// Returns reply's body parsed as a JSON object; fails the test when it is not one.
nlohmann::json parse_body(const Reply& reply);

// Checks a reply is an error with status and code, as {"error": {"code", "message"}}.
void check_error(const Reply& reply, int status, const std::string& code);

// A plain TCP connection to 127.0.0.1:port to send any bytes at all and read HTTP replies back,
// from the loopback address `from` (any of 127.0.0.0/8, so that a test can be several clients).
class RawConnection {
public:
    explicit RawConnection(int port, const char* from = "127.0.0.1");
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    // Sends bytes; returns false when the server has closed the connection.
    bool send_bytes(const std::string& bytes);

    // Reads the next whole reply; nullopt when none comes within timeout_ms.
    std::optional<Reply> read_reply(int timeout_ms = 5000);

    // Returns whether the server has closed the connection, waiting at most timeout_ms for it;
    // whatever it sent before is kept for read_reply.
    bool closed_by_server(int timeout_ms);

private:
    // Removes one complete reply from the buffer, if it holds one.
    std::optional<Reply> take_reply();
    // Reads what has arrived into the buffer, waiting at most timeout_ms; false at end of stream.
    bool receive(int timeout_ms);

    int m_fd;
    std::string m_buffer;
    bool m_ended = false;
};

// Sends request bytes on a new connection and returns the reply (status 0 when none came).
Reply raw_exchange(int port, const std::string& request);

// A GET request for target that asks the server to close the connection after answering.
std::string raw_get(const std::string& target, const std::string& extra_headers = "");

// Returns a gzip stream decompressed; fails the test when it is not one.
std::string gunzipped(const std::string& compressed);

}  // namespace findings::test
