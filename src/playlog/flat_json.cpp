#include "playlog/flat_json.hpp"

#include "core/json_value.hpp"

#include <algorithm>

namespace loa::playlog {
namespace {

/// A member's value; none when it is not a string, an integer, a boolean or null.
std::optional<FlatValue> scalar(const json::Value &value) {
    using Kind = json::Value::Kind;
    switch (value.kind()) {
    case Kind::null:
        return FlatValue{};
    case Kind::boolean:
        return FlatValue{*value.boolean() ? "true" : "false"};
    case Kind::string:
        return FlatValue{*value.string()};
    case Kind::number: {
        const std::string &text = *value.number();
        if (std::any_of(text.begin(), text.end(),
                        [](char c) { return c == '.' || c == 'e' || c == 'E'; }))
            return std::nullopt; // the log writes integers only
        return FlatValue{text};
    }
    default:
        return std::nullopt;
    }
}

} // namespace

std::optional<FlatObject> parse_flat_json(std::string_view text) {
    const auto parsed = json::Value::parse(text);
    if (!parsed || parsed->kind() != json::Value::Kind::object)
        return std::nullopt;
    FlatObject members;
    for (std::size_t i = 0; i < parsed->keys().size(); ++i) {
        auto value = scalar(parsed->members()[i]);
        if (!value)
            return std::nullopt;
        members.emplace_back(parsed->keys()[i], std::move(*value));
    }
    return members;
}

const FlatValue *find_member(const FlatObject &object, std::string_view key) {
    for (const auto &[name, value] : object)
        if (name == key)
            return &value;
    return nullptr;
}

} // namespace loa::playlog
