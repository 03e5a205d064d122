#pragma once
// Time for everything that decides "is it due". Only SystemClock reads the wall
// clock; tests and `loa simulate` drive the same code with a ManualClock.
//
// A thread sleeps on a clock through its own Wakeup (core/wakeup.hpp): whoever needs
// to end that thread's sleep early notifies that Wakeup, and no other sleeper sees it.
#include "core/wakeup.hpp"

#include <chrono>
#include <mutex>
#include <optional>

namespace loa {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
public:
    virtual ~Clock() = default;

    /// The current wall-clock instant. Any thread.
    virtual TimePoint now() const = 0;

    /// Blocks until the wall clock reaches `deadline` (absolute, so a clock that is
    /// stepped is followed) or until `wakeup` is notified (also before the call: a
    /// notification is never lost). Returns true if woken early. The thread that owns
    /// `wakeup`.
    virtual bool sleep_until(TimePoint deadline, Wakeup &wakeup) = 0;

    /// Blocks until the wall clock reaches `deadline`; nothing ends it early. Any thread.
    bool sleep_until(TimePoint deadline) {
        Wakeup never;
        return sleep_until(deadline, never);
    }

    /// Whether a time daemon keeps this clock right (recorded with every play), or
    /// nothing when that is unknown. Any thread.
    virtual std::optional<bool> synchronised() const { return std::nullopt; }
};

/// The real clock (CLOCK_REALTIME). Sleeps on absolute wall-clock time.
class SystemClock final : public Clock {
public:
    using Clock::sleep_until;
    TimePoint now() const override;
    bool sleep_until(TimePoint deadline, Wakeup &wakeup) override;
    /// The kernel's view (adjtimex(2)), core/clock_sync.hpp.
    std::optional<bool> synchronised() const override;
};

/// A clock that only moves when told to. sleep_until() jumps straight to the
/// deadline (unless its Wakeup was notified), so a month of schedule runs in
/// milliseconds.
class ManualClock final : public Clock {
public:
    using Clock::sleep_until;
    explicit ManualClock(TimePoint start) : m_now(start) {}
    TimePoint now() const override;
    bool sleep_until(TimePoint deadline, Wakeup &wakeup) override;
    /// Moves the clock to `to` (forwards or backwards, as a clock step would).
    void set(TimePoint to);

private:
    mutable std::mutex m_mutex;
    TimePoint m_now; ///< Protected by #m_mutex.
};

} // namespace loa
