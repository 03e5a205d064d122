#pragma once
// Times of day as the schedule file writes them: "HH:MM" or "HH:MM:SS", 24-hour
// clock, two digits each. Schedules and station.toml both write times so.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace loa {

/// The time of day "HH:MM" or "HH:MM:SS" names; nullopt if it is anything else.
std::optional<std::chrono::seconds> parse_time_of_day(std::string_view text) noexcept;

/// Why `text` is not a time of day and what to write instead, for the operator.
/// Only meaningful when parse_time_of_day(text) failed.
std::string time_of_day_problem(std::string_view text);

/// "HH:MM", or "HH:MM:SS" when the seconds are not zero.
std::string format_time_of_day(std::chrono::seconds time_of_day);

} // namespace loa
