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
    const std::string text = value();
    char* end = nullptr;
    const long parsed = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || parsed < low || parsed > high)
        fail(option + " needs a whole number from " + std::to_string(low) + " to " + std::to_string(high) + ", not \"" +
             text + "\"");
    return parsed;
}

void CommandLine::fail(const std::string& message) const
{
    std::fprintf(stderr, "%s: %s (see %s --help)\n", m_program.c_str(), message.c_str(), m_program.c_str());
    std::exit(k_exit_usage);
}

}  // namespace findings
