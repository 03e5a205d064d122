#pragma once
// How the command line's text listings (log, status) show a play's numbers to people.
// The rules themselves (from 1, an on-time start is 0 ms) are playlog's
// people_numbers.hpp, which the presentation copies share.
#include <cstdint>
#include <string>

namespace loa::cli {

/// An item's place in its occurrence as people count it: "#1" for position 0.
std::string position_text(std::int64_t position);

/// "late 0 ms", "late 340 ms", "late 12.5 s", "late 3 min 20 s".
std::string lateness_text(std::int64_t lateness_ms);

} // namespace loa::cli
