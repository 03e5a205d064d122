#include "engine/decision.hpp"

#include "engine/reasons.hpp"

#include <algorithm>
#include <cmath>

namespace loa::engine {
namespace {

using namespace std::chrono_literals;

/// A start this close to its instant counts as on time for the `late` policy.
constexpr auto on_time_tolerance = 2s;
/// A scheduled emergency stops what plays this long before its instant (the fade
/// takes at most 300 ms), so it starts on time.
constexpr auto emergency_lead = 500ms;
/// Under this, the output is silence (the library's threshold for a silent file).
constexpr double silence_dbfs = -60.0;

Decision with(Fate fate, playlog::Reason reason = {}) {
    Decision decision;
    decision.fate = fate;
    decision.reason = std::move(reason);
    return decision;
}

/// A play that `next_emergency` would cut stops just before it, or, if it could not
/// even start, waits for the emergency's pre-roll.
Decision fit_before_emergency(Decision decision, Priority priority, TimePoint now,
                              std::optional<TimePoint> next_emergency,
                              std::chrono::milliseconds preroll) {
    if (priority == Priority::emergency || !next_emergency)
        return decision;
    decision.stop_at = *next_emergency - emergency_lead;
    if (*decision.stop_at > std::max(decision.start_at, now))
        return decision;
    Decision wait = with(Fate::wait);
    wait.wait_until = *next_emergency - preroll;
    return wait;
}

} // namespace

TimePoint emergency_horizon(TimePoint start_at, TimePoint now, std::chrono::milliseconds length,
                            std::chrono::milliseconds preroll) {
    return std::max(start_at, now) + length + preroll;
}

std::optional<playlog::Reason> late_refusal(const LateFacts &facts) {
    const auto lateness = facts.now - facts.planned;
    if (lateness <= on_time_tolerance)
        return std::nullopt;
    if (facts.later_time)
        return reasons::later_time_plays_instead(facts.why_late, *facts.later_time);
    using Kind = schedule::LatePolicy::Kind;
    const auto late = std::chrono::duration_cast<std::chrono::seconds>(lateness);
    if (facts.late.kind == Kind::never)
        return reasons::late_not_allowed(facts.why_late, late);
    if (facts.late.kind == Kind::within && late > facts.late.within)
        return reasons::later_than_allowed(facts.why_late, late, facts.late.within);
    return std::nullopt;
}

playlog::Reason why_late(const DeviceState &device, TimePoint at) {
    for (auto gap = device.gaps.rbegin(); gap != device.gaps.rend(); ++gap)
        if (at >= gap->from && at < gap->to)
            return gap->reason;
    if (device.failed_since && at >= *device.failed_since)
        return reasons::device_failed();
    return reasons::busy_with_earlier_plays();
}

bool in_quiet_hours(const StationPolicy &policy, TimePoint instant) {
    if (!policy.quiet_hours)
        return false;
    const auto local = policy.zone.to_local(instant);
    return policy.quiet_hours->contains(
        std::chrono::duration_cast<std::chrono::seconds>(local.time_of_day));
}

TimePoint item_start(const ItemFacts &facts) {
    return std::max(facts.planned_start, facts.occurrence_at);
}

Decision decide_item(const ItemFacts &facts, const StationPolicy &policy) {
    if (facts.between_items && !facts.refusal && (facts.request_waiting || facts.emergency_due))
        return with(Fate::yield);
    if (facts.refusal)
        return with(Fate::miss, *facts.refusal);
    const bool emergency = facts.priority == Priority::emergency;
    if (!emergency && in_quiet_hours(policy, std::max(facts.now, facts.planned_start)))
        return with(Fate::skip, reasons::quiet_hours());
    if (!facts.in_library)
        return with(Fate::fail, reasons::not_in_library(facts.announcement));
    Decision decision = with(Fate::play);
    decision.start_at = item_start(facts);
    return fit_before_emergency(decision, facts.priority, facts.now, facts.next_emergency,
                                facts.preroll);
}

Decision decide_request(const RequestFacts &facts, const StationPolicy &policy) {
    if (!facts.in_library)
        return with(Fate::fail, reasons::not_in_library_any_more(facts.announcement));
    if (facts.priority != Priority::emergency && in_quiet_hours(policy, facts.now))
        return with(Fate::skip, reasons::quiet_hours_on_demand());
    Decision decision = with(Fate::play);
    decision.start_at = facts.now;
    return fit_before_emergency(decision, facts.priority, facts.now, facts.next_emergency,
                                facts.preroll);
}

std::optional<playlog::Reason>
silent_output(bool file_silent, std::optional<double> sample_peak_dbfs, double gain_db) {
    if (file_silent || !sample_peak_dbfs || !std::isfinite(*sample_peak_dbfs))
        return std::nullopt;
    const double output_peak = *sample_peak_dbfs + gain_db;
    if (std::isnan(gain_db) || !(output_peak >= silence_dbfs))
        return reasons::silent_output(output_peak);
    return std::nullopt;
}

bool goes_before(Priority a_priority, TimePoint a_at, Priority b_priority, TimePoint b_at) {
    const auto rank = [](Priority priority) { return -static_cast<int>(priority); };
    return std::make_pair(rank(a_priority), a_at) < std::make_pair(rank(b_priority), b_at);
}

} // namespace loa::engine
