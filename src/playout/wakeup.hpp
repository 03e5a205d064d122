#pragma once
// How the render step tells the feeder "I consumed frames" or "the item is over"
// without ever blocking: a POSIX semaphore, whose sem_post is async-signal-safe.
#include <chrono>

#include <semaphore.h>

namespace loa::playout {

class Wakeup {
public:
    Wakeup() noexcept;
    ~Wakeup();
    Wakeup(const Wakeup &) = delete;
    Wakeup &operator=(const Wakeup &) = delete;

    /// Any thread, including real-time ones: never blocks, never allocates.
    void notify() noexcept;

    /// Waits until notified or until `timeout` has passed on the monotonic clock, then
    /// swallows any further pending notifications (one wake-up serves them all).
    /// Returns true if notified. One waiting thread.
    bool wait_for(std::chrono::nanoseconds timeout) noexcept;

private:
    sem_t m_semaphore;
};

} // namespace loa::playout
