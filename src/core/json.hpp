#pragma once
// Minimal JSON text building for listings (--json) and the log's canonical
// encoding: strings escaped as RFC 8259 requires and nothing more, so the bytes
// are stable. And the one string reader the JSON readers (the log's flat reader,
// the control socket's) share.
#include <string>
#include <string_view>

namespace loa::json {

/// Appends `text` as a JSON string: only '"', '\\' and control characters are
/// escaped (\b \f \n \r \t, others \u00XX in lowercase hex); UTF-8 passes through.
void append_string(std::string &out, std::string_view text);

/// `text` as a JSON string.
std::string quoted(std::string_view text);

/// Reads the JSON string literal whose opening quote is text[at], appending its
/// unescaped UTF-8 to `out` and moving `at` past the closing quote. False on anything
/// RFC 8259 refuses: raw control characters, unknown escapes, lone surrogates, no end.
bool read_string(std::string_view text, std::size_t &at, std::string &out);

} // namespace loa::json
