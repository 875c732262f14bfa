// What the fuzz targets share: an index of the seed reports to search, and a check that fails
// the run the way libFuzzer notices (an abort with a message), with or without libFuzzer.
#pragma once

#include <string>

namespace findings::fuzz {

// Returns the path of an index of corpus/seed, built on first use into a temporary folder that
// goes when the process exits normally.
const std::string& seed_index();

// Aborts with what went wrong when holds is false.
void require(bool holds, const char* what);

}  // namespace findings::fuzz
