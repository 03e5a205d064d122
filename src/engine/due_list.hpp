#pragma once
// The occurrences the engine has come to and not finished, and the watermark before
// which every occurrence is either here or handled. Engine thread only. The schedule
// is expanded ahead in chunks of hours and the occurrences kept in order (an
// expansion costs the same for a minute as for a day), so each step costs little
// however dense the schedule: a day of 5,000 plays simulates in well under a second.
#include "core/clock.hpp"
#include "core/time_zone.hpp"
#include "playlog/civil_date_time.hpp"
#include "playlog/reason.hpp"
#include "schedule/schedule.hpp"

#include <chrono>
#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace loa::engine {

/// One occurrence waiting to be handled, and the late-policy decision taken when
/// the engine first came to it (kept, so an emergency does not make it late).
struct Due {
    schedule::Occurrence occurrence;
    playlog::CivilDateTime
        identity; ///< PlayRecord::occurrence: its civil date and time as scheduled.
    bool decided = false;
    std::optional<playlog::Reason> refusal;
};

/// The occurrence's identity: its slot's civil date and time of day, as scheduled.
playlog::CivilDateTime identity_of(const schedule::Occurrence &occurrence);

class DueList {
public:
    explicit DueList(TimeZone zone) : m_zone(std::move(zone)) {}

    /// A schedule (new or changed) becomes active: what waited is looked at again from
    /// its own instant, never from before `earliest` (when the version was loaded).
    void restart(TimePoint earliest, TimePoint now, bool first);
    /// Takes in every occurrence of `schedule` before `horizon`.
    void collect(const schedule::Schedule &schedule, TimePoint horizon);
    bool empty() const noexcept { return m_due.empty(); }
    /// The occurrence to handle next: the highest priority, equal priorities in time order.
    Due &best();
    /// Drops `due` (a reference best() gave) once all its items have their outcome.
    void remove(const Due &due);

    /// After downtime, the latest past occurrence of `due`'s slot other than its own, if
    /// one is waiting too: only that one plays late.
    const Due *later_of_same_slot(const Due &due, TimePoint now) const;
    /// The instant of the first emergency occurrence due before `until`, if any.
    std::optional<TimePoint> next_emergency(const schedule::Schedule &schedule, TimePoint until);
    /// True when an emergency occurrence other than `current` is due before `horizon`.
    bool emergency_due(const schedule::Schedule &schedule, const Due &current, TimePoint horizon);
    /// Up to `count` occurrences from max(watermark, `from`) until `until`, in time order.
    std::vector<schedule::Occurrence> upcoming(const schedule::Schedule &schedule, TimePoint from,
                                               TimePoint until, std::size_t count);

private:
    /// Expands `schedule` ahead so that m_ahead covers everything before `until`.
    void look_ahead(const schedule::Schedule &schedule, TimePoint until);
    /// The first emergency in m_ahead before `until`.
    std::optional<TimePoint> emergency_ahead(const schedule::Schedule &schedule, TimePoint until);

    TimeZone m_zone;
    std::vector<Due> m_due;
    TimePoint m_settled_until{}; ///< Every occurrence before this instant is in m_due or handled.
    std::deque<schedule::Occurrence> m_ahead; ///< From m_settled_until to m_ahead_until, in order.
    TimePoint m_ahead_until{};
};

} // namespace loa::engine
