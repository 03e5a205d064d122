#include "core/clock_sync.hpp"

#include <sys/timex.h>

namespace loa {

std::optional<bool> clock_synchronised(int adjtimex_result, int status) noexcept {
    if (adjtimex_result < 0)
        return std::nullopt;
    // The kernel answers TIME_ERROR exactly when STA_UNSYNC (or a clock
    // hardware fault) is set; check both, older kernels differ.
    return adjtimex_result != TIME_ERROR && (status & STA_UNSYNC) == 0;
}

std::optional<bool> system_clock_synchronised() noexcept {
    timex state{};
    state.modes = 0; // read only: needs no privilege and changes nothing
    const int result = ::adjtimex(&state);
    return clock_synchronised(result, state.status);
}

} // namespace loa
