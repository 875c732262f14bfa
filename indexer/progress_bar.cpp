// The indexer's progress display: a bar redrawn in place on a terminal, a line every so often
// otherwise (logs, CI).
#include "indexer/progress_bar.h"

#include <string>
#include <unistd.h>

namespace findings {

namespace {

constexpr int k_bar_width = 30;
constexpr std::size_t k_log_every_files = 100;

}  // namespace

ProgressBar::ProgressBar(std::FILE* stream)
    : m_stream(stream), m_interactive(isatty(fileno(stream)) != 0), m_started(std::chrono::steady_clock::now())
{
}

void ProgressBar::update(const IndexProgress& progress)
{
    const auto now = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(now - m_started).count();
    const bool last = progress.files_done == progress.files_total;
    if (!m_interactive) {
        // The closing line comes once the last file is written (no file is current), so that
        // its paragraphs are counted.
        const bool finished = last && progress.current.empty();
        const bool news = progress.files_done != m_last_logged || progress.paragraphs != m_last_logged_paragraphs;
        if (progress.files_done >= m_last_logged + k_log_every_files || (finished && news)) {
            std::fprintf(m_stream, "indexed %zu of %zu files, %zu paragraphs, %.1f s\n", progress.files_done,
                         progress.files_total, progress.paragraphs, seconds);
            m_last_logged = progress.files_done;
            m_last_logged_paragraphs = progress.paragraphs;
        }
        return;
    }
    if (!last && now - m_last_draw < std::chrono::milliseconds(80))
        return;
    m_last_draw = now;
    const double fraction = progress.files_total ? double(progress.files_done) / progress.files_total : 1.0;
    const int filled = static_cast<int>(fraction * k_bar_width);
    const std::string bar = std::string(filled, '#') + std::string(k_bar_width - filled, '.');
    const double rate = seconds > 0 ? progress.paragraphs / seconds : 0;
    std::fprintf(m_stream, "\r[%s] %3.0f%%  %zu/%zu files  %zu paragraphs  %.0f/s ", bar.c_str(), fraction * 100,
                 progress.files_done, progress.files_total, progress.paragraphs, rate);
    std::fflush(m_stream);
    m_drawn = true;
}

void ProgressBar::finish()
{
    if (m_drawn)
        std::fprintf(m_stream, "\n");
    m_drawn = false;
}

}  // namespace findings
