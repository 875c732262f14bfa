// The command line of findings: its options in every standard form (CLI11), the query's words,
// and the teaching help.
#pragma once

#include "cli/output.h"
#include "cli/report_output.h"
#include "core/query/search_model.h"

#include <string>
#include <vector>

namespace findings {

struct Options {
    std::string db;
    std::string server;
    OutputFormat format = OutputFormat::table;
    SearchRequest request;
    bool all = false;
    bool facets = false;
    bool explain = false;
    bool quiet = false;
    bool counts_only = false;  // --facets --limit 0
    bool count = false;        // --count: the total alone
    bool judgements = false;
    bool list_reports = false;  // findings reports: list the reports that pass the filters
    bool trend = false;         // --trend: the matches year by year
    std::string timeline;       // --timeline: the authority (of --authority) whose inspections to list
    std::string similar;        // --similar ID: the paragraph whose like to find elsewhere
    std::vector<std::string> compare;  // --compare FILTERS, twice: the two sides of a comparison
    std::string split;          // --split FACET: the trend's matches also by this facet
    bool version = false;
    std::vector<std::string> columns;  // --fields: the columns of csv and ndjson rows
    std::string page_base;             // where the rows' url column links to the search page
    std::string batch;                 // --batch FILE, or "-" for standard input: a query a line
    std::string report_id;             // findings report ID: print that report
    ReportFormat report_format = ReportFormat::text;
};

// Reads the command line; prints the help and exits 0 for --help, exits 2 with a message for a
// command line that cannot be used, and with the help when there is nothing on it.
Options parse_arguments(int argc, char** argv);

}  // namespace findings
