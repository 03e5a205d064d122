// expand(): walks the station-local dates that can hold an occurrence in the range,
// asks each slot whether it plays that day, and turns each of its times of day into
// an instant through the time zone (which settles DST gaps and overlaps).
#include "schedule/calendar.hpp"
#include "schedule/schedule.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace loa::schedule {
namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

/// Where one occurrence comes in the order of expand(); small, so sorting is cheap.
struct Found {
    TimePoint at;
    int rank; ///< Minus the priority: the highest first.
    std::size_t slot_index;
    std::chrono::seconds time_of_day;
    sys_days day;
};

inline bool comes_before(const Found &a, const Found &b) noexcept {
    return std::tie(a.at, a.rank, a.slot_index, a.time_of_day) <
           std::tie(b.at, b.rank, b.slot_index, b.time_of_day);
}

} // namespace

std::vector<std::string> items_of(const Slot &slot) {
    std::vector<std::string> items;
    items.reserve(slot.play.size() * static_cast<std::size_t>(std::max(slot.repeat, 0)) + 2);
    if (slot.intro)
        items.push_back(*slot.intro);
    for (int round = 0; round < slot.repeat; ++round)
        items.insert(items.end(), slot.play.begin(), slot.play.end());
    if (slot.outro)
        items.push_back(*slot.outro);
    return items;
}

std::vector<Occurrence> expand(const Schedule &schedule, TimePoint from, TimePoint to,
                               const TimeZone &tz) {
    if (to <= from)
        return {};
    // A day of margin each side: the range's ends are instants, and a zone's offset
    // (or a DST shift) can move a civil time across a date boundary.
    sys_days first = sys_days{tz.to_local(from).date} - std::chrono::days{1};
    sys_days last = sys_days{tz.to_local(to).date} + std::chrono::days{1};
    if (schedule.valid_from)
        first = std::max(first, sys_days{*schedule.valid_from});
    if (schedule.valid_until)
        last = std::min(last, sys_days{*schedule.valid_until});

    const SkipIndex skips(schedule);
    std::vector<Found> found;
    // A day of exactly 24 hours (all but DST days) takes its instants from its
    // midnight; the others ask the zone for each time, which settles gaps and overlaps.
    TimePoint midnight = tz.from_local(year_month_day{first}, std::chrono::seconds{0});
    for (sys_days day = first; day <= last; day += std::chrono::days{1}) {
        const year_month_day date{day};
        const TimePoint next_midnight =
            tz.from_local(year_month_day{day + std::chrono::days{1}}, std::chrono::seconds{0});
        const bool regular_day = next_midnight - midnight == std::chrono::hours{24};
        for (std::size_t index = 0; index < schedule.slots.size(); ++index) {
            const Slot &slot = schedule.slots[index];
            if (!plays_on(slot, date) || skips.skips(day, index))
                continue;
            for (const std::chrono::seconds time_of_day : slot.at) {
                const TimePoint at =
                    regular_day ? midnight + time_of_day : tz.from_local(date, time_of_day);
                if (at >= from && at < to)
                    found.push_back(
                        {at, -static_cast<int>(slot.priority), index, time_of_day, day});
            }
        }
        midnight = next_midnight;
    }
    std::sort(found.begin(), found.end(),
              [](const Found &a, const Found &b) { return comes_before(a, b); });
    std::vector<std::vector<std::string>> slot_items;
    slot_items.reserve(schedule.slots.size());
    for (const Slot &slot : schedule.slots)
        slot_items.push_back(items_of(slot));
    std::vector<Occurrence> occurrences;
    occurrences.reserve(found.size());
    for (const Found &item : found) {
        const Slot &slot = schedule.slots[item.slot_index];
        occurrences.push_back({slot.id, item.at, slot.priority, slot.late,
                               slot_items[item.slot_index], slot.gap, year_month_day{item.day},
                               item.time_of_day, slot.on_interrupt});
    }
    return occurrences;
}

} // namespace loa::schedule
