#include "searchd/gzip.h"

#include "core/common/text_normaliser.h"

#include <zlib.h>

#include <cstdlib>
#include <stdexcept>

namespace findings {

bool accepts_gzip(const std::string& accept_encoding)
{
    // The weight of gzip when named, else of "*", else none (RFC 9110 12.5.3).
    double gzip = -1;
    double any = -1;
    std::size_t from = 0;
    while (from < accept_encoding.size()) {
        const std::size_t comma = std::min(accept_encoding.find(',', from), accept_encoding.size());
        const std::string coding = accept_encoding.substr(from, comma - from);
        from = comma + 1;
        const std::size_t semicolon = coding.find(';');
        const std::string name = to_lower(collapse_spaces(coding.substr(0, semicolon)));
        const std::size_t q = semicolon == std::string::npos ? std::string::npos : coding.find("q=", semicolon);
        const double weight = q == std::string::npos ? 1 : std::strtod(coding.c_str() + q + 2, nullptr);
        if (name == "gzip" || name == "x-gzip")
            gzip = weight;
        else if (name == "*")
            any = weight;
    }
    return (gzip >= 0 ? gzip : any) > 0;
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
