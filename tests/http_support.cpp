#include "tests/http_support.h"

#include "core/query/search_params.h"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>

namespace findings::test {

using Catch::Matchers::Contains;
using nlohmann::json;

std::string read_line(int fd, int timeout_ms)
{
    std::string line;
    pollfd ready{fd, POLLIN, 0};
    char c = 0;
    while (poll(&ready, 1, timeout_ms) > 0 && read(fd, &c, 1) == 1 && c != '\n')
        line += c;
    return c == '\n' ? line : std::string();
}

std::string search_target(const Params& params)
{
    std::string target = "/api/search";
    for (const auto& [name, value] : params)
        target += (target.size() == 11 ? "?" : "&") + percent_encoded(name) + "=" + percent_encoded(value);
    return target;
}

httplib::Client client_for(int port, time_t timeout_s)
{
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(timeout_s, 0);
    client.set_read_timeout(timeout_s, 0);
    client.set_write_timeout(timeout_s, 0);
    return client;
}

std::optional<Reply> try_get(int port, const std::string& target, time_t timeout_s)
{
    httplib::Client client = client_for(port, timeout_s);
    const httplib::Result result = client.Get(target);
    if (!result)
        return std::nullopt;
    return Reply{result->status, result->headers, result->body};
}

json parse_body(const Reply& reply)
{
    const json body = json::parse(reply.body, nullptr, false);
    INFO("body: " << reply.body.substr(0, 500));
    REQUIRE(body.is_object());
    return body;
}

void check_error(const Reply& reply, int status, const std::string& code)
{
    INFO("reply: " << reply.status << " " << reply.body.substr(0, 300));
    CHECK(reply.status == status);
    CHECK_THAT(reply.header("Content-Type"), Contains("application/json"));
    const json body = json::parse(reply.body, nullptr, false);
    REQUIRE(body.contains("error"));
    CHECK(body["error"].value("code", "") == code);
    CHECK_FALSE(body["error"].value("message", "").empty());
}

RawConnection::RawConnection(int port, const char* from) : m_fd(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0))
{
    REQUIRE(m_fd >= 0);
    sockaddr_in source{};
    source.sin_family = AF_INET;
    REQUIRE(inet_pton(AF_INET, from, &source.sin_addr) == 1);
    REQUIRE(::bind(m_fd, reinterpret_cast<const sockaddr*>(&source), sizeof source) == 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(connect(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
}

RawConnection::~RawConnection() { close(m_fd); }

bool RawConnection::send_bytes(const std::string& bytes)
{
    for (std::size_t sent = 0; sent < bytes.size();) {
        const ssize_t n = ::send(m_fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

bool RawConnection::receive(int timeout_ms)
{
    pollfd ready{m_fd, POLLIN, 0};
    if (m_ended || poll(&ready, 1, std::max(timeout_ms, 0)) <= 0)
        return !m_ended;
    char chunk[65536];
    const ssize_t n = recv(m_fd, chunk, sizeof chunk, 0);
    if (n <= 0)
        m_ended = true;
    else
        m_buffer.append(chunk, static_cast<std::size_t>(n));
    return !m_ended;
}

std::optional<Reply> RawConnection::read_reply(int timeout_ms)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
        if (std::optional<Reply> reply = take_reply())
            return reply;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || !receive(static_cast<int>(left.count())))
            return std::nullopt;
    }
}

bool RawConnection::closed_by_server(int timeout_ms)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (!m_ended) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return false;
        receive(static_cast<int>(left.count()));
    }
    return true;
}

std::optional<Reply> RawConnection::take_reply()
{
    const std::size_t head_end = m_buffer.find("\r\n\r\n");
    if (head_end == std::string::npos)
        return std::nullopt;
    Reply reply;
    std::size_t line_start = m_buffer.find("\r\n");
    reply.status = std::atoi(m_buffer.substr(9, 3).c_str());  // "HTTP/1.1 200 OK"
    while (line_start < head_end) {
        const std::size_t line_end = m_buffer.find("\r\n", line_start + 2);
        const std::string line = m_buffer.substr(line_start + 2, line_end - line_start - 2);
        const std::size_t colon = line.find(':');
        if (colon != std::string::npos)
            reply.headers.emplace(line.substr(0, colon), line.substr(std::min(line.find_first_not_of(' ', colon + 1), line.size())));
        line_start = line_end;
    }
    const std::size_t length = std::stoul("0" + reply.header("Content-Length"));
    if (m_buffer.size() < head_end + 4 + length)
        return std::nullopt;
    reply.body = m_buffer.substr(head_end + 4, length);
    m_buffer.erase(0, head_end + 4 + length);
    return reply;
}

Reply raw_exchange(int port, const std::string& request)
{
    RawConnection connection(port);
    connection.send_bytes(request);
    return connection.read_reply().value_or(Reply{});
}

std::string raw_get(const std::string& target, const std::string& extra_headers)
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers + "Connection: close\r\n\r\n";
}

std::string gunzipped(const std::string& compressed)
{
    z_stream stream{};
    REQUIRE(inflateInit2(&stream, 15 + 16) == Z_OK);  // a gzip header and trailer
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    std::string out;
    char buffer[65536];
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - stream.avail_out);
    }
    inflateEnd(&stream);
    REQUIRE(result == Z_STREAM_END);
    return out;
}

}  // namespace findings::test
