#pragma once
// The control socket's protocol: the client sends one JSON object per line, the
// player answers each with one JSON object per line.
//
//   {"command":"play","id":"ID","priority":"normal|priority|emergency"}
//       → {"ok":true,"message":"..."}  or  {"ok":false,"refused":true,"error":"..."}
//   {"command":"status"}  → {"ok":true,"status":{...status_json.hpp's object...}}
//   {"command":"reload"}  → {"ok":true,"message":"..."}
//
// A line that is not such a request gets {"ok":false,"refused":true,"error":"..."};
// a failure of the player itself {"ok":false,"refused":false,"error":"..."}.
#include "core/time_zone.hpp"
#include "core/vocabulary.hpp"
#include "daemon/control_handler.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace loa::daemon {

/// The running player's socket in the station home.
std::filesystem::path control_socket_path(const std::filesystem::path &home);

/// The longest request line the player reads; longer ones are refused.
inline constexpr std::size_t max_request_bytes = std::size_t{16} * 1024;

std::string play_request(const std::string &announcement, Priority priority);
std::string status_request();
std::string reload_request();

/// The answer line (without its newline) to one request line. Never throws for a
/// bad request; handler failures become {"ok":false,"refused":false,...}.
std::string answer_request(std::string_view line, ControlHandler &handler, const TimeZone &zone);

} // namespace loa::daemon
