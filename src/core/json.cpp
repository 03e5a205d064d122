#include "core/json.hpp"

#include <charconv>

namespace loa::json {

void append_string(std::string &out, std::string_view text) {
    // Runs of plain bytes are copied at once: `loa verify` re-encodes every row of the log.
    out.push_back('"');
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(text.data() + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default: {
            static constexpr char digits[] = "0123456789abcdef";
            const char escaped[] = {'\\', 'u', '0', '0', digits[c >> 4], digits[c & 0xf]};
            out.append(escaped, sizeof escaped);
        }
        }
    }
    out.append(text.data() + run, text.size() - run);
    out.push_back('"');
}

std::string quoted(std::string_view text) {
    std::string out;
    append_string(out, text);
    return out;
}

namespace {

bool hex4(std::string_view text, std::size_t &at, unsigned &code) {
    if (text.size() - at < 4)
        return false;
    const auto *first = text.data() + at;
    const auto [end, error] = std::from_chars(first, first + 4, code, 16);
    if (error != std::errc() || end != first + 4)
        return false;
    at += 4;
    return true;
}

void append_utf8(std::string &out, unsigned code) {
    if (code < 0x80) {
        out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
}

/// After "\u": one code point (a surrogate pair counts as one), as UTF-8.
bool unicode_escape(std::string_view text, std::size_t &at, std::string &out) {
    unsigned code = 0;
    if (!hex4(text, at, code) || (code >= 0xDC00 && code <= 0xDFFF))
        return false;
    if (code >= 0xD800 && code <= 0xDBFF) {
        unsigned low = 0;
        if (text.substr(at, 2) != "\\u")
            return false;
        at += 2;
        if (!hex4(text, at, low) || low < 0xDC00 || low > 0xDFFF)
            return false;
        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, code);
    return true;
}

} // namespace

bool read_string(std::string_view text, std::size_t &at, std::string &out) {
    ++at; // the opening quote
    while (at < text.size()) {
        const char c = text[at++];
        if (c == '"')
            return true;
        if (static_cast<unsigned char>(c) < 0x20)
            return false;
        if (c != '\\') {
            out.push_back(c);
            continue;
        }
        if (at >= text.size())
            return false;
        switch (text[at++]) {
        case '"':
            out.push_back('"');
            break;
        case '\\':
            out.push_back('\\');
            break;
        case '/':
            out.push_back('/');
            break;
        case 'b':
            out.push_back('\b');
            break;
        case 'f':
            out.push_back('\f');
            break;
        case 'n':
            out.push_back('\n');
            break;
        case 'r':
            out.push_back('\r');
            break;
        case 't':
            out.push_back('\t');
            break;
        case 'u':
            if (!unicode_escape(text, at, out))
                return false;
            break;
        default:
            return false;
        }
    }
    return false;
}

} // namespace loa::json
