#include "engine/reasons.hpp"

#include <cmath>
#include <cstdio>

namespace loa::engine::reasons {
namespace {

Reason code(const char *name) {
    return Reason(name, {});
}

/// `code` with the cause `why` (its code and parameters) and then `own` parameters.
Reason caused(const char *name, const Reason &why,
              std::vector<std::pair<std::string, std::string>> own) {
    Reason reason(name, {{"cause", why.code}});
    if (why.code.empty())
        reason.params.emplace_back("cause_text", why.text); // a cause with no code
    reason.params.insert(reason.params.end(), why.params.begin(), why.params.end());
    reason.params.insert(reason.params.end(), own.begin(), own.end());
    return reason;
}

std::string seconds(std::chrono::seconds duration) {
    return std::to_string(duration.count());
}

} // namespace

Reason player_not_running() {
    return code("gap.not_running");
}

Reason clock_jumped_forward(const std::string &from, const std::string &to) {
    return Reason("gap.clock_forward", {{"from", from}, {"to", to}});
}

Reason clock_went_back(const std::string &from, const std::string &to) {
    return Reason("gap.clock_back", {{"from", from}, {"to", to}});
}

Reason device_failed() {
    return code("gap.device_failed");
}

Reason busy_with_earlier_plays() {
    return code("gap.busy");
}

Reason later_time_plays_instead(const Reason &why, const std::string &later_date_time) {
    return caused("missed.later_time", why, {{"later", later_date_time}});
}

Reason late_not_allowed(const Reason &why, std::chrono::seconds late) {
    return caused("missed.late_not_allowed", why, {{"late_s", seconds(late)}});
}

Reason later_than_allowed(const Reason &why, std::chrono::seconds late,
                          std::chrono::seconds allowed) {
    return caused("missed.late_limit", why,
                  {{"late_s", seconds(late)}, {"allowed_s", seconds(allowed)}});
}

Reason quiet_hours() {
    return code("skipped.quiet_hours");
}

Reason quiet_hours_on_demand() {
    return code("skipped.quiet_hours_request");
}

Reason not_in_library(const std::string &announcement) {
    return Reason("failed.not_in_library", {{"announcement", announcement}});
}

Reason not_in_library_any_more(const std::string &announcement) {
    return Reason("failed.gone_from_library", {{"announcement", announcement}});
}

Reason silent_output(double output_peak_dbfs) {
    char peak[32] = "";
    if (std::isfinite(output_peak_dbfs))
        std::snprintf(peak, sizeof peak, "%.0f", output_peak_dbfs);
    return Reason("failed.silent_output", {{"peak_dbfs", peak}});
}

Reason preempted_by_emergency(bool scheduled) {
    return code(scheduled ? "interrupted.emergency_slot" : "interrupted.emergency");
}

Reason player_stopped() {
    return code("interrupted.player_stopped");
}

Reason stopped_before_start() {
    return code("interrupted.stopped_before_start");
}

Reason crash_cut() {
    return code("interrupted.crash");
}

Reason already_has_outcome() {
    return code("not_started.has_outcome");
}

} // namespace loa::engine::reasons
