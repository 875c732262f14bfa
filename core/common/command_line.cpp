#include "core/common/command_line.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>

namespace findings {

namespace {

// Returns the message of a CLI11 error in the programs' own words.
std::string message_of(const CLI::ParseError& error)
{
    const std::string what = error.what();
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error))  // "--limit: 1 required TEXT missing"
        return what.substr(0, what.find(':')) + " needs a value";
    if (dynamic_cast<const CLI::ExtrasError*>(&error)) {  // "The following argument was not expected: --x"
        const std::size_t colon = what.rfind(": ");
        const std::string extras = colon == std::string::npos ? what : what.substr(colon + 2);
        return (extras.rfind('-', 0) == 0 ? "unknown option " : "unexpected argument ") + extras;
    }
    return what;
}

}  // namespace

void parse_command_line(CLI::App& app, const std::string& program, int argc, char** argv)
{
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        fail_usage(program, message_of(error));
    }
}

long whole_number(const std::string& program, const std::string& option, const std::string& text, long low, long high)
{
    char* end = nullptr;
    const long parsed = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || parsed < low || parsed > high)
        fail_usage(program, option + " needs a whole number from " + std::to_string(low) + " to " +
                                std::to_string(high) + ", not \"" + text + "\"");
    return parsed;
}

void fail_usage(const std::string& program, const std::string& message)
{
    std::fprintf(stderr, "%s: %s (see %s --help)\n", program.c_str(), message.c_str(), program.c_str());
    std::exit(k_exit_usage);
}

}  // namespace findings
