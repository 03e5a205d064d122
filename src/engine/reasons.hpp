#pragma once
// Every reason the engine writes into a play row or a problem line, each built in
// one place, as data: a code of playlog/reason_text.hpp's catalogue and its
// parameters in machine form. Nothing here formats text; a reason is written out
// for people only where it is shown.
#include "playlog/reason.hpp"

#include <chrono>
#include <string>

namespace loa::engine::reasons {

using playlog::Reason;

/// Why the engine could not play at an instant (a gap's reason). Instants are ISO 8601.
Reason player_not_running();
Reason clock_jumped_forward(const std::string &from, const std::string &to);
Reason clock_went_back(const std::string &from, const std::string &to);
Reason device_failed();
Reason busy_with_earlier_plays();

/// Missed: `why` the engine was late (one of the above), then the late policy that refused it.
Reason later_time_plays_instead(const Reason &why, const std::string &later_date_time);
Reason late_not_allowed(const Reason &why, std::chrono::seconds late);
Reason later_than_allowed(const Reason &why, std::chrono::seconds late,
                          std::chrono::seconds allowed);

/// Skipped.
Reason quiet_hours();
Reason quiet_hours_on_demand();

/// Failed before a first sample.
Reason not_in_library(const std::string &announcement);
Reason not_in_library_any_more(const std::string &announcement);
Reason silent_output(double output_peak_dbfs);

/// Interrupted.
Reason preempted_by_emergency(bool scheduled);
Reason player_stopped();
Reason stopped_before_start();
Reason crash_cut();

/// Not started: the play log says the item has its outcome already.
Reason already_has_outcome();

} // namespace loa::engine::reasons
