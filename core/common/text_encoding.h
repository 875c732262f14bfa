// Character encodings: recognising UTF-8 and converting Windows-1252 text to it.
#pragma once

#include <string>
#include <string_view>

namespace findings {

// Returns whether bytes are well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// Converts Windows-1252 bytes to UTF-8; the five unassigned bytes become U+FFFD.
std::string windows1252_to_utf8(std::string_view bytes);

// Converts UTF-16 (without its byte order mark) to UTF-8; an unpaired surrogate or an odd last
// byte becomes U+FFFD.
std::string utf16_to_utf8(std::string_view bytes, bool little_endian);

// Returns whether bytes start with a UTF-16 byte order mark (either order).
bool has_utf16_bom(std::string_view bytes);

// Returns bytes as UTF-8: UTF-16 when they start with its byte order mark; unchanged when valid
// UTF-8 (a byte order mark removed); else read as Windows-1252.
std::string decode_to_utf8(std::string_view bytes);

// Appends the UTF-8 encoding of code point cp to out.
void append_utf8(std::string& out, char32_t cp);

// Decodes the code point starting at text[i] and advances i past it; invalid bytes decode
// as U+FFFD one byte at a time.
char32_t next_code_point(std::string_view text, std::size_t& i);

}  // namespace findings
