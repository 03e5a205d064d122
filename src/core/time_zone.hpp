#pragma once
// The station's time zone, from the system's zoneinfo (through cctz). All civil
// (station-local) times in loa pass through here, so daylight-saving rules are
// handled in one place even though Vietnam has none.
#include "core/clock.hpp"

#include <chrono>
#include <memory>
#include <string>

namespace loa {

/// A station-local calendar date and time of day.
struct LocalDateTime {
    std::chrono::year_month_day date;
    std::chrono::microseconds time_of_day{0};
    std::chrono::seconds utc_offset{0}; ///< Offset in force at that instant.
};

class TimeZone {
public:
    /// Loads a zone by IANA name ("Asia/Ho_Chi_Minh", "Etc/GMT-7").
    /// Throws InputError naming the zone if the system does not know it.
    static TimeZone load(const std::string &name);

    const std::string &name() const noexcept { return m_name; }

    LocalDateTime to_local(TimePoint instant) const;

    /// The instant of a station-local date and time. A time that does not exist
    /// (daylight-saving gap) maps to the first valid instant after the gap; a time
    /// that exists twice (overlap) maps to the earlier one.
    TimePoint from_local(std::chrono::year_month_day date, std::chrono::seconds time_of_day) const;

    /// ISO 8601 with the zone's offset, rounded to the millisecond: 2020-07-20T06:00:00.004+07:00
    /// (StationTime::in(zone, instant).text()).
    std::string format_iso(TimePoint instant) const;

    /// The local date as YYYY-MM-DD.
    std::string format_date(TimePoint instant) const;

private:
    struct Impl;
    TimeZone(std::string name, std::shared_ptr<const Impl> impl);
    std::string m_name;
    std::shared_ptr<const Impl> m_impl;
};

/// Parses YYYY-MM-DD; throws InputError naming `what` if it is not a real date.
std::chrono::year_month_day parse_date(const std::string &text, const std::string &what);

/// YYYY-MM-DD.
std::string format_date(std::chrono::year_month_day date);

} // namespace loa
