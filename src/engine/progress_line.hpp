#pragma once
// The engine's progress lines as people read them on the console: the station's
// time of day (HH:MM:SS), with the date (dd/MM/yyyy) in front only when it is not
// the previous line's. One thread (the engine's).
#include "core/clock.hpp"
#include "core/time_zone.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace loa::engine {

class ProgressLines {
public:
    explicit ProgressLines(TimeZone zone) : m_zone(std::move(zone)) {}

    /// "06:15:00 MESSAGE", or "21/07/2020 00:00:05 MESSAGE" on a new date.
    std::string line(TimePoint at, std::string_view message);

private:
    TimeZone m_zone;
    std::optional<std::chrono::year_month_day> m_last_date;
};

/// A position as people count it: the first item is #1.
std::string position_text(std::int64_t position);

} // namespace loa::engine
