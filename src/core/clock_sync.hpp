#pragma once
// Whether the system clock is synchronised (NTP, chrony, systemd-timesyncd), as the
// kernel reports it through adjtimex(2). Every play row records it at play start,
// so a report can show which times came from a clock nobody was keeping right.
#include <optional>

namespace loa {

/// The kernel's clock state at this moment: true when a time daemon keeps the clock
/// synchronised, false when it is free-running (STA_UNSYNC set or TIME_ERROR), none
/// when the kernel does not say. Any thread; a system call, no allocation.
std::optional<bool> system_clock_synchronised() noexcept;

/// The decision behind system_clock_synchronised(), from adjtimex(2)'s result
/// (TIME_OK, TIME_ERROR, ... or -1) and the `status` bits it filled in.
std::optional<bool> clock_synchronised(int adjtimex_result, int status) noexcept;

} // namespace loa
