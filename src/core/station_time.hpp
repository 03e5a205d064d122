#pragma once
// An instant as the station wrote it: the time point and the UTC offset in force
// where and when it was written. Play rows carry their times as this value; its
// ISO 8601 text is made only where a row is stored, hashed, exported or shown, and
// it keeps the offset it was written with, so a row's text stays the same even if
// the station's zone changes later.
#include "core/clock.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace loa {

class TimeZone;

struct StationTime {
    TimePoint instant;
    std::chrono::seconds utc_offset{0}; ///< East of UTC; written to the minute.

    /// `instant` with the offset `zone` has at it (at the millisecond text() shows).
    static StationTime in(const TimeZone &zone, TimePoint instant);

    /// ISO 8601 rounded to the millisecond, with the offset: "2020-07-20T06:00:00.004+07:00".
    /// The text of every stored, chained and exported play time (its form is frozen).
    std::string text() const;
    /// The station-local date.
    std::chrono::year_month_day date() const;
    /// "2020-07-20 06:00:00": the station-local time to the second, for people.
    std::string people_text() const;
    /// Milliseconds since the Unix epoch, truncated (the plays table's *_ms columns).
    std::int64_t unix_ms() const;

    /// The value of an ISO 8601 date-time with seconds, an optional fraction and an
    /// offset ("Z" or "+07:00"): every form text() writes and a few it does not.
    /// Nullopt for anything else.
    static std::optional<StationTime> parse(std::string_view text);

    friend bool operator==(const StationTime &, const StationTime &) = default;
};

} // namespace loa
