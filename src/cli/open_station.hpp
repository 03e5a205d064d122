#pragma once
// What most commands need first: the station's settings, its time zone and its
// database, opened from the station home.
#include "core/time_zone.hpp"
#include "lib/sqlite/database.hpp"
#include "station/home.hpp"

#include <memory>

namespace loa::cli {

struct OpenStation {
    station::StationConfig config;
    TimeZone zone;
    std::unique_ptr<sqlite::Database> db;
};

using station::Access;

/// Throws InputError telling the operator to run `loa init` if there is no station,
/// and what Home::open_database throws for `access`.
OpenStation open_station(const station::Home &home, Access access = Access::write);

/// A station-local date range, inclusive, as the [from, to) instants it covers.
struct InstantRange {
    TimePoint from;
    TimePoint to;
};
InstantRange local_date_range(const TimeZone &zone, const std::string &from_date,
                              const std::string &to_date);

/// "no announcement 'ID' in the library; 'loa list' shows the ids", translated.
std::string no_such_announcement(const std::string &id);

} // namespace loa::cli
