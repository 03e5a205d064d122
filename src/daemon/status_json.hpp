#pragma once
// EngineStatus as JSON: what the control socket sends and what `loa status --json`
// prints. One object:
//
//   {"running":true, "state":"idle", "device":"USB Audio", "schedule_version":3,
//    "schedule_file":"lich-thang-7.toml",
//    "now_playing":{"announcement":"lua-dao-01","title":"...","slot":"sang",
//                   "position":1,"priority":"normal","started_at":"2020-07-20T06:00:00.004+07:00"},
//    "next":[{"slot":"sang","at":"...","priority":"normal","items":["chuong","lua-dao-01"]}],
//    "problems":[{"at":"...","message":"..."}],
//    "log_problem":null, "pending_log_rows":0}
//
// Times are ISO 8601 with the station's offset. `now_playing`, its `slot` (manual
// plays have none), `schedule_file` and `log_problem` are null when absent. When no
// player runs, `running` is false, `state` is "not_running" and `device` is null.
#include "core/clock.hpp"
#include "core/time_zone.hpp"
#include "core/json_value.hpp"
#include "engine/engine_status.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace loa::daemon {

enum class PlayerPresence { running, not_running };

std::string_view to_string(engine::EngineState state) noexcept;
std::optional<engine::EngineState> parse_engine_state(std::string_view text) noexcept;

/// The status as one line of compact JSON (the shape above).
std::string status_to_json(const engine::EngineStatus &status, const TimeZone &zone,
                           PlayerPresence presence = PlayerPresence::running);

/// Reads the object status_to_json() wrote. Throws Error when a member is missing
/// or of the wrong kind (a player of another version answered).
engine::EngineStatus status_from_json(const json::Value &object);

} // namespace loa::daemon
