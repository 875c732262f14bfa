// Character encodings: recognising UTF-8 and converting Windows-1252 text to it.
#include "core/common/text_encoding.h"

namespace findings {

namespace {

// Code points of Windows-1252 bytes 0x80-0x9F; 0 marks the unassigned ones.
constexpr char32_t k_cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

int sequence_length(unsigned char lead)
{
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF)
        return 2;
    if (lead >= 0xE0 && lead <= 0xEF)
        return 3;
    if (lead >= 0xF0 && lead <= 0xF4)
        return 4;
    return 0;
}

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace

char32_t next_code_point(std::string_view text, std::size_t& i)
{
    const auto lead = static_cast<unsigned char>(text[i]);
    const int length = sequence_length(lead);
    if (length == 0 || i + length > text.size()) {
        ++i;
        return 0xFFFD;
    }
    if (length == 1) {
        ++i;
        return lead;
    }
    char32_t cp = lead & (0xFF >> (length + 1));
    for (int k = 1; k < length; ++k) {
        const auto byte = static_cast<unsigned char>(text[i + k]);
        if (!is_continuation(byte)) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte & 0x3F);
    }
    const bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
    const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    if (overlong || surrogate || cp > 0x10FFFF) {
        ++i;
        return 0xFFFD;
    }
    i += length;
    return cp;
}

bool is_valid_utf8(std::string_view bytes)
{
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t start = i;
        if (next_code_point(bytes, i) == 0xFFFD) {
            // A literal U+FFFD (EF BF BD) is valid; anything else decoding to it is not.
            if (bytes.substr(start, 3) != "\xEF\xBF\xBD")
                return false;
        }
    }
    return true;
}

void append_utf8(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string windows1252_to_utf8(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80)
            out += c;
        else if (byte < 0xA0)
            append_utf8(out, k_cp1252_high[byte - 0x80] ? k_cp1252_high[byte - 0x80] : 0xFFFD);
        else
            append_utf8(out, byte);
    }
    return out;
}

std::string utf16_to_utf8(std::string_view bytes, bool little_endian)
{
    std::string out;
    out.reserve(bytes.size());
    const auto unit_at = [&bytes, little_endian](std::size_t i) {
        const auto first = static_cast<unsigned char>(bytes[i]);
        const auto second = static_cast<unsigned char>(bytes[i + 1]);
        return static_cast<char32_t>(little_endian ? first | (second << 8) : (first << 8) | second);
    };
    std::size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        const char32_t unit = unit_at(i);
        const bool high = unit >= 0xD800 && unit <= 0xDBFF;
        const bool low = unit >= 0xDC00 && unit <= 0xDFFF;
        if (high && i + 3 < bytes.size()) {
            const char32_t next = unit_at(i + 2);
            if (next >= 0xDC00 && next <= 0xDFFF) {
                append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (next - 0xDC00));
                i += 2;
                continue;
            }
        }
        append_utf8(out, high || low ? 0xFFFD : unit);
    }
    if (i < bytes.size())
        append_utf8(out, 0xFFFD);
    return out;
}

bool has_utf16_bom(std::string_view bytes)
{
    return bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
}

std::string decode_to_utf8(std::string_view bytes)
{
    if (has_utf16_bom(bytes))
        return utf16_to_utf8(bytes.substr(2), bytes[0] == '\xFF');
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF")
        bytes.remove_prefix(3);
    if (is_valid_utf8(bytes))
        return std::string(bytes);
    return windows1252_to_utf8(bytes);
}

}  // namespace findings
