// expand(): walks the station-local dates that can hold an occurrence in the range,
// asks each slot whether it plays that day, and turns each of its times of day into
// an instant through the time zone (which settles DST gaps and overlaps).
#include "schedule/schedule.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace loa::schedule {
namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

bool within(const std::optional<year_month_day> &from, const std::optional<year_month_day> &until,
            year_month_day date) noexcept {
    return (!from || date >= *from) && (!until || date <= *until);
}

bool plays_on(const Slot &slot, year_month_day date) noexcept {
    if (!within(slot.from, slot.until, date))
        return false;
    if (!slot.dates.empty())
        return std::binary_search(slot.dates.begin(), slot.dates.end(), date);
    return (slot.weekdays & weekday_bit(std::chrono::weekday{sys_days{date}})) != 0;
}

/// For each skipped date, which slots (by index in the file) it silences.
class SkipIndex {
public:
    explicit SkipIndex(const Schedule &schedule) {
        for (const Skip &skip : schedule.skips)
            for (const year_month_day &date : skip.dates)
                mark(sys_days{date}, skip.slots, schedule.slots);
    }

    bool skips(sys_days day, std::size_t slot_index) const {
        const auto found = m_silenced.find(day);
        return found != m_silenced.end() && found->second[slot_index];
    }

private:
    void mark(sys_days day, const std::vector<std::string> &ids, const std::vector<Slot> &slots) {
        auto &silenced = m_silenced.try_emplace(day, slots.size(), false).first->second;
        for (std::size_t i = 0; i < slots.size(); ++i)
            if (ids.empty() || std::find(ids.begin(), ids.end(), slots[i].id) != ids.end())
                silenced[i] = true;
    }

    std::map<sys_days, std::vector<bool>> m_silenced;
};

std::vector<std::string> items_of(const Slot &slot) {
    std::vector<std::string> items;
    items.reserve(slot.play.size() * static_cast<std::size_t>(std::max(slot.repeat, 0)));
    for (int round = 0; round < slot.repeat; ++round)
        items.insert(items.end(), slot.play.begin(), slot.play.end());
    return items;
}

struct Found {
    Occurrence occurrence;
    std::size_t slot_index;
};

bool comes_before(const Found &a, const Found &b) noexcept {
    const auto key = [](const Found &found) {
        return std::tuple(found.occurrence.at, -static_cast<int>(found.occurrence.priority),
                          found.slot_index, found.occurrence.time_of_day);
    };
    return key(a) < key(b);
}

} // namespace

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
    for (sys_days day = first; day <= last; day += std::chrono::days{1}) {
        const year_month_day date{day};
        for (std::size_t index = 0; index < schedule.slots.size(); ++index) {
            const Slot &slot = schedule.slots[index];
            if (!plays_on(slot, date) || skips.skips(day, index))
                continue;
            for (const std::chrono::seconds time_of_day : slot.at) {
                const TimePoint at = tz.from_local(date, time_of_day);
                if (at < from || at >= to)
                    continue;
                found.push_back(
                    {{slot.id, at, slot.priority, slot.late, items_of(slot), date, time_of_day},
                     index});
            }
        }
    }
    std::sort(found.begin(), found.end(), comes_before);
    std::vector<Occurrence> occurrences;
    occurrences.reserve(found.size());
    for (Found &item : found)
        occurrences.push_back(std::move(item.occurrence));
    return occurrences;
}

} // namespace loa::schedule
