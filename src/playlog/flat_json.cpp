#include "playlog/flat_json.hpp"

#include "core/json.hpp"

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

    std::optional<std::string> string() {
        std::string out;
        if (m_at >= m_text.size() || m_text[m_at] != '"' || !json::read_string(m_text, m_at, out))
            return std::nullopt;
        return out;
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
