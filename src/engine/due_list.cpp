#include "engine/due_list.hpp"

#include "engine/decision.hpp"

#include <algorithm>
#include <cstdio>

namespace loa::engine {

using namespace std::chrono_literals;

std::string identity_of(const schedule::Occurrence &occurrence) {
    const auto seconds = occurrence.time_of_day.count();
    char text[64];
    std::snprintf(
        text, sizeof text, "%04d-%02u-%02uT%02lld:%02lld:%02lld",
        static_cast<int>(occurrence.date.year()), static_cast<unsigned>(occurrence.date.month()),
        static_cast<unsigned>(occurrence.date.day()), static_cast<long long>(seconds / 3600),
        static_cast<long long>(seconds / 60 % 60), static_cast<long long>(seconds % 60));
    return text;
}

void DueList::restart(TimePoint earliest, TimePoint now, bool first) {
    // What waited under the old schedule is looked at again under the new one; what
    // already has its outcome is known by its identity and does not play again.
    TimePoint from = first ? earliest : std::min(m_settled_until, now);
    for (const Due &due : m_due)
        from = std::min(from, due.occurrence.at);
    m_due.clear();
    m_settled_until = std::max(from, earliest);
}

void DueList::collect(const schedule::Schedule &schedule, TimePoint horizon) {
    if (horizon <= m_settled_until)
        return;
    for (auto &occurrence : schedule::expand(schedule, m_settled_until, horizon, m_zone)) {
        std::string identity = identity_of(occurrence);
        m_due.push_back({std::move(occurrence), std::move(identity), false, std::nullopt});
    }
    m_settled_until = horizon;
}

Due &DueList::best() {
    return *std::min_element(m_due.begin(), m_due.end(), [](const Due &a, const Due &b) {
        return goes_before(a.occurrence.priority, a.occurrence.at, b.occurrence.priority,
                           b.occurrence.at);
    });
}

void DueList::remove(const Due &due) {
    m_due.erase(m_due.begin() + (&due - m_due.data()));
}

const Due *DueList::later_of_same_slot(const Due &due, TimePoint now) const {
    const Due *latest = nullptr;
    for (const Due &other : m_due)
        if (&other != &due && other.occurrence.slot == due.occurrence.slot &&
            other.occurrence.at > due.occurrence.at && other.occurrence.at <= now &&
            (!latest || other.occurrence.at > latest->occurrence.at))
            latest = &other;
    return latest;
}

std::optional<TimePoint> DueList::next_emergency(const schedule::Schedule &schedule,
                                                 TimePoint until) const {
    std::optional<TimePoint> first;
    for (const Due &due : m_due)
        if (due.occurrence.priority == Priority::emergency)
            first = std::min(first.value_or(due.occurrence.at), due.occurrence.at);
    if (until > m_settled_until)
        for (const auto &occurrence : schedule::expand(schedule, m_settled_until, until, m_zone))
            if (occurrence.priority == Priority::emergency) {
                first = std::min(first.value_or(occurrence.at), occurrence.at);
                break;
            }
    return first;
}

bool DueList::emergency_due(const schedule::Schedule &schedule, const Due &current,
                            TimePoint horizon) const {
    if (current.occurrence.priority == Priority::emergency)
        return false;
    for (const Due &other : m_due)
        if (&other != &current && other.occurrence.priority == Priority::emergency &&
            other.occurrence.at < horizon)
            return true;
    if (horizon <= m_settled_until)
        return false;
    const auto coming = schedule::expand(schedule, m_settled_until, horizon, m_zone);
    return std::any_of(coming.begin(), coming.end(), [](const schedule::Occurrence &o) {
        return o.priority == Priority::emergency;
    });
}

std::vector<schedule::Occurrence> DueList::upcoming(const schedule::Schedule &schedule,
                                                    TimePoint from, TimePoint until,
                                                    std::size_t count) const {
    // Windows that double from an hour, so a dense schedule expands only what it needs.
    std::vector<schedule::Occurrence> found;
    TimePoint start = std::max(m_settled_until, from);
    const TimePoint end = until;
    for (auto window = std::chrono::duration_cast<TimePoint::duration>(1h);
         start < end && found.size() < count; window *= 2) {
        const TimePoint stop = std::min(end, start + window);
        for (auto &occurrence : schedule::expand(schedule, start, stop, m_zone)) {
            if (found.size() == count)
                break;
            found.push_back(std::move(occurrence));
        }
        start = stop;
    }
    return found;
}

} // namespace loa::engine
