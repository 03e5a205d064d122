#include "engine/reasons.hpp"

#include <cmath>
#include <cstdio>

namespace loa::engine::reasons {
namespace {

std::string minutes_text(std::chrono::seconds duration) {
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(duration).count();
    return minutes >= 1 ? std::to_string(minutes) + " min"
                        : std::to_string(duration.count()) + " s";
}

} // namespace

std::string player_not_running() {
    return "the player was not running at the slot's time";
}

std::string clock_jumped_forward(const std::string &from, const std::string &to) {
    return "the system clock jumped forward from " + from + " to " + to +
           " (or the computer was suspended)";
}

std::string clock_went_back(const std::string &from, const std::string &to) {
    return "the system clock went back from " + from + " to " + to +
           "; what already played will not play again";
}

std::string device_failed() {
    return "the sound device failed";
}

std::string busy_with_earlier_plays() {
    return "the player was busy with earlier plays";
}

std::string later_time_plays_instead(const std::string &why, const std::string &later_date_time) {
    return why + "; the same slot's later time " + later_date_time + " plays instead, not both";
}

std::string late_not_allowed(const std::string &why, std::chrono::seconds late) {
    return why + " (" + minutes_text(late) + " late; the slot does not allow late plays)";
}

std::string later_than_allowed(const std::string &why, std::chrono::seconds late,
                               std::chrono::seconds allowed) {
    return why + " (" + minutes_text(late) + " late; the slot allows " + minutes_text(allowed) +
           ")";
}

std::string quiet_hours() {
    return "inside the station's quiet hours";
}

std::string quiet_hours_on_demand() {
    return "inside the station's quiet hours (only an emergency plays then)";
}

std::string not_in_library(const std::string &announcement) {
    return "announcement '" + announcement + "' is not in the library; import it with 'loa import'";
}

std::string not_in_library_any_more(const std::string &announcement) {
    return "announcement '" + announcement + "' is not in the library any more";
}

std::string silent_output(double output_peak_dbfs) {
    char peak[32];
    if (std::isfinite(output_peak_dbfs))
        std::snprintf(peak, sizeof peak, "%.0f dBFS", output_peak_dbfs);
    else
        std::snprintf(peak, sizeof peak, "nothing");
    return std::string("the station's loudness settings (loudness_target_lufs, max_boost_db in "
                       "station.toml) "
                       "would play this file silent: its loudest sample would reach ") +
           peak + "; fix them (a running player reads them when it starts)";
}

std::string preempted_by_emergency(bool scheduled) {
    return "interrupted by an emergency play; it " +
           std::string(scheduled ? "continues after it as its slot's on_interrupt says"
                                 : "continues after it");
}

std::string player_stopped() {
    return "the player was stopped during this play";
}

std::string stopped_before_start() {
    return "stopped before it started";
}

std::string crash_cut() {
    return "the player stopped during this play (power cut or crash)";
}

std::string already_has_outcome() {
    return "this item already has its outcome in the play log; it does not play again";
}

} // namespace loa::engine::reasons
