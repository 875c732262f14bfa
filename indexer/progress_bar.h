// The indexer's progress display: a bar redrawn in place on a terminal, a line every so often
// otherwise (logs, CI).
#pragma once

#include "core/index/index_run.h"

#include <chrono>
#include <cstdio>

namespace findings {

class ProgressBar {
public:
    // Draws on stream; interactive when it is a terminal.
    explicit ProgressBar(std::FILE* stream);

    void update(const IndexProgress& progress);

    // Ends the bar's line, if one is drawn.
    void finish();

private:
    std::FILE* m_stream;
    bool m_interactive;
    bool m_drawn = false;
    std::size_t m_last_logged = 0;  // files, when not drawing a bar
    std::size_t m_last_logged_paragraphs = 0;
    std::chrono::steady_clock::time_point m_started;
    std::chrono::steady_clock::time_point m_last_draw;
};

}  // namespace findings
