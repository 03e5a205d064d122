#include "schedule/calendar.hpp"

#include <algorithm>

namespace loa::schedule {

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

SkipIndex::SkipIndex(const Schedule &schedule) {
    for (const Skip &skip : schedule.skips)
        for (const year_month_day &date : skip.dates)
            mark(sys_days{date}, skip.slots, schedule.slots);
}

bool SkipIndex::skips(sys_days day, std::size_t slot_index) const {
    const auto found = m_silenced.find(day);
    return found != m_silenced.end() && found->second[slot_index];
}

void SkipIndex::mark(sys_days day, const std::vector<std::string> &ids,
                     const std::vector<Slot> &slots) {
    auto &silenced = m_silenced.try_emplace(day, slots.size(), false).first->second;
    for (std::size_t i = 0; i < slots.size(); ++i)
        if (ids.empty() || std::find(ids.begin(), ids.end(), slots[i].id) != ids.end())
            silenced[i] = true;
}

} // namespace loa::schedule
