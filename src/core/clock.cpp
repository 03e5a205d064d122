#include "core/clock.hpp"

#include "core/clock_sync.hpp"

namespace loa {

TimePoint SystemClock::now() const {
    return std::chrono::system_clock::now();
}

std::optional<bool> SystemClock::synchronised() const {
    return system_clock_synchronised();
}

bool SystemClock::sleep_until(TimePoint deadline) {
    std::unique_lock lock(m_mutex);
    // libstdc++ waits on CLOCK_REALTIME for system_clock deadlines, so a stepped
    // clock ends the wait at the right wall-clock instant.
    m_wakeup.wait_until(lock, deadline, [this] { return m_woken; });
    const bool woken = m_woken;
    m_woken = false;
    return woken;
}

void SystemClock::wake() {
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_wakeup.notify_all();
}

TimePoint ManualClock::now() const {
    std::lock_guard lock(m_mutex);
    return m_now;
}

bool ManualClock::sleep_until(TimePoint deadline) {
    std::lock_guard lock(m_mutex);
    if (m_woken) {
        m_woken = false;
        return true;
    }
    if (deadline > m_now)
        m_now = deadline;
    return false;
}

void ManualClock::wake() {
    std::lock_guard lock(m_mutex);
    m_woken = true;
}

void ManualClock::set(TimePoint to) {
    std::lock_guard lock(m_mutex);
    m_now = to;
}

} // namespace loa
