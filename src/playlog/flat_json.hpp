#pragma once
// Reads one flat JSON object (string, integer, boolean and null members only): the
// log's canonical text and the lines of a JSON export. Strict, because a verifier
// that guesses would accept a tampered file.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loa::playlog {

/// One member's value as text: strings unescaped, numbers and booleans as written,
/// null as nullopt.
using FlatValue = std::optional<std::string>;
using FlatObject = std::vector<std::pair<std::string, FlatValue>>;

/// Parses `text`; nullopt when it is not a flat JSON object (nested values,
/// trailing bytes, bad escapes). Members keep their order.
std::optional<FlatObject> parse_flat_json(std::string_view text);

/// The member named `key`, or nullptr.
const FlatValue *find_member(const FlatObject &object, std::string_view key);

} // namespace loa::playlog
