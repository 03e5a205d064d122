// The overlap check lays every occurrence of every slot over a window of dates as
// an interval of instants [start, start + length), day by day in order of start,
// and sweeps once: an interval that starts while another of the same priority is
// still open overlaps it. Instants come from the time zone, so a DST shift that pushes one
// slot into another is found on the date it happens. A day of exactly 24 hours
// (every day but DST days) takes its times from its midnight, which keeps a year
// of a large file fast.
#include "schedule/overlap_check.hpp"

#include "core/i18n.hpp"
#include "core/time_of_day.hpp"
#include "schedule/calendar.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <queue>
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
/// A file with more overlapping pairs than this is wrong in one systematic way; the
/// rest are counted by slot, not listed, so the check's time and memory stay bounded.
constexpr std::size_t max_listed_pairs = 100;

struct Interval {
    TimePoint begin;
    TimePoint end;
    std::int32_t day; ///< The occurrence's station-local date, days since 1970-01-01.
    std::uint32_t slot;
    std::uint32_t at; ///< Index into the slot's `at`.
};

bool starts_before(const Interval &a, const Interval &b) {
    return std::tie(a.begin, a.slot, a.at) < std::tie(b.begin, b.slot, b.at);
}

struct StartsBefore {
    bool operator()(const Interval &a, const Interval &b) const { return starts_before(a, b); }
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

/// Feeds every occurrence in the window, as an interval, to `sink` in order of
/// start, one day at a time: a day's occurrences start before the next day's, so
/// only one day is ever held. Stops after the day on which `max_intervals` is passed.
template <typename Sink>
void for_each_interval(const Schedule &schedule, const std::vector<milliseconds> &lengths,
                       const CheckContext &context, Sink &&sink) {
    const Window window = window_of(schedule, context);
    const SkipIndex skips(schedule);
    const TimeZone &zone = context.zone;
    std::vector<Interval> today;
    std::size_t count = 0;
    TimePoint midnight = zone.from_local(year_month_day{window.first}, std::chrono::seconds{0});
    for (sys_days day = window.first; day <= window.last && count <= max_intervals;
         day += days{1}) {
        const year_month_day date{day};
        const TimePoint next_midnight =
            zone.from_local(year_month_day{day + days{1}}, std::chrono::seconds{0});
        const bool regular_day = next_midnight - midnight == std::chrono::hours{24};
        today.clear();
        if (within(schedule.valid_from, schedule.valid_until, date)) {
            for (std::uint32_t index = 0; index < schedule.slots.size(); ++index) {
                const Slot &slot = schedule.slots[index];
                if (!plays_on(slot, date) || skips.skips(day, index))
                    continue;
                for (std::uint32_t at = 0; at < slot.at.size(); ++at) {
                    const TimePoint begin =
                        regular_day ? midnight + slot.at[at] : zone.from_local(date, slot.at[at]);
                    today.push_back({begin, begin + lengths[index],
                                     static_cast<std::int32_t>(day.time_since_epoch().count()),
                                     index, at});
                }
            }
        }
        std::sort(today.begin(), today.end(), starts_before);
        for (const Interval &interval : today)
            sink(interval);
        count += today.size();
        midnight = next_midnight;
    }
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
    const std::string plays = i18n::format(_("from {1} to {2}"), local_time(zone, first.begin),
                                           local_time(zone, first.end, true));
    if (first.slot == second.slot)
        return i18n::format(_("slot '{1}' at {2} starts while its own earlier session still "
                              "plays: first on {3}, it plays {4} and starts again at {5}: move "
                              "the time or shorten the slot"),
                            later.id, starts, date, plays, local_time(zone, second.begin));
    return i18n::format(_("slot '{1}' at {2} overlaps slot '{3}' (line {4}), both of priority "
                          "{5}: first on {6}, '{3}' plays {7} and '{1}' starts at {8}: move one "
                          "of them, shorten one, or give one another priority"),
                        later.id, starts, earlier.id, std::to_string(earlier.position.line),
                        to_string(later.priority), date, plays, local_time(zone, second.begin));
}

SourcePosition position_of(const Slot &slot, const Interval &interval) {
    return interval.at < slot.at_positions.size() ? slot.at_positions[interval.at] : slot.position;
}

/// The sweep over intervals in order of start. For each priority it keeps only the
/// intervals still playing, grouped by slot, and a queue of when each stops: every
/// slot in a group plays at the current instant, so any two of them overlap. While
/// fewer than max_listed_pairs pairs are listed, a new interval is compared with one
/// interval of each playing slot (few: they overlap pairwise, each pair listed);
/// after that it only counts which slots overlap, so N slots at one time cost
/// N log N, not N², and memory stays that of the intervals playing at once.
class OverlapSweep {
public:
    OverlapSweep(const Schedule &schedule, const CheckContext &context, DiagnosticList &out)
        : m_schedule(schedule), m_context(context), m_out(out),
          m_overlapping(schedule.slots.size()), m_named(schedule.slots.size()) {}

    /// Intervals must come in order of starts_before.
    void add(const Interval &interval) {
        Lane &lane = m_lanes[static_cast<std::size_t>(m_schedule.slots[interval.slot].priority)];
        expire(lane, interval.begin);
        if (!lane.ends.empty())
            m_overlapping[interval.slot] = true;
        if (!m_first_unlisted)
            list_pairs(lane, interval);
        if (m_first_unlisted) // Listing is over: the groups are no longer needed.
            for (Lane &each : m_lanes)
                each.by_slot.clear();
        else
            lane.by_slot[interval.slot].insert(interval);
        // A zero-length interval still plays at its own instant.
        const TimePoint stops = std::max(interval.end, interval.begin + TimePoint::duration{1});
        lane.ends.push({stops, interval, ++lane.added});
    }

    /// Says how many overlaps were not listed, if any were not.
    void finish() {
        if (!m_first_unlisted)
            return;
        for (Lane &lane : m_lanes)
            expire(lane, TimePoint::max());
        std::size_t overlapping = 0, unnamed = 0;
        for (std::size_t slot = 0; slot < m_overlapping.size(); ++slot) {
            overlapping += m_overlapping[slot];
            unnamed += m_overlapping[slot] && !m_named[slot];
        }
        const std::string more =
            unnamed == 0
                ? std::string(_("more pairs of the slots named above overlap too"))
                : i18n::format(_("{1} more slots overlap another of the same priority, {2} slots "
                                 "in all"),
                               std::to_string(unnamed), std::to_string(overlapping));
        m_out.error(*m_first_unlisted,
                    i18n::format(_("only the first {1} pairs of overlapping slots are listed, and "
                                   "{2}: fix those listed (often one mistake repeated) and check "
                                   "again"),
                                 std::to_string(max_listed_pairs), more));
    }

private:
    struct Stop {
        TimePoint at;
        Interval interval;
        std::uint64_t added; ///< The lane's `added` once this interval was added.
        bool operator>(const Stop &other) const { return at > other.at; }
    };
    struct Lane {
        std::priority_queue<Stop, std::vector<Stop>, std::greater<>> ends;
        std::map<std::uint32_t, std::set<Interval, StartsBefore>> by_slot;
        std::uint64_t added = 0;
    };

    void expire(Lane &lane, TimePoint now) {
        while (!lane.ends.empty() && lane.ends.top().at <= now) {
            const Stop stop = lane.ends.top();
            lane.ends.pop();
            if (const auto group = lane.by_slot.find(stop.interval.slot);
                group != lane.by_slot.end()) {
                group->second.erase(stop.interval);
                if (group->second.empty())
                    lane.by_slot.erase(group);
            }
            if (lane.added > stop.added) // Something started while it played.
                m_overlapping[stop.interval.slot] = true;
        }
    }

    void list_pairs(const Lane &lane, const Interval &interval) {
        std::vector<const Interval *> others;
        for (const auto &[slot, group] : lane.by_slot)
            others.push_back(&*group.begin());
        std::sort(others.begin(), others.end(),
                  [](const Interval *a, const Interval *b) { return starts_before(*a, *b); });
        const Slot &slot = m_schedule.slots[interval.slot];
        for (const Interval *other : others) {
            const auto pair = std::minmax(other->slot, interval.slot);
            if (m_listed.count(pair))
                continue;
            if (m_listed.size() == max_listed_pairs) {
                m_first_unlisted = position_of(slot, interval);
                return;
            }
            m_listed.insert(pair);
            m_named[other->slot] = m_named[interval.slot] = true;
            m_out.error(position_of(slot, interval),
                        overlap_message(m_schedule, *other, interval, m_context.zone));
        }
    }

    const Schedule &m_schedule;
    const CheckContext &m_context;
    DiagnosticList &m_out;
    std::array<Lane, 3> m_lanes; ///< By priority.
    std::set<std::pair<std::uint32_t, std::uint32_t>> m_listed;
    std::vector<bool> m_overlapping; ///< By slot: it overlaps another (or itself).
    std::vector<bool> m_named;       ///< By slot: a listed message names it.
    std::optional<SourcePosition> m_first_unlisted;
};

} // namespace

void check_overlaps(const Schedule &schedule, const std::vector<milliseconds> &lengths,
                    const CheckContext &context, DiagnosticList &out) {
    if (schedule.slots.empty())
        return;
    OverlapSweep sweep(schedule, context, out);
    for_each_interval(schedule, lengths, context,
                      [&](const Interval &interval) { sweep.add(interval); });
    sweep.finish();
}

} // namespace loa::schedule
