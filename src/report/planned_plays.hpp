#pragma once
// What the schedule planned for a period, for the report's "planned versus aired".
// The station database keeps every schedule version an operator loaded, with when
// it was loaded; each version planned the occurrences of the part of the period
// during which it was the active one. Pure: the caller reads the versions.
#include "core/clock.hpp"
#include "core/time_zone.hpp"
#include "schedule/schedule.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace loa::report {

/// One schedule version and when it was active: from its load until the next load.
struct ScheduleSpan {
    schedule::Schedule schedule;
    TimePoint active_from;
    std::optional<TimePoint> active_until; ///< None for the version active now.
};

/// How many items the versions planned in [from, to), per announcement id (intro
/// and outro chimes included, each `repeat` counted). Spans must not overlap.
std::map<std::string, std::size_t> planned_items(const std::vector<ScheduleSpan> &spans,
                                                 TimePoint from, TimePoint to,
                                                 const TimeZone &zone);

} // namespace loa::report
