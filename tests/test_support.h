// Helpers shared by the tests: locating test data and paragraphs.
#pragma once

#include "core/common/report_model.h"

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sys/types.h>

namespace findings::test {

// Returns the path of a file under the project's corpus/ folder ("seed/001_....txt").
std::string corpus_path(const std::string& relative);

// Returns the path of a file under tests/data/ ("pdf/croydon-2024-12-03-inspection.pdf").
std::string test_data_path(const std::string& relative);

// Reads and parses a corpus report; fails the test when it cannot be read.
Report parse_corpus_report(const std::string& relative);

// Returns the one paragraph whose text contains needle (after typographic quotes and
// dashes are normalised to ASCII); fails the test when none or several contain it.
const Paragraph& paragraph_containing(const Report& report, std::string_view needle);

// A tab-separated table of tests/data/ (the golden tables people read from the reports).
struct TsvTable {
    std::vector<std::vector<std::string>> rows;  // without the header
    // Lines starting "# ", without it, each with the index of the row after it (the row it is about).
    std::vector<std::pair<std::string, std::size_t>> comments;
};

// Reads a table under tests/data/ ("golden/judgements_sif.tsv"); fails the test when it cannot.
TsvTable read_tsv(const std::string& relative);

// One judgement of the golden tables.
struct ExpectedJudgement {
    std::string grade;
    std::string label;
};

// Returns the golden judgements (tests/data/golden/judgements_*.tsv) by report file (under
// corpus/), then key; a report that grades nothing has an empty map.
std::map<std::string, std::map<std::string, ExpectedJudgement>> golden_judgements();

// A fresh, uniquely named folder under the system temporary folder, removed with everything
// in it when the object goes.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    // The folder's canonical path, so it compares equal to the paths the indexer records.
    const std::filesystem::path& path() const { return m_path; }
    // Returns the path of name inside the folder, as a string.
    std::string operator/(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

// Copies a file into folder (created if missing), keeping its name; returns the copy's path.
std::string copy_into(const std::string& source, const std::filesystem::path& folder);

// Copies the seed reports of corpus/seed into folder.
void copy_seed_reports(const std::filesystem::path& folder);

// Copies the count smallest reports of corpus/reports into folder (smallest, to keep runs quick).
void copy_smallest_reports(std::size_t count, const std::filesystem::path& folder);

// Reads a whole file as bytes; fails the test when it cannot be read.
std::string read_file(const std::string& path);

// Writes bytes to a file, replacing it; fails the test when it cannot be written.
void write_file(const std::string& path, const std::string& bytes);

// Sets an environment variable (which the programs the test runs inherit) while the object
// lives, then puts back what was there.
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const char* value);
    ~ScopedEnvironment();
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

// What a program run as a process did.
struct ProgramRun {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// A program run as a child process: its arguments passed as they are (no shell), standard
// input from /dev/null, standard output into a pipe (stdout_fd) or a file, standard error into
// a file, no core dumps, and SIGXFSZ ignored (so that writing past a file size limit fails). The one way the tests start programs. When the object goes, the
// process and every process it started (its process group) are killed, and it is reaped.
class ChildProcess {
public:
    // Starts words[0] with the rest as its arguments. stdout_path "" pipes standard output.
    ChildProcess(std::vector<std::string> words, const std::string& stdout_path, const std::string& stderr_path);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // The read end of the standard output pipe (-1 when it goes to a file).
    int stdout_fd() const { return m_stdout; }

    // Returns whether the process is still running.
    bool running();

    // Sends signal to the process, if it is still running.
    void signal(int number);

    // Waits at most timeout for the process to end; returns its exit code (128 + the signal that
    // ended it), or nothing when it is still running.
    std::optional<int> wait_for(std::chrono::milliseconds timeout);

    // Waits for the process to end and returns its exit code (128 + the signal that ended it).
    int wait();

private:
    pid_t m_pid = -1;
    int m_stdout = -1;
    std::optional<int> m_exit;
};

// Runs program with arguments and no input, its output going to files in folder.
ProgramRun run_program(const std::string& program, const std::vector<std::string>& arguments, const TempDir& folder);

}  // namespace findings::test
