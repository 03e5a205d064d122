#pragma once
// Checks of a parsed schedule against the station: what parse() cannot know from
// the file alone — which announcements exist, how long they last, when they may be
// broadcast, the station's quiet hours and session cap, and whether two slots of
// the same priority would play at once. Each problem is a Diagnostic for the same
// file, at the positions parse() kept. Pure: the library and the station are reached
// only through CheckContext.
#include "core/time_zone.hpp"
#include "schedule/schedule.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace loa::schedule {

/// What check() needs to know about one announcement of the library.
struct AnnouncementFacts {
    std::chrono::milliseconds duration{0};
    std::optional<std::chrono::year_month_day> valid_from, valid_until; ///< Inclusive.
};

/// Station-local times of day when only emergencies play: [begin, end), spanning
/// midnight when end < begin (22:00–05:00). begin == end means none.
struct QuietHours {
    std::chrono::seconds begin{22 * 3600};
    std::chrono::seconds end{5 * 3600};

    bool contains(std::chrono::seconds time_of_day) const noexcept;
};

struct CheckContext {
    /// The library's facts about an id; nullopt when the library has no such
    /// announcement. Called at most once per distinct id.
    std::function<std::optional<AnnouncementFacts>(const std::string &id)> lookup;
    std::optional<QuietHours> quiet_hours;           ///< nullopt: the station has none.
    std::optional<std::chrono::minutes> max_session; ///< nullopt: no cap.
    TimeZone zone = TimeZone::load("Asia/Ho_Chi_Minh");
    /// The first date a slot without any start date plays (the CLI passes today).
    /// nullopt: the earliest date the file names, or none.
    std::optional<std::chrono::year_month_day> today;
};

/// Every problem of `schedule` against the station, sorted by position:
/// - error: a `play`, `intro` or `outro` id the library does not have;
/// - warning: an announcement whose validity dates do not cover the slot's dates;
/// - error: a normal or priority slot starting inside quiet hours (at its `at` entry);
///   warning: one that starts before them and runs into them;
/// - warning: a slot longer than the station's session cap;
/// - error: two slots of the same priority that overlap on some date, naming both,
///   the first date and the times, computed from the real durations, intro, outro,
///   repeats and gaps, through the station's time zone.
/// Overlaps are searched from the first date the file names (or `today`) over at
/// most four years. Throws only std::bad_alloc.
std::vector<Diagnostic> check(const Schedule &schedule, const CheckContext &context);

/// How long one occurrence of `slot` lasts: its items back to back, with `gap`
/// between each two. `duration_of` gives an announcement's length (0 if unknown).
std::chrono::milliseconds
session_length(const Slot &slot,
               const std::function<std::chrono::milliseconds(const std::string &)> &duration_of);

} // namespace loa::schedule
