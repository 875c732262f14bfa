// The HTTP abuse suite: searchd behind its nginx front (scripts/serve), as it faces clients, keeps
// answering ordinary requests promptly while slow, many, pipelined and malformed clients try to
// hold it up.
#include <catch2/catch.hpp>

#include "tests/http_support.h"
#include "tests/test_support.h"

#include <netinet/in.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <regex>
#include <string>
#include <thread>
#include <vector>

namespace findings::test {
namespace {

using Catch::Matchers::Contains;
using namespace std::chrono_literals;

// How long an ordinary request may take while the abuse runs: it takes milliseconds when idle,
// and it waited forever (or 10 s and more) before the front.
constexpr int k_prompt_ms = 3000;

// The seed reports, indexed once.
const std::string& seed_index()
{
    static const std::unique_ptr<TempDir> dir = [] {
        auto made = std::make_unique<TempDir>();
        const ProgramRun run = run_program(FINDINGS_INDEXER_PATH, {"--db", *made / "index", corpus_path("seed")}, *made);
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        return made;
    }();
    static const std::string index = *dir / "index";
    return index;
}

// Returns a port on 127.0.0.1 that nothing listens on now, below the kernel's ephemeral range:
// a port the kernel handed out for port 0 could be handed out again at once, to the searchd
// that scripts/serve starts on port 0, and nginx would then find it taken.
int free_port()
{
    int ephemeral_low = 32768;
    std::ifstream("/proc/sys/net/ipv4/ip_local_port_range") >> ephemeral_low;
    std::mt19937 random(std::random_device{}());
    std::uniform_int_distribution<int> pick(10000, std::max(10001, ephemeral_low - 1));
    for (int attempt = 0; attempt < 100; ++attempt) {
        const int port = pick(random);
        const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        const bool free = bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
        close(fd);
        if (free)
            return port;
    }
    FAIL("no free port below " << ephemeral_low);
    return 0;
}

// scripts/serve as a child process: nginx on a free port of 127.0.0.1 in front of searchd over the
// seed reports; stopped with SIGTERM when the object goes, which must end both cleanly.
class Front {
public:
    Front()
    {
        m_port = free_port();
        m_process = std::make_unique<ChildProcess>(
            std::vector<std::string>{"/bin/bash", std::string(FINDINGS_SOURCE_DIR) + "/scripts/serve", "--db",
                                     seed_index(), "--port", std::to_string(m_port), "--searchd",
                                     FINDINGS_SEARCHD_PATH, "--web", std::string(FINDINGS_SOURCE_DIR) + "/web", "--",
                                     "--quiet", "--threads", "4"},
            "", m_dir / "stderr.txt");
        const std::string line = read_line(m_process->stdout_fd(), 20000);
        INFO("scripts/serve said \"" << line << "\"; stderr: " << read_file(m_dir / "stderr.txt"));
        REQUIRE_THAT(line, Contains("serving http://127.0.0.1:" + std::to_string(m_port) + "/"));
    }

    ~Front()
    {
        m_process->signal(SIGTERM);
        const std::optional<int> code = m_process->wait_for(10s);
        INFO("scripts/serve's stderr: " << read_file(m_dir / "stderr.txt"));
        CHECK(code == 0);
    }

    Front(const Front&) = delete;
    Front& operator=(const Front&) = delete;

    int port() const { return m_port; }

private:
    TempDir m_dir;
    std::unique_ptr<ChildProcess> m_process;
    int m_port = 0;
};

// Checks that an ordinary search from another client (another loopback address than the
// abuse's) is answered, and within k_prompt_ms.
void check_prompt_answer(const Front& front)
{
    RawConnection other_client(front.port(), "127.0.0.2");
    other_client.send_bytes(raw_get("/api/search?q=neglect"));
    const std::optional<Reply> reply = other_client.read_reply(k_prompt_ms);
    REQUIRE(reply);
    CHECK(reply->status == 200);
}

// Checks the headers every answer carries, whether searchd or the front wrote it.
void check_safety_headers(const Reply& reply)
{
    CHECK(reply.header("X-Content-Type-Options") == "nosniff");
    CHECK_THAT(reply.header("Content-Security-Policy"), Contains("default-src 'none'"));
    CHECK(reply.header("X-Frame-Options") == "DENY");
}

// Lets this process open as many sockets as its hard limit allows; fails the test below `needed`.
void allow_open_files(rlim_t needed)
{
    rlimit limit{};
    REQUIRE(getrlimit(RLIMIT_NOFILE, &limit) == 0);
    limit.rlim_cur = limit.rlim_max;
    REQUIRE(setrlimit(RLIMIT_NOFILE, &limit) == 0);
    REQUIRE(limit.rlim_cur >= needed);
}

TEST_CASE("Behind the front, clients that send their headers slowly are cut off and hold up nobody", "[front][abuse]")
{
    Front front;
    // Slowloris: each connection sends a header line a second, so that no single read ever
    // times out; only a deadline for the whole request ends them.
    std::vector<std::unique_ptr<RawConnection>> slow;
    for (int i = 0; i < 100; ++i) {
        slow.push_back(std::make_unique<RawConnection>(front.port()));
        slow.back()->send_bytes("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    }
    const auto started = std::chrono::steady_clock::now();
    std::size_t open = slow.size();
    while (open > 0 && std::chrono::steady_clock::now() - started < 16s) {
        open = 0;
        for (auto& connection : slow)
            if (connection && connection->send_bytes("X-Slow: 1\r\n") && !connection->closed_by_server(0))
                ++open;
            else
                connection.reset();
        check_prompt_answer(front);
        std::this_thread::sleep_for(1s);
    }
    INFO(open << " of 100 slow connections still open after 16 s");
    CHECK(open == 0);
    check_prompt_answer(front);
}

TEST_CASE("Behind the front, a thousand connections are all answered and delay nobody", "[front][abuse]")
{
    allow_open_files(2200);
    Front front;
    std::vector<std::unique_ptr<RawConnection>> clients;
    for (int i = 0; i < 1000; ++i)
        clients.push_back(std::make_unique<RawConnection>(front.port()));
    check_prompt_answer(front);  // with a thousand idle connections open

    // Then all of them ask at once: every one gets an answer (from one address, some are told to
    // wait, 429), and ordinary requests are still answered promptly meanwhile.
    for (auto& client : clients)
        REQUIRE(client->send_bytes(raw_get("/api/search?q=care")));
    check_prompt_answer(front);
    int answered = 0;
    std::map<int, int> by_status;  // 0: no answer within 30 s
    for (auto& client : clients) {
        const std::optional<Reply> reply = client->read_reply(30000);
        ++by_status[reply ? reply->status : 0];
        if (reply && (reply->status == 200 || reply->status == 429))
            ++answered;
        if (reply && reply->status == 429)
            check_error(*reply, 429, "too_many_requests");
    }
    std::string statuses;
    for (const auto& [status, count] : by_status)
        statuses += " " + std::to_string(status) + ": " + std::to_string(count);
    INFO("answers by status:" << statuses);
    CHECK(answered == 1000);
}

TEST_CASE("Behind the front, pipelined requests are all answered, in order", "[front][abuse]")
{
    Front front;
    RawConnection connection(front.port());
    connection.send_bytes("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                          "GET /api/nothing-here HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                          "GET /api/search?q=neglect HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    std::vector<int> statuses;
    while (const std::optional<Reply> reply = connection.read_reply(k_prompt_ms))
        statuses.push_back(reply->status);
    CHECK(statuses == std::vector<int>{200, 404, 200});
}

TEST_CASE("Behind the front, malformed, oversized and traversing requests get JSON errors with the safety headers",
          "[front][abuse]")
{
    Front front;
    const auto exchange = [&front](const std::string& request) {
        const Reply reply = raw_exchange(front.port(), request);
        check_safety_headers(reply);
        return reply;
    };
    check_error(exchange(std::string("\x00\xff\xfe\x01garbage\r\n\r\n", 14)), 400, "bad_request");
    check_error(exchange(raw_get("/api/search?q=" + std::string(20 * 1024, 'a'))), 414, "uri_too_long");
    check_error(exchange(raw_get("/api/health", "X-Big: " + std::string(20 * 1024, 'a') + "\r\n")), 400, "bad_request");
    check_error(exchange("POST /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n"),
                413, "payload_too_large");
    for (const char* target : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc/passwd",
                               "/.%2e/.%2e/etc/passwd", "/web/../../etc/passwd", "//etc/passwd", "/..\\..\\etc\\passwd"}) {
        INFO(target);
        const Reply reply = exchange(raw_get(target));
        CHECK((reply.status == 400 || reply.status == 404));
        CHECK_THAT(reply.body, !Contains("root:"));
    }
    check_prompt_answer(front);
}

}  // namespace
}  // namespace findings::test
