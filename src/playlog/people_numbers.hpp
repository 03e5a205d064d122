#pragma once
// How a play's numbers are shown to people: the command line's text listings and
// the presentation copies (Excel CSV, XLSX). Machine formats (--json, the raw CSV
// and JSON exports, `simulate`) keep the stored values: `position` counts from 0
// and `lateness_ms` is start minus planned instant, whatever its sign.
#include "playlog/play_fields.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace loa::playlog {

/// When a row is shown as having happened: its start, else its scheduled instant.
std::optional<StationTime> played_at(const PlayRecord &r);

/// An item's place in its occurrence as people count it: 1 for position 0.
std::int64_t people_position(std::int64_t position) noexcept;

/// Lateness as people read it. The log stores whole milliseconds, floored, so a
/// start a fraction of a millisecond before its instant (the device is started
/// ahead and aligned) reads -1 ms: anything up to 1 ms is 0, and an early start
/// is on time, not negative.
std::int64_t people_lateness_ms(std::int64_t lateness_ms) noexcept;

/// A stored integer as a field of `display` shows it to people: a place from 1,
/// a lateness as above, any other number as stored (seconds are the caller's
/// business, each copy writes them in its own form).
std::int64_t people_number(Display display, std::int64_t stored) noexcept;

} // namespace loa::playlog

namespace loa::playlog {

/// "YYYY-MM-DD[T ]HH:MM[:SS][...]" (an ISO 8601 instant, or a civil date-time) as
/// people read it: "dd/MM/yyyy HH:mm[:ss]", 24-hour, station time as written. Any
/// other text is returned as it is.
std::string people_date_time(std::string_view iso);

/// A decimal number written with a point ("-3.5") the Vietnamese way ("-3,5").
std::string people_decimal(std::string_view number);

} // namespace loa::playlog
