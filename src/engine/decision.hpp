#pragma once
// The engine's decision core: what becomes of each due item, as a pure function of
// (the occurrence, what its items already have, now, the station's policy, the
// device's state). No threads, no SQLite, no clock reads: the engine gathers the
// facts, asks here, and carries out the answer (engine_items.cpp); tests ask by table.
//
// The rules, in the order they apply:
// - The late policy is decided once per occurrence, for the first item still to play,
//   from that item's own plan: a start within 2 s of it is on time; later than that,
//   a later time of the same slot already due plays instead (after downtime only the
//   latest plays), `late = "0"` refuses, `late = "10m"` refuses beyond 10 minutes,
//   `late = "always"` plays. A refusal is kept for every remaining item: missed, with
//   why the engine was late (gaps: not running, clock jump, device failure; else busy).
// - Inside quiet hours nothing but an emergency starts: skipped.
// - An id the library does not have fails that item; the others play.
// - Between two items, a waiting request or a due emergency goes first (yield).
// - A non-emergency item that an emergency would cut stops just before it; if it
//   could not even start, it waits for the emergency's pre-roll.
// - A play the station's loudness settings would make silent fails (its file is not).
// - Requests: an emergency before other waiting requests; a normal or priority play
//   in quiet hours is skipped; an id gone from the library fails.
// - Among due occurrences: the highest priority first, equal priorities in time order.
#include "core/clock.hpp"
#include "core/time_zone.hpp"
#include "core/vocabulary.hpp"
#include "playlog/reason.hpp"
#include "schedule/late_policy.hpp"
#include "station/station_config.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace loa::engine {

/// The station's rules that decide a fate (station.toml).
struct StationPolicy {
    TimeZone zone;
    std::optional<station::QuietHours> quiet_hours;
};

/// Time the engine could not play in, and why (for `missed` reasons).
struct Gap {
    TimePoint from, to;
    playlog::Reason reason;
};

/// What the engine knows of the sound device and its own downtime.
struct DeviceState {
    std::vector<Gap> gaps;                 ///< Oldest first.
    std::optional<TimePoint> failed_since; ///< The device is failing since then.
};

enum class Fate {
    play,  ///< Start it at Decision::start_at (late when after its plan).
    miss,  ///< Log it missed with Decision::reason.
    skip,  ///< Log it skipped with Decision::reason.
    fail,  ///< Log it failed with Decision::reason (nothing played).
    wait,  ///< Do not start it before Decision::wait_until (an emergency comes first).
    yield, ///< Leave it due and go back to the loop (a request or an emergency first).
};

struct Decision {
    Fate fate = Fate::play;
    playlog::Reason reason;             ///< miss, skip, fail.
    TimePoint start_at{};               ///< play: when its first sample should leave.
    std::optional<TimePoint> stop_at{}; ///< play: stop it then (a scheduled emergency).
    TimePoint wait_until{};             ///< wait.
};

/// The occurrence-level late decision: none when it may play, else the reason it is missed.
struct LateFacts {
    TimePoint planned; ///< When the first item still to play should have started.
    TimePoint now;
    schedule::LatePolicy late;
    playlog::Reason why_late; ///< why_late(device, planned).
    std::optional<std::string>
        later_time; ///< "2020-07-20 06:00": the same slot's later time, if due.
};
std::optional<playlog::Reason> late_refusal(const LateFacts &facts);

/// Why the engine was not playing at `at`: the latest gap that holds it, the failing
/// device, or else it was busy.
playlog::Reason why_late(const DeviceState &device, TimePoint at);

/// One item of a due occurrence, the late decision already taken.
struct ItemFacts {
    std::string announcement;
    Priority priority = Priority::normal;
    TimePoint occurrence_at;
    TimePoint planned_start; ///< After the previous item and the gap, or its own plan.
    TimePoint now;
    std::optional<playlog::Reason> refusal; ///< The occurrence's late decision.
    bool in_library = true;
    bool between_items = false; ///< An item of this occurrence already played in this pass.
    bool request_waiting = false;
    bool emergency_due = false;          ///< Another occurrence, an emergency, is due by now.
    std::chrono::milliseconds length{0}; ///< What remains of the file to play.
    /// The first emergency occurrence due before this item would end, if any.
    std::optional<TimePoint> next_emergency;
    std::chrono::milliseconds preroll{1500};
};
Decision decide_item(const ItemFacts &facts, const StationPolicy &policy);
/// When the item of `facts` would start if it plays (Decision::start_at).
TimePoint item_start(const ItemFacts &facts);

/// A request to play now (loa play, the control socket).
struct RequestFacts {
    std::string announcement;
    Priority priority = Priority::normal;
    TimePoint now;
    bool in_library = true;
    std::chrono::milliseconds length{0};     ///< What remains of the file to play.
    std::optional<TimePoint> next_emergency; ///< As ItemFacts::next_emergency.
    std::chrono::milliseconds preroll{1500};
};
Decision decide_request(const RequestFacts &facts, const StationPolicy &policy);

/// Where a play starting at `start_at` would end, at most: emergencies due before
/// then (and their pre-roll) are the ones ItemFacts::next_emergency asks for.
TimePoint emergency_horizon(TimePoint start_at, TimePoint now, std::chrono::milliseconds length,
                            std::chrono::milliseconds preroll);

/// True when quiet hours hold at `instant` (station-local).
bool in_quiet_hours(const StationPolicy &policy, TimePoint instant);

/// The reason a play would come out silent though its file is not, if so: the file's
/// loudest sample (`sample_peak_dbfs`) at `gain_db` stays under the silence threshold.
std::optional<playlog::Reason>
silent_output(bool file_silent, std::optional<double> sample_peak_dbfs, double gain_db);

/// Which of two due occurrences goes first: the higher priority, then the earlier.
bool goes_before(Priority a_priority, TimePoint a_at, Priority b_priority, TimePoint b_at);

} // namespace loa::engine
