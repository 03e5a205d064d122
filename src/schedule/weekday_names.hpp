#pragma once
// Day names of a slot's `days` list: "mon" .. "sun" and "daily". Internal to the
// schedule module.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace loa::schedule {

/// Weekday bits (see weekday_bit) for a day name; nullopt if it is not one.
std::optional<std::uint8_t> weekday_mask(std::string_view name) noexcept;

/// What to write instead of an unknown day name, quoted as it belongs in the list
/// ("\"mon\"", or several for "weekdays"); nullopt if there is no good guess.
/// Knows English full names, common Vietnamese spellings ("thứ 2", "t2", "cn")
/// and small typos.
std::optional<std::string> day_name_suggestion(std::string_view name);

/// The day names, for messages: "mon", "tue", ... "sun" or "daily".
std::string day_names_help();

} // namespace loa::schedule
