// The overlap check lays every occurrence of every slot over a window of dates as
// an interval of instants [start, start + length), sorts them, and sweeps once:
// an interval that starts while another of the same priority is still open
// overlaps it. Instants come from the time zone, so a DST shift that pushes one
// slot into another is found on the date it happens. A day of exactly 24 hours
// (every day but DST days) takes its times from its midnight, which keeps a year
// of a large file fast.
#include "schedule/overlap_check.hpp"

#include "schedule/calendar.hpp"
#include "core/time_of_day.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <tuple>

namespace loa::schedule {
namespace {

using std::chrono::days;
using std::chrono::milliseconds;
using std::chrono::sys_days;
using std::chrono::year_month_day;

/// How far the search looks: long enough for every weekday pattern and a whole
/// year of DST rules, bounded so that no file makes the check slow.
constexpr days open_ended_window{400};
constexpr days longest_window{4 * 366};
constexpr std::size_t max_intervals = 4'000'000;

struct Interval {
    TimePoint begin;
    TimePoint end;
    std::int32_t day; ///< The occurrence's station-local date, days since 1970-01-01.
    std::uint32_t slot;
    std::uint32_t at; ///< Index into the slot's `at`.
};

struct Window {
    sys_days first;
    sys_days last;
};

void earliest(std::optional<sys_days> &bound, sys_days day) {
    if (!bound || day < *bound)
        bound = day;
}

void latest(std::optional<sys_days> &bound, sys_days day) {
    if (!bound || day > *bound)
        bound = day;
}

/// The dates to search: from the first date any slot can play to the last, with
/// open ends closed by `today` or the dates the file names.
Window window_of(const Schedule &schedule, const CheckContext &context) {
    std::optional<sys_days> named_first, named_last;
    const auto name = [&](const std::optional<year_month_day> &date) {
        if (date) {
            earliest(named_first, sys_days{*date});
            latest(named_last, sys_days{*date});
        }
    };
    name(schedule.valid_from);
    name(schedule.valid_until);
    for (const Skip &skip : schedule.skips)
        for (const auto &date : skip.dates)
            name(date);
    for (const Slot &slot : schedule.slots) {
        name(slot.from);
        name(slot.until);
        if (!slot.dates.empty()) {
            name(slot.dates.front());
            name(slot.dates.back());
        }
    }
    const sys_days fallback =
        context.today ? sys_days{*context.today} : named_first.value_or(sys_days{days{0}});
    std::optional<sys_days> first, last;
    bool open_ended = false;
    for (const Slot &slot : schedule.slots) {
        std::optional<sys_days> slot_first, slot_last;
        for (const auto &date : {slot.from, schedule.valid_from})
            if (date)
                latest(slot_first, sys_days{*date});
        for (const auto &date : {slot.until, schedule.valid_until})
            if (date)
                earliest(slot_last, sys_days{*date});
        if (!slot.dates.empty()) {
            latest(slot_first, sys_days{slot.dates.front()});
            earliest(slot_last, sys_days{slot.dates.back()});
        }
        earliest(first, slot_first.value_or(fallback));
        if (slot_last)
            latest(last, *slot_last);
        else
            open_ended = true;
    }
    Window window{first.value_or(fallback), last.value_or(fallback)};
    if (open_ended)
        window.last = std::max({window.last, window.first, named_last.value_or(window.first)}) +
                      open_ended_window;
    window.last = std::min(window.last, window.first + longest_window);
    // parse() keeps dates within 2000–2199; `today` too must stay in the clock's range.
    constexpr sys_days earliest_day{std::chrono::year{1971} / 1 / 1};
    constexpr sys_days latest_day{std::chrono::year{2261} / 12 / 31};
    window.first = std::clamp(window.first, earliest_day, latest_day);
    window.last = std::clamp(window.last, earliest_day, latest_day);
    return window;
}

/// Every occurrence in the window as an interval, sorted by start.
std::vector<Interval> intervals_of(const Schedule &schedule,
                                   const std::vector<milliseconds> &lengths,
                                   const CheckContext &context) {
    const Window window = window_of(schedule, context);
    const SkipIndex skips(schedule);
    const TimeZone &zone = context.zone;
    std::vector<Interval> intervals;
    TimePoint midnight = zone.from_local(year_month_day{window.first}, std::chrono::seconds{0});
    for (sys_days day = window.first; day <= window.last; day += days{1}) {
        const year_month_day date{day};
        const TimePoint next_midnight =
            zone.from_local(year_month_day{day + days{1}}, std::chrono::seconds{0});
        const bool regular_day = next_midnight - midnight == std::chrono::hours{24};
        if (within(schedule.valid_from, schedule.valid_until, date)) {
            for (std::uint32_t index = 0; index < schedule.slots.size(); ++index) {
                const Slot &slot = schedule.slots[index];
                if (!plays_on(slot, date) || skips.skips(day, index))
                    continue;
                for (std::uint32_t at = 0; at < slot.at.size(); ++at) {
                    const TimePoint begin =
                        regular_day ? midnight + slot.at[at] : zone.from_local(date, slot.at[at]);
                    intervals.push_back({begin, begin + lengths[index],
                                         static_cast<std::int32_t>(day.time_since_epoch().count()),
                                         index, at});
                }
            }
        }
        if (intervals.size() > max_intervals)
            break;
        midnight = next_midnight;
    }
    std::sort(intervals.begin(), intervals.end(), [](const Interval &a, const Interval &b) {
        return std::tie(a.begin, a.slot, a.at) < std::tie(b.begin, b.slot, b.at);
    });
    return intervals;
}

/// HH:MM[:SS] of an instant, station-local; `round_up` for ends of sessions.
std::string local_time(const TimeZone &zone, TimePoint instant, bool round_up = false) {
    const auto local = zone.to_local(instant).time_of_day;
    auto seconds = std::chrono::floor<std::chrono::seconds>(local);
    if (round_up && seconds < local)
        seconds += std::chrono::seconds{1};
    return format_time_of_day(seconds % std::chrono::hours{24});
}

std::string overlap_message(const Schedule &schedule, const Interval &first, const Interval &second,
                            const TimeZone &zone) {
    const Slot &earlier = schedule.slots[first.slot];
    const Slot &later = schedule.slots[second.slot];
    const std::string starts = format_time_of_day(later.at[second.at]);
    const std::string date = format_date(year_month_day{sys_days{days{second.day}}});
    const std::string plays =
        "from " + local_time(zone, first.begin) + " to " + local_time(zone, first.end, true);
    const std::string fix = ": move one of them, shorten one, or give one another priority";
    if (first.slot == second.slot)
        return "slot '" + later.id + "' at " + starts +
               " starts while its own earlier session still plays: first on " + date +
               ", it plays " + plays + " and starts again at " + local_time(zone, second.begin) +
               ": move the time or shorten the slot";
    return "slot '" + later.id + "' at " + starts + " overlaps slot '" + earlier.id + "' (line " +
           std::to_string(earlier.position.line) + "), both of priority " +
           std::string(to_string(later.priority)) + ": first on " + date + ", '" + earlier.id +
           "' plays " + plays + " and '" + later.id + "' starts at " +
           local_time(zone, second.begin) + fix;
}

} // namespace

void check_overlaps(const Schedule &schedule, const std::vector<milliseconds> &lengths,
                    const CheckContext &context, DiagnosticList &out) {
    if (schedule.slots.empty())
        return;
    const std::vector<Interval> intervals = intervals_of(schedule, lengths, context);
    std::array<std::vector<Interval>, 3> open; // By priority: still playing.
    std::set<std::pair<std::uint32_t, std::uint32_t>> reported;
    for (const Interval &interval : intervals) {
        const Slot &slot = schedule.slots[interval.slot];
        auto &playing = open[static_cast<std::size_t>(slot.priority)];
        std::erase_if(playing, [&](const Interval &other) {
            return other.end <= interval.begin && other.begin != interval.begin;
        });
        for (const Interval &other : playing) {
            const auto pair = std::minmax(other.slot, interval.slot);
            if (!reported.insert(pair).second)
                continue;
            const auto position = interval.at < slot.at_positions.size()
                                      ? slot.at_positions[interval.at]
                                      : slot.position;
            out.error(position, overlap_message(schedule, other, interval, context.zone));
        }
        playing.push_back(interval);
    }
}

} // namespace loa::schedule
