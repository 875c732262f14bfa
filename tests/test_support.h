// Helpers shared by the tests: locating test data and paragraphs.
#pragma once

#include "core/report_model.h"

#include <string>
#include <string_view>

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

}  // namespace findings::test
