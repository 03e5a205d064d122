#pragma once
// Every reason the engine writes into a play row or a problem line, each built in
// one place. English for now; a later issue turns them into codes.
#include "core/clock.hpp"

#include <chrono>
#include <string>

namespace loa::engine::reasons {

/// Why the engine could not play at an instant (a gap's reason).
std::string player_not_running();
std::string clock_jumped_forward(const std::string &from, const std::string &to);
std::string clock_went_back(const std::string &from, const std::string &to);
std::string device_failed();
std::string busy_with_earlier_plays();

/// Missed: `why` the engine was late, then the late policy that refused it.
std::string later_time_plays_instead(const std::string &why, const std::string &later_date_time);
std::string late_not_allowed(const std::string &why, std::chrono::seconds late);
std::string later_than_allowed(const std::string &why, std::chrono::seconds late,
                               std::chrono::seconds allowed);

/// Skipped.
std::string quiet_hours();
std::string quiet_hours_on_demand();

/// Failed before a first sample.
std::string not_in_library(const std::string &announcement);
std::string not_in_library_any_more(const std::string &announcement);
std::string silent_output(double output_peak_dbfs);

/// Interrupted.
std::string preempted_by_emergency(bool scheduled);
std::string player_stopped();
std::string stopped_before_start();
std::string crash_cut();

/// Not started: the play log says the item has its outcome already.
std::string already_has_outcome();

} // namespace loa::engine::reasons
