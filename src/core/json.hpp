#pragma once
// Minimal JSON text building for listings (--json) and the log's canonical
// encoding: strings escaped as RFC 8259 requires and nothing more, so the bytes
// are stable.
#include <string>
#include <string_view>

namespace loa::json {

/// Appends `text` as a JSON string: only '"', '\\' and control characters are
/// escaped (\b \f \n \r \t, others \u00XX in lowercase hex); UTF-8 passes through.
void append_string(std::string &out, std::string_view text);

/// `text` as a JSON string.
std::string quoted(std::string_view text);

} // namespace loa::json
