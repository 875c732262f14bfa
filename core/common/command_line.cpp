#include "core/common/command_line.h"

#include <cstdio>
#include <cstdlib>

namespace findings {

CommandLine::CommandLine(std::string program, int argc, char** argv)
    : m_program(std::move(program)), m_argc(argc), m_argv(argv)
{
}

bool CommandLine::next()
{
    if (m_index + 1 >= m_argc)
        return false;
    m_argument = m_argv[++m_index];
    return true;
}

std::string CommandLine::value()
{
    if (m_index + 1 >= m_argc)
        fail(m_argument + " needs a value");
    return m_argv[++m_index];
}

long CommandLine::number(long low, long high)
{
    const std::string option = m_argument;
    return whole_number(m_program, option, value(), low, high);
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

void CommandLine::fail(const std::string& message) const { fail_usage(m_program, message); }

}  // namespace findings
