#include "tests/fuzz/fuzz_support.h"

#include "core/index/index_run.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

namespace findings::fuzz {

namespace {

// A temporary folder removed when the process exits normally.
class TemporaryIndex {
public:
    TemporaryIndex()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "findings-fuzz-XXXXXX").string();
        require(mkdtemp(pattern.data()) != nullptr, "cannot make a temporary folder");
        m_folder = pattern;
        m_index = m_folder + "/index";
        const IndexSummary summary =
            run_indexer(m_index, {std::string(FINDINGS_SOURCE_DIR) + "/corpus/seed"}, [](const IndexProgress&) {});
        require(summary.index_reports == 5, "the seed reports could not be indexed");
    }
    ~TemporaryIndex()
    {
        std::error_code error;
        std::filesystem::remove_all(m_folder, error);
    }

    const std::string& path() const { return m_index; }

private:
    std::string m_folder;
    std::string m_index;
};

}  // namespace

const std::string& seed_index()
{
    static const TemporaryIndex index;
    return index.path();
}

void require(bool holds, const char* what)
{
    if (!holds) {
        std::fprintf(stderr, "fuzz target: %s\n", what);
        std::abort();
    }
}

}  // namespace findings::fuzz
