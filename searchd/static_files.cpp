// Serving the web page's files: only regular files inside the web folder, whatever the path
// says (traversal, encoded traversal, symlinks out of the folder).
#include "searchd/static_files.h"

#include "core/common/error.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace findings {

namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t k_max_file_bytes = 5 * 1024 * 1024;

const char* content_type_of(const fs::path& path)
{
    const std::string extension = path.extension().string();
    if (extension == ".html") return "text/html; charset=utf-8";
    if (extension == ".js") return "text/javascript; charset=utf-8";
    if (extension == ".css") return "text/css; charset=utf-8";
    if (extension == ".svg") return "image/svg+xml";
    if (extension == ".png") return "image/png";
    if (extension == ".ico") return "image/x-icon";
    if (extension == ".json") return "application/json";
    if (extension == ".txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

bool is_inside(const std::string& path, const std::string& root)
{
    return path.size() > root.size() && path.compare(0, root.size(), root) == 0 && path[root.size()] == '/';
}

}  // namespace

StaticFiles::StaticFiles(const std::string& root)
{
    std::error_code error;
    const fs::path canonical = fs::canonical(root, error);
    if (error || !fs::is_directory(canonical))
        throw Error(ErrorCode::io_error, "the web folder " + root + " does not exist (give --web DIR)");
    m_root = canonical.string();
}

std::optional<StaticFile> StaticFiles::find(const std::string& url_path) const
{
    if (url_path.empty() || url_path[0] != '/' || url_path.find('\0') != std::string::npos)
        return std::nullopt;
    const std::string relative = url_path == "/" ? "index.html" : url_path.substr(1);
    std::error_code error;
    // canonical() resolves "..", "." and symlinks: what remains must still be inside the root.
    const fs::path resolved = fs::canonical(fs::path(m_root) / relative, error);
    if (error || !is_inside(resolved.string(), m_root) || !fs::is_regular_file(resolved, error))
        return std::nullopt;
    if (fs::file_size(resolved, error) > k_max_file_bytes || error)
        return std::nullopt;
    std::ifstream in(resolved, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream body;
    body << in.rdbuf();
    return StaticFile{body.str(), content_type_of(resolved)};
}

}  // namespace findings
