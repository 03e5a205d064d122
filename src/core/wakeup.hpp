#pragma once
// One thread's door: how other threads end its waits. The thread that waits owns a
// Wakeup; any thread notifies it, real-time ones included (the render step tells the
// feeder "I consumed frames" or "the item is over"), because notify() is a sem_post,
// which never blocks, never allocates and is async-signal-safe. A notification that
// comes while the owner is not waiting ends its next wait at once: none is lost, and
// one wait swallows every notification pending (they all say "look again").
//
// Each sleeping thread has its own Wakeup, so a notification reaches only the thread
// it is meant for: no sleeper ever catches another's wake-up and has to pass it on.
#include <chrono>

#include <semaphore.h>

namespace loa {

class Wakeup {
public:
    Wakeup() noexcept;
    ~Wakeup();
    Wakeup(const Wakeup &) = delete;
    Wakeup &operator=(const Wakeup &) = delete;

    /// Any thread, including real-time ones: never blocks, never allocates.
    void notify() noexcept;

    /// The owner: waits until notified, however long that takes.
    void wait() noexcept;

    /// The owner: waits until notified or until `timeout` has passed on the monotonic
    /// clock. Returns true if notified.
    bool wait_for(std::chrono::nanoseconds timeout) noexcept;

    /// The owner: waits until notified or until the wall clock (CLOCK_REALTIME) reaches
    /// `deadline`; absolute, so a wall clock that is stepped is followed. Returns true
    /// if notified.
    bool wait_until(std::chrono::system_clock::time_point deadline) noexcept;

    /// The owner: true (and swallows them) if notifications are pending; never waits.
    bool take() noexcept;

private:
    sem_t m_semaphore;
};

} // namespace loa
