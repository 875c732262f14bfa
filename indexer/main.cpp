// indexer: builds or updates the Findings index from folders of report files.
#include "core/common/command_line.h"
#include "core/common/defaults.h"
#include "core/common/error.h"
#include "core/common/json_text.h"
#include "core/index/index_check.h"
#include "core/index/index_run.h"
#include "indexer/progress_bar.h"
#include "indexer/summary_output.h"

#include <CLI/CLI.hpp>
#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

constexpr int k_exit_ok = 0;
constexpr int k_exit_some_failed = 1;
constexpr int k_exit_error = 2;

const char* const k_usage = R"(Usage: indexer [--db DIR] [--json] [--verbose] [--rebuild] PATH...
       indexer [--db DIR] --check

Builds or updates the Findings index from Ofsted children's services reports. Each PATH is a
report file (.txt or .pdf) or a folder searched recursively. Every paragraph becomes a
searchable document with its authority, year, grade, finding type and section.

Re-running is safe and quick: unchanged files are skipped, edited files replace their
paragraphs, and files that have gone from a folder you index have their paragraphs removed.
A file that cannot be read (empty, not text, encrypted or broken PDF, not a report) is named
with the reason and skipped; the rest of the run goes on.

A report's id is its authority, date and kind (croydon-2019-03-04-inspection). The same report
in two files (a text beside its PDF) is indexed once, from the text; a different report with
the same authority, date and kind as one indexed gets an id of its own (...-2), listed as
"own id". Ids do not change while their files stay.

Options:
  --db DIR     the index folder (default: $FINDINGS_DB, else data/index); created if missing
  --json       print the closing summary as JSON on stdout (progress still goes to stderr)
  --verbose    list the files behind every count in the summary
  --rebuild    build a new index of PATH... beside DIR and put it in DIR's place in one step,
               then remove the old one (rather than deleting DIR and indexing again: DIR always
               holds a whole index, so a running searchd moves to the new one between answers)
  --check      read every block of the index and check its documents and records, instead of
               indexing; after a crash of the machine or disk trouble (damage in a part that
               no query reads shows nowhere else)
  --help       show this help

Examples:
  indexer corpus/                          index the shipped corpus into data/index
  indexer --db /tmp/seed corpus/seed       a small index of the five seed reports
  indexer --json corpus/ > summary.json    a machine-readable summary for scripts

Exit status: 0 all files indexed, 1 some files failed (listed), 2 the run could not start
(bad arguments, index locked or unreadable). With --check: 0 whole, 1 damaged, 2 no index.
)";

struct Options {
    std::string db = findings::default_index_path();
    bool json = false;
    bool verbose = false;
    bool check = false;
    bool rebuild = false;
    std::vector<std::string> paths;
};

// Parses the command line; returns an exit code when the program should stop now.
int parse_arguments(int argc, char** argv, Options& options)
{
    CLI::App app("", "indexer");
    app.set_help_flag();  // the usage above teaches more than CLI11's
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    bool help = false;
    app.add_flag("-h,--help", help);
    app.add_option("--db", options.db);
    app.add_flag("--json", options.json);
    app.add_flag("-v,--verbose", options.verbose);
    app.add_flag("--check", options.check);
    app.add_flag("--rebuild", options.rebuild);
    app.add_option("PATH", options.paths);  // after "--", a folder whose name starts with "-"
    findings::parse_command_line(app, "indexer", argc, argv);
    if (help) {
        std::fputs(k_usage, stdout);
        return k_exit_ok;
    }
    if (options.check && !options.paths.empty())
        findings::fail_usage("indexer", "--check checks the index and takes no PATH");
    if (options.check && options.rebuild)
        findings::fail_usage("indexer", "--check reads the index and --rebuild replaces it: choose one");
    if (options.paths.empty() && !options.check)
        findings::fail_usage("indexer", "no PATH given: name report files or folders, e.g. indexer corpus/");
    return -1;
}

// Checks the whole index and says whether it is whole; returns the exit code.
int check(const std::string& db)
{
    const findings::IndexCheck result = findings::check_index(db);
    if (result.problems.empty()) {
        std::printf("The index at %s is whole: %lu paragraphs in %zu reports, revision %lu.\n", db.c_str(),
                    static_cast<unsigned long>(result.paragraphs), result.reports,
                    static_cast<unsigned long>(result.revision));
        return k_exit_ok;
    }
    std::printf("The index at %s is damaged:\n", db.c_str());
    for (const auto& problem : result.problems)
        std::printf("  %s\n", problem.c_str());
    std::printf("Rebuild it: move it aside (mv %s %s.damaged), then run indexer --db %s FOLDER... on your reports.\n",
                db.c_str(), db.c_str(), db.c_str());
    return k_exit_some_failed;
}

}  // namespace

int main(int argc, char** argv)
{
    Options options;
    if (const int exit_code = parse_arguments(argc, argv, options); exit_code >= 0)
        return exit_code;
    // Xapian buffers this many new documents before writing their postings out. Measured on
    // 986,719 generated paragraphs (two writers): 1,000 gave 125-128 s, 2,000 120 s, 3,000
    // 117-119 s, 6,000 127 s (Xapian's default of 10,000 makes each buffered posting list a
    // large tree). It reads the setting only from the environment; one set by the user wins.
    setenv("XAPIAN_FLUSH_THRESHOLD", "3000", 0);
    try {
        if (options.check)
            return check(options.db);
        findings::ProgressBar bar(stderr);
        const auto on_progress = [&bar](const findings::IndexProgress& progress) { bar.update(progress); };
        const findings::IndexSummary summary = options.rebuild
                                                   ? findings::rebuild_index(options.db, options.paths, on_progress)
                                                   : findings::run_indexer(options.db, options.paths, on_progress);
        bar.finish();
        if (options.json)
            std::printf("%s\n", findings::json_text(findings::summary_json(summary), 2).c_str());
        else
            findings::print_summary(stdout, summary, options.verbose);
        return summary.failed.empty() ? k_exit_ok : k_exit_some_failed;
    } catch (const findings::Error& error) {
        std::fprintf(stderr, "indexer: error: %s\n", error.what());
    } catch (const Xapian::DatabaseCorruptError& error) {
        std::fprintf(stderr, "indexer: error: the index at %s is damaged (%s): see what `indexer --check --db %s` says\n",
                     options.db.c_str(), error.get_description().c_str(), options.db.c_str());
    } catch (const Xapian::Error& error) {
        std::fprintf(stderr,
                     "indexer: error: the index at %s: %s\n"
                     "The index is as its last commit left it: once the cause is fixed, run the indexer again to carry on.\n",
                     options.db.c_str(), error.get_description().c_str());
    } catch (const std::exception& error) {
        std::fprintf(stderr, "indexer: error: %s\n", error.what());
    }
    return k_exit_error;
}
