#pragma once
// A year of a busy station's play log, for the report benchmark and the sample
// report: two schedule versions (the second loaded on 1 July), 20 sessions a day
// of 12 items, every item of every occurrence with its outcome as the player
// would have logged it (some missed in power cuts, some interrupted or failed),
// a few emergency broadcasts, all hash-chained.
#include "core/time_zone.hpp"

#include <cstdint>

namespace loa::sqlite {
class Database;
}

namespace loa::test {

/// Fills `db` (an initialised station, empty log) with `year`'s plays. Returns how many.
std::int64_t fill_busy_year(sqlite::Database &db, const TimeZone &zone, int year);

} // namespace loa::test
