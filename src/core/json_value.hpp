#pragma once
// The one JSON reader: the control socket's lines (requests from `loa`, the
// player's answers, whose EngineStatus nests objects and arrays) and, through
// playlog/flat_json.hpp, the log's canonical text and JSON exports. Strict RFC 8259;
// nesting is limited so a hostile line cannot exhaust the stack.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loa::json {

class Value {
public:
    enum class Kind { null, boolean, number, string, array, object };

    /// Parses one JSON text (surrounding whitespace allowed); nullopt when it is not
    /// valid JSON, nests deeper than 32 levels, or has trailing bytes.
    static std::optional<Value> parse(std::string_view text);

    Kind kind() const noexcept { return m_kind; }
    bool is_null() const noexcept { return m_kind == Kind::null; }

    /// The string's (unescaped) text, or nullptr for any other kind.
    const std::string *string() const noexcept {
        return m_kind == Kind::string ? &m_text : nullptr;
    }
    /// The number if it is an integer that fits in 64 bits.
    std::optional<long long> integer() const noexcept;
    /// The number as written, or nullptr for any other kind.
    const std::string *number() const noexcept {
        return m_kind == Kind::number ? &m_text : nullptr;
    }
    std::optional<bool> boolean() const noexcept;
    /// An array's elements; empty for any other kind.
    const std::vector<Value> &elements() const noexcept;
    /// An object's member named `key`, or nullptr (also for any other kind).
    const Value *member(std::string_view key) const noexcept;
    /// An object's member names in order, parallel to members(); empty for any other kind.
    const std::vector<std::string> &keys() const noexcept { return m_keys; }
    /// An object's member values in order; empty for any other kind.
    const std::vector<Value> &members() const noexcept;

private:
    friend class JsonReader;
    Kind m_kind = Kind::null;
    bool m_boolean = false;
    std::string m_text;              ///< A string's text or a number as written.
    std::vector<std::string> m_keys; ///< An object's member names, parallel to m_items.
    std::vector<Value> m_items;      ///< An array's elements or an object's values.
};

} // namespace loa::json
