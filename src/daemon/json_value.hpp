#pragma once
// A small JSON reader for the control socket's lines: requests from `loa` and the
// player's answers (EngineStatus nests objects and arrays, which the log's flat
// reader refuses). Strict RFC 8259; nesting is limited so a hostile line cannot
// exhaust the stack.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loa::daemon {

class JsonValue {
public:
    enum class Kind { null, boolean, number, string, array, object };

    /// Parses one JSON text (surrounding whitespace allowed); nullopt when it is not
    /// valid JSON, nests deeper than 32 levels, or has trailing bytes.
    static std::optional<JsonValue> parse(std::string_view text);

    Kind kind() const noexcept { return m_kind; }
    bool is_null() const noexcept { return m_kind == Kind::null; }

    /// The string's (unescaped) text, or nullptr for any other kind.
    const std::string *string() const noexcept {
        return m_kind == Kind::string ? &m_text : nullptr;
    }
    /// The number if it is an integer that fits in 64 bits.
    std::optional<long long> integer() const noexcept;
    std::optional<bool> boolean() const noexcept;
    /// An array's elements; empty for any other kind.
    const std::vector<JsonValue> &elements() const noexcept;
    /// An object's member named `key`, or nullptr (also for any other kind).
    const JsonValue *member(std::string_view key) const noexcept;

private:
    friend class JsonReader;
    Kind m_kind = Kind::null;
    bool m_boolean = false;
    std::string m_text;              ///< A string's text or a number as written.
    std::vector<std::string> m_keys; ///< An object's member names, parallel to m_items.
    std::vector<JsonValue> m_items;  ///< An array's elements or an object's values.
};

} // namespace loa::daemon
