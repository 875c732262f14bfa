#include "searchd/gzip.h"

#include "core/common/text_normaliser.h"

#include <zlib.h>

#include <cstdlib>
#include <stdexcept>

namespace findings {

bool accepts_gzip(const std::string& accept_encoding)
{
    std::size_t from = 0;
    while (from < accept_encoding.size()) {
        const std::size_t comma = std::min(accept_encoding.find(',', from), accept_encoding.size());
        const std::string coding = collapse_spaces(accept_encoding.substr(from, comma - from));
        from = comma + 1;
        const std::size_t semicolon = coding.find(';');
        const std::string name = to_lower(collapse_spaces(coding.substr(0, semicolon)));
        if (name != "gzip" && name != "*")
            continue;
        if (semicolon == std::string::npos)
            return true;
        const std::size_t q = coding.find("q=", semicolon);
        return q == std::string::npos || std::strtod(coding.c_str() + q + 2, nullptr) > 0;
    }
    return false;
}

std::string gzipped(const std::string& body)
{
    z_stream stream{};
    constexpr int k_gzip_window = 15 + 16;  // the largest window, with a gzip header and trailer
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, k_gzip_window, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("gzip could not start");
    std::string out(deflateBound(&stream, body.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
    stream.avail_in = static_cast<uInt>(body.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END)
        throw std::runtime_error("gzip could not finish");
    return out;
}

}  // namespace findings
