#pragma once
// The small words every module shares: a play's status, a slot's priority and
// what triggered a play. Their spellings are DESIGN.md's and appear in the log.
#include <optional>
#include <string_view>

namespace loa {

/// What happened to one item. `started` is only ever seen on a row whose play is
/// in progress (or was cut by a power loss before it was finalised).
enum class PlayStatus { started, completed, interrupted, failed, missed, skipped };

enum class Priority { normal, priority, emergency };

enum class Trigger { scheduled, manual, emergency };

std::string_view to_string(PlayStatus status) noexcept;
std::string_view to_string(Priority priority) noexcept;
std::string_view to_string(Trigger trigger) noexcept;

/// The same words for people, in the reader's language ("missed": "bị lỡ").
const char *people_name(PlayStatus status);
const char *people_name(Priority priority);
const char *people_name(Trigger trigger);

std::optional<PlayStatus> parse_play_status(std::string_view text) noexcept;
std::optional<Priority> parse_priority(std::string_view text) noexcept;
std::optional<Trigger> parse_trigger(std::string_view text) noexcept;

} // namespace loa
