// Reading a program's command line: its arguments one at a time, option values and numbers,
// and the one way the three programs report a mistake in it.
#pragma once

#include <string>

namespace findings {

// Exit status of a program whose command line cannot be used.
constexpr int k_exit_usage = 2;

// Prints "<program>: <message> (see <program> --help)" on stderr and exits with status 2.
[[noreturn]] void fail_usage(const std::string& program, const std::string& message);

// Returns text as a whole number from low to high, or fails with a message naming the option.
long whole_number(const std::string& program, const std::string& option, const std::string& text, long low, long high);

class CommandLine {
public:
    // program names the program in messages ("findings").
    CommandLine(std::string program, int argc, char** argv);

    // Moves to the next argument; returns false when there is none left.
    bool next();

    // The current argument.
    const std::string& argument() const { return m_argument; }

    // Returns the value that follows the current option, which is then skipped.
    std::string value();

    // Returns the value that follows the current option as a whole number from low to high.
    long number(long low, long high);

    // Prints "<program>: <message> (see <program> --help)" on stderr and exits with status 2.
    [[noreturn]] void fail(const std::string& message) const;

private:
    std::string m_program;
    int m_argc;
    char** m_argv;
    int m_index = 0;
    std::string m_argument;
};

}  // namespace findings
