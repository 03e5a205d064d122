#include "engine/due_list.hpp"

#include "engine/decision.hpp"

#include <algorithm>

namespace loa::engine {

using namespace std::chrono_literals;

playlog::CivilDateTime identity_of(const schedule::Occurrence &occurrence) {
    return {occurrence.date,
            std::chrono::duration_cast<std::chrono::seconds>(occurrence.time_of_day)};
}

namespace {

/// How far one expansion reaches ahead (at least).
constexpr auto ahead_chunk = std::chrono::duration_cast<TimePoint::duration>(12h);

} // namespace

void DueList::restart(TimePoint earliest, TimePoint now, bool first) {
    // What waited under the old schedule is looked at again under the new one; what
    // already has its outcome is known by its identity and does not play again.
    TimePoint from = first ? earliest : std::min(m_settled_until, now);
    for (const Due &due : m_due)
        from = std::min(from, due.occurrence.at);
    m_due.clear();
    m_settled_until = std::max(from, earliest);
    m_ahead.clear();
    m_ahead_until = m_settled_until;
}

void DueList::look_ahead(const schedule::Schedule &schedule, TimePoint until) {
    if (until <= m_ahead_until)
        return;
    const TimePoint to = std::max(until, m_ahead_until + ahead_chunk);
    for (auto &occurrence : schedule::expand(schedule, m_ahead_until, to, m_zone))
        m_ahead.push_back(std::move(occurrence));
    m_ahead_until = to;
}

void DueList::collect(const schedule::Schedule &schedule, TimePoint horizon) {
    if (horizon <= m_settled_until)
        return;
    look_ahead(schedule, horizon);
    while (!m_ahead.empty() && m_ahead.front().at < horizon) {
        auto identity = identity_of(m_ahead.front());
        m_due.push_back({std::move(m_ahead.front()), std::move(identity), false, std::nullopt});
        m_ahead.pop_front();
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

std::optional<TimePoint> DueList::emergency_ahead(const schedule::Schedule &schedule,
                                                  TimePoint until) {
    look_ahead(schedule, until);
    for (const auto &occurrence : m_ahead) {
        if (occurrence.at >= until)
            break;
        if (occurrence.priority == Priority::emergency)
            return occurrence.at;
    }
    return std::nullopt;
}

std::optional<TimePoint> DueList::next_emergency(const schedule::Schedule &schedule,
                                                 TimePoint until) {
    std::optional<TimePoint> first;
    for (const Due &due : m_due)
        if (due.occurrence.priority == Priority::emergency)
            first = std::min(first.value_or(due.occurrence.at), due.occurrence.at);
    if (const auto ahead = emergency_ahead(schedule, until))
        first = std::min(first.value_or(*ahead), *ahead);
    return first;
}

bool DueList::emergency_due(const schedule::Schedule &schedule, const Due &current,
                            TimePoint horizon) {
    if (current.occurrence.priority == Priority::emergency)
        return false;
    for (const Due &other : m_due)
        if (&other != &current && other.occurrence.priority == Priority::emergency &&
            other.occurrence.at < horizon)
            return true;
    return emergency_ahead(schedule, horizon).has_value();
}

std::vector<schedule::Occurrence> DueList::upcoming(const schedule::Schedule &schedule,
                                                    TimePoint from, TimePoint until,
                                                    std::size_t count) {
    std::vector<schedule::Occurrence> found;
    std::size_t index = 0;
    while (found.size() < count) {
        for (; index < m_ahead.size() && found.size() < count && m_ahead[index].at < until; ++index)
            if (m_ahead[index].at >= from)
                found.push_back(m_ahead[index]);
        if (found.size() == count || m_ahead_until >= until || (index < m_ahead.size()))
            break;
        look_ahead(schedule, std::min(until, m_ahead_until + ahead_chunk));
    }
    return found;
}

} // namespace loa::engine
