#include "core/clock.hpp"

#include "core/clock_sync.hpp"

namespace loa {

TimePoint SystemClock::now() const {
    return std::chrono::system_clock::now();
}

std::optional<bool> SystemClock::synchronised() const {
    return system_clock_synchronised();
}

bool SystemClock::sleep_until(TimePoint deadline, Wakeup &wakeup) {
    return wakeup.wait_until(deadline);
}

TimePoint ManualClock::now() const {
    std::lock_guard lock(m_mutex);
    return m_now;
}

bool ManualClock::sleep_until(TimePoint deadline, Wakeup &wakeup) {
    if (wakeup.take())
        return true;
    std::lock_guard lock(m_mutex);
    if (deadline > m_now)
        m_now = deadline;
    return false;
}

void ManualClock::set(TimePoint to) {
    std::lock_guard lock(m_mutex);
    m_now = to;
}

} // namespace loa
