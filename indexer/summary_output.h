// Printing an indexing run's summary, for people and as JSON.
#pragma once

#include "core/index/index_run.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace findings {

// Returns the summary as JSON (the shape `indexer --json` prints).
nlohmann::json summary_json(const IndexSummary& summary);

// Prints the summary for a person; verbose lists every file behind each count.
void print_summary(std::FILE* out, const IndexSummary& summary, bool verbose);

}  // namespace findings
