// Helpers shared by the tests: locating test data and paragraphs.
#include "tests/test_support.h"

#include "core/ingest/report_parser.h"
#include "core/ingest/report_reader.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace findings::test {

TsvTable read_tsv(const std::string& relative)
{
    std::ifstream in(test_data_path(relative));
    REQUIRE(in);
    TsvTable table;
    std::string line;
    std::getline(in, line);  // the header
    while (std::getline(in, line)) {
        if (line.rfind("# ", 0) == 0) {
            table.comments.emplace_back(line.substr(2), table.rows.size());
            continue;
        }
        if (line.empty())
            continue;
        std::vector<std::string> cells;
        std::stringstream cells_of(line);
        for (std::string cell; std::getline(cells_of, cell, '\t');)
            cells.push_back(cell);
        table.rows.push_back(cells);
    }
    return table;
}

std::map<std::string, std::map<std::string, ExpectedJudgement>> golden_judgements()
{
    std::map<std::string, std::map<std::string, ExpectedJudgement>> by_file;
    for (const char* table : {"golden/judgements_sif.tsv", "golden/judgements_ilacs_and_older.tsv"}) {
        for (const auto& row : read_tsv(table).rows) {
            REQUIRE(row.size() == 4);
            auto& report = by_file[row[0]];
            if (row[1] != "-")
                report[row[1]] = {row[2], row[3]};
        }
    }
    return by_file;
}

std::string corpus_path(const std::string& relative)
{
    return std::string(FINDINGS_SOURCE_DIR) + "/corpus/" + relative;
}

std::string test_data_path(const std::string& relative)
{
    return std::string(FINDINGS_SOURCE_DIR) + "/tests/data/" + relative;
}

Report parse_corpus_report(const std::string& relative)
{
    const std::string path = corpus_path(relative);
    const ReadResult read = read_report_file(path);
    INFO(path << ": " << read.reason);
    REQUIRE(read.ok);
    return parse_report(read.text, path);
}

const Paragraph& paragraph_containing(const Report& report, std::string_view needle)
{
    const Paragraph* found = nullptr;
    int matches = 0;
    for (const auto& paragraph : report.paragraphs) {
        if (paragraph.text.find(needle) != std::string::npos) {
            found = &paragraph;
            ++matches;
        }
    }
    INFO("report " << report.id << ": paragraphs containing \"" << needle << "\"");
    REQUIRE(matches == 1);
    return *found;
}

TempDir::TempDir()
{
    std::string pattern = (std::filesystem::temp_directory_path() / "findings-test-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    m_path = std::filesystem::canonical(pattern);
}

TempDir::~TempDir()
{
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

std::string copy_into(const std::string& source, const std::filesystem::path& folder)
{
    std::filesystem::create_directories(folder);
    const std::filesystem::path target = folder / std::filesystem::path(source).filename();
    std::filesystem::copy_file(source, target, std::filesystem::copy_options::overwrite_existing);
    return target.string();
}

void copy_seed_reports(const std::filesystem::path& folder)
{
    for (const auto& entry : std::filesystem::directory_iterator(corpus_path("seed")))
        copy_into(entry.path().string(), folder);
}

void copy_smallest_reports(std::size_t count, const std::filesystem::path& folder)
{
    std::vector<std::pair<std::uintmax_t, std::string>> reports;
    for (const auto& entry : std::filesystem::directory_iterator(corpus_path("reports")))
        reports.emplace_back(entry.file_size(), entry.path().string());
    std::sort(reports.begin(), reports.end());
    REQUIRE(reports.size() >= count);
    for (std::size_t i = 0; i < count; ++i)
        copy_into(reports[i].second, folder);
}

std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    INFO("reading " << path);
    REQUIRE(in);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void write_file(const std::string& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    INFO("writing " << path);
    REQUIRE(out.good());
}

namespace {

// Returns the exit code of a waitpid status, or 128 + the signal that ended the process.
int exit_code_of(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

}  // namespace

ScopedEnvironment::ScopedEnvironment(const char* name, const char* value) : m_name(name)
{
    if (const char* old = std::getenv(name))
        m_old = old;
    setenv(name, value, 1);
}

ScopedEnvironment::~ScopedEnvironment()
{
    if (m_old)
        setenv(m_name, m_old->c_str(), 1);
    else
        unsetenv(m_name);
}

ChildProcess::ChildProcess(std::vector<std::string> words, const std::string& stdout_path, const std::string& stderr_path)
{
    std::vector<char*> argv;
    for (auto& word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);
    int out[2] = {-1, -1};
    if (stdout_path.empty())
        REQUIRE(pipe2(out, O_CLOEXEC) == 0);
    m_pid = fork();
    REQUIRE(m_pid >= 0);
    if (m_pid == 0) {
        setpgid(0, 0);  // its own process group, so that whatever it starts goes with it
        ::signal(SIGXFSZ, SIG_IGN);  // past a file size limit, a write fails (EFBIG) instead of killing
        const rlimit no_core{0, 0};
        setrlimit(RLIMIT_CORE, &no_core);
        const int null = open("/dev/null", O_RDWR);
        const int output = stdout_path.empty() ? out[1] : open(stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int error = open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(null, STDIN_FILENO);
        dup2(output, STDOUT_FILENO);
        dup2(error, STDERR_FILENO);
        execv(argv[0], argv.data());
        _exit(127);
    }
    setpgid(m_pid, m_pid);  // here too, so that the group exists whichever runs first
    if (stdout_path.empty()) {
        close(out[1]);
        m_stdout = out[0];
    }
}

ChildProcess::~ChildProcess()
{
    kill(-m_pid, SIGKILL);  // the process and any it started and left behind
    if (running())
        wait();
    if (m_stdout >= 0)
        close(m_stdout);
}

bool ChildProcess::running()
{
    int status = 0;
    if (!m_exit && waitpid(m_pid, &status, WNOHANG) == m_pid)
        m_exit = exit_code_of(status);
    return !m_exit;
}

void ChildProcess::signal(int number)
{
    if (running())
        kill(m_pid, number);
}

std::optional<int> ChildProcess::wait_for(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (running() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return m_exit;
}

int ChildProcess::wait()
{
    int status = 0;
    if (!m_exit && waitpid(m_pid, &status, 0) == m_pid)
        m_exit = exit_code_of(status);
    REQUIRE(m_exit);
    return *m_exit;
}

ProgramRun run_program(const std::string& program, const std::vector<std::string>& arguments, const TempDir& folder)
{
    const std::string out = folder / "stdout.txt";
    const std::string err = folder / "stderr.txt";
    std::vector<std::string> words = {program};
    words.insert(words.end(), arguments.begin(), arguments.end());
    ChildProcess child(words, out, err);
    const int code = child.wait();
    return {code, read_file(out), read_file(err)};
}

}  // namespace findings::test
