#include "playlog/flat_json.hpp"

#include <cstdint>

namespace loa::playlog {
namespace {

class Reader {
public:
    explicit Reader(std::string_view text) : m_text(text) {}

    std::optional<FlatObject> object() {
        FlatObject members;
        skip_space();
        if (!take('{'))
            return std::nullopt;
        skip_space();
        if (!take('}')) {
            do {
                skip_space();
                auto key = string();
                skip_space();
                if (!key || !take(':'))
                    return std::nullopt;
                skip_space();
                auto value = scalar();
                if (!value)
                    return std::nullopt;
                members.emplace_back(std::move(*key), std::move(*value));
                skip_space();
            } while (take(','));
            if (!take('}'))
                return std::nullopt;
        }
        skip_space();
        if (m_at != m_text.size())
            return std::nullopt;
        return members;
    }

private:
    bool take(char c) {
        if (m_at < m_text.size() && m_text[m_at] == c) {
            ++m_at;
            return true;
        }
        return false;
    }

    void skip_space() {
        while (m_at < m_text.size() && (m_text[m_at] == ' ' || m_text[m_at] == '\t' ||
                                        m_text[m_at] == '\r' || m_text[m_at] == '\n'))
            ++m_at;
    }

    bool literal(std::string_view word) {
        if (m_text.substr(m_at, word.size()) != word)
            return false;
        m_at += word.size();
        return true;
    }

    /// A member's value; the outer optional says whether it parsed.
    std::optional<FlatValue> scalar() {
        if (m_at >= m_text.size())
            return std::nullopt;
        const char c = m_text[m_at];
        if (c == '"') {
            auto text = string();
            return text ? std::optional<FlatValue>(std::move(*text)) : std::nullopt;
        }
        if (literal("null"))
            return FlatValue{};
        if (literal("true"))
            return FlatValue{"true"};
        if (literal("false"))
            return FlatValue{"false"};
        const std::size_t start = m_at;
        take('-');
        const std::size_t digits = m_at;
        while (m_at < m_text.size() && m_text[m_at] >= '0' && m_text[m_at] <= '9')
            ++m_at;
        if (m_at == digits)
            return std::nullopt;
        return FlatValue{std::string(m_text.substr(start, m_at - start))};
    }

    std::optional<unsigned> hex4() {
        if (m_at + 4 > m_text.size())
            return std::nullopt;
        unsigned value = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_at++];
            value <<= 4;
            if (c >= '0' && c <= '9')
                value |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                value |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                value |= static_cast<unsigned>(c - 'A' + 10);
            else
                return std::nullopt;
        }
        return value;
    }

    static void append_utf8(std::string &out, std::uint32_t code) {
        if (code < 0x80) {
            out.push_back(static_cast<char>(code));
        } else if (code < 0x800) {
            out.push_back(static_cast<char>(0xc0 | (code >> 6)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3f)));
        } else if (code < 0x10000) {
            out.push_back(static_cast<char>(0xe0 | (code >> 12)));
            out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3f)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3f)));
        } else {
            out.push_back(static_cast<char>(0xf0 | (code >> 18)));
            out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3f)));
            out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3f)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3f)));
        }
    }

    std::optional<std::string> string() {
        if (!take('"'))
            return std::nullopt;
        std::string out;
        while (m_at < m_text.size()) {
            const char c = m_text[m_at++];
            if (c == '"')
                return out;
            if (static_cast<unsigned char>(c) < 0x20)
                return std::nullopt;
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (m_at >= m_text.size())
                return std::nullopt;
            switch (m_text[m_at++]) {
            case '"': out.push_back('"'); break;
            case '\\': out.push_back('\\'); break;
            case '/': out.push_back('/'); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'n': out.push_back('\n'); break;
            case 'r': out.push_back('\r'); break;
            case 't': out.push_back('\t'); break;
            case 'u': {
                auto code = hex4();
                if (!code)
                    return std::nullopt;
                std::uint32_t point = *code;
                if (point >= 0xd800 && point < 0xdc00) {
                    if (!take('\\') || !take('u'))
                        return std::nullopt;
                    const auto low = hex4();
                    if (!low || *low < 0xdc00 || *low >= 0xe000)
                        return std::nullopt;
                    point = 0x10000 + ((point - 0xd800) << 10) + (*low - 0xdc00);
                }
                append_utf8(out, point);
                break;
            }
            default: return std::nullopt;
            }
        }
        return std::nullopt;
    }

    std::string_view m_text;
    std::size_t m_at = 0;
};

} // namespace

std::optional<FlatObject> parse_flat_json(std::string_view text) {
    return Reader(text).object();
}

const FlatValue *find_member(const FlatObject &object, std::string_view key) {
    for (const auto &[name, value] : object)
        if (name == key)
            return &value;
    return nullptr;
}

} // namespace loa::playlog
