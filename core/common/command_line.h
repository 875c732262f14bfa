// Reading a program's command line with CLI11, and the one way the three programs report a
// mistake in it: "<program>: <message> (see <program> --help)", exit status 2.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace findings {

// Exit status of a program whose command line cannot be used.
constexpr int k_exit_usage = 2;

// Prints "<program>: <message> (see <program> --help)" on stderr and exits with status 2.
[[noreturn]] void fail_usage(const std::string& program, const std::string& message);

// Returns text as a whole number from low to high, or fails with a message naming the option.
long whole_number(const std::string& program, const std::string& option, const std::string& text, long low, long high);

// Parses argv into app (every standard form: --opt value, --opt=value, -n3, --); a mistake
// fails the program with a message in the programs' common words.
void parse_command_line(CLI::App& app, const std::string& program, int argc, char** argv);

}  // namespace findings
