// Serving the web page's files: only regular files inside the web folder, whatever the path
// says (traversal, encoded traversal, symlinks out of the folder).
#pragma once

#include <optional>
#include <string>

namespace findings {

struct StaticFile {
    std::string body;
    std::string content_type;
};

class StaticFiles {
public:
    // Serves files under root; throws Error(io_error) when root is not a folder.
    explicit StaticFiles(const std::string& root);

    // Returns the file for a URL path ("/" is index.html), or nullopt when there is none
    // inside the root or it is larger than the limit.
    std::optional<StaticFile> find(const std::string& url_path) const;

private:
    std::string m_root;  // canonical, without a trailing slash
};

}  // namespace findings
