#include "core/json_value.hpp"

#include "core/json.hpp"

#include <charconv>

namespace loa::json {

/// Recursive-descent reader over one text; every method returns false on the
/// first byte that is not valid JSON.
class JsonReader {
public:
    explicit JsonReader(std::string_view text) : m_text(text) {}

    bool document(Value &out) {
        skip_space();
        if (!value(out, 0))
            return false;
        skip_space();
        return m_at == m_text.size();
    }

private:
    static constexpr int max_depth = 32;

    bool value(Value &out, int depth) {
        if (depth >= max_depth || m_at >= m_text.size())
            return false;
        switch (m_text[m_at]) {
        case '{':
            return object(out, depth);
        case '[':
            return array(out, depth);
        case '"':
            out.m_kind = Value::Kind::string;
            return string(out.m_text);
        case 't':
            out.m_kind = Value::Kind::boolean;
            out.m_boolean = true;
            return word("true");
        case 'f':
            out.m_kind = Value::Kind::boolean;
            return word("false");
        case 'n':
            out.m_kind = Value::Kind::null;
            return word("null");
        default:
            out.m_kind = Value::Kind::number;
            return number(out.m_text);
        }
    }

    bool object(Value &out, int depth) {
        out.m_kind = Value::Kind::object;
        ++m_at;
        skip_space();
        if (take('}'))
            return true;
        do {
            skip_space();
            std::string key;
            if (m_at >= m_text.size() || m_text[m_at] != '"' || !string(key))
                return false;
            skip_space();
            if (!take(':'))
                return false;
            skip_space();
            Value item;
            if (!value(item, depth + 1))
                return false;
            out.m_keys.push_back(std::move(key));
            out.m_items.push_back(std::move(item));
            skip_space();
        } while (take(','));
        return take('}');
    }

    bool array(Value &out, int depth) {
        out.m_kind = Value::Kind::array;
        ++m_at;
        skip_space();
        if (take(']'))
            return true;
        do {
            skip_space();
            Value item;
            if (!value(item, depth + 1))
                return false;
            out.m_items.push_back(std::move(item));
            skip_space();
        } while (take(','));
        return take(']');
    }

    bool string(std::string &out) { return json::read_string(m_text, m_at, out); }

    /// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    bool number(std::string &out) {
        const std::size_t begin = m_at;
        take('-');
        if (take('0')) {
        } else if (!digits()) {
            return false;
        }
        if (take('.') && !digits())
            return false;
        if (take('e') || take('E')) {
            if (!take('+'))
                take('-');
            if (!digits())
                return false;
        }
        out.assign(m_text.substr(begin, m_at - begin));
        return true;
    }

    bool digits() {
        const std::size_t begin = m_at;
        while (m_at < m_text.size() && m_text[m_at] >= '0' && m_text[m_at] <= '9')
            ++m_at;
        return m_at > begin;
    }

    bool word(std::string_view expected) {
        if (m_text.substr(m_at, expected.size()) != expected)
            return false;
        m_at += expected.size();
        return true;
    }

    bool take(char c) {
        if (m_at < m_text.size() && m_text[m_at] == c) {
            ++m_at;
            return true;
        }
        return false;
    }

    void skip_space() {
        while (m_at < m_text.size() && (m_text[m_at] == ' ' || m_text[m_at] == '\t' ||
                                        m_text[m_at] == '\n' || m_text[m_at] == '\r'))
            ++m_at;
    }

    std::string_view m_text;
    std::size_t m_at = 0;
};

std::optional<Value> Value::parse(std::string_view text) {
    Value value;
    JsonReader reader(text);
    if (!reader.document(value))
        return std::nullopt;
    return value;
}

std::optional<long long> Value::integer() const noexcept {
    if (m_kind != Kind::number)
        return std::nullopt;
    long long value = 0;
    const auto [end, error] = std::from_chars(m_text.data(), m_text.data() + m_text.size(), value);
    if (error != std::errc() || end != m_text.data() + m_text.size())
        return std::nullopt;
    return value;
}

std::optional<bool> Value::boolean() const noexcept {
    if (m_kind != Kind::boolean)
        return std::nullopt;
    return m_boolean;
}

const std::vector<Value> &Value::elements() const noexcept {
    static const std::vector<Value> none;
    return m_kind == Kind::array ? m_items : none;
}

const std::vector<Value> &Value::members() const noexcept {
    static const std::vector<Value> none;
    return m_kind == Kind::object ? m_items : none;
}

const Value *Value::member(std::string_view key) const noexcept {
    if (m_kind != Kind::object)
        return nullptr;
    for (std::size_t i = 0; i < m_keys.size(); ++i)
        if (m_keys[i] == key)
            return &m_items[i];
    return nullptr;
}

} // namespace loa::json
