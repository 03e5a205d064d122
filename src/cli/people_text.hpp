#pragma once
// How the command line's text listings (log, status) show a play's numbers to people.
// Machine formats (--json, CSV, exports) keep the stored values: `position` counts
// from 0 and `lateness_ms` is start minus planned instant, whatever its sign.
#include <cstdint>
#include <string>

namespace loa::cli {

/// An item's place in its occurrence as people count it: "#1" for position 0.
std::string position_text(std::int64_t position);

/// Lateness as people read it. The log stores whole milliseconds, floored, so a
/// start a fraction of a millisecond before its instant (the device is started
/// ahead and aligned) reads -1 ms: anything up to 1 ms is 0, and an early start
/// is on time, not negative.
std::int64_t people_lateness_ms(std::int64_t lateness_ms) noexcept;

/// "late 0 ms", "late 340 ms", "late 12.5 s", "late 3 min 20 s".
std::string lateness_text(std::int64_t lateness_ms);

} // namespace loa::cli
