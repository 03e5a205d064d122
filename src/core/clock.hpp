#pragma once
// Time for everything that decides "is it due". Only SystemClock reads the wall
// clock; tests and `loa simulate` drive the same code with a ManualClock.
#include <chrono>
#include <condition_variable>
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
    /// stepped is followed) or until wake() is called. Returns true if woken early.
    virtual bool sleep_until(TimePoint deadline) = 0;

    /// Ends the current and the next sleep_until() early. Any thread.
    virtual void wake() = 0;

    /// Whether a time daemon keeps this clock right (recorded with every play), or
    /// nothing when that is unknown. Any thread.
    virtual std::optional<bool> synchronised() const { return std::nullopt; }
};

/// The real clock (CLOCK_REALTIME). Sleeps on absolute wall-clock time.
class SystemClock final : public Clock {
public:
    TimePoint now() const override;
    bool sleep_until(TimePoint deadline) override;
    void wake() override;
    /// The kernel's view (adjtimex(2)), core/clock_sync.hpp.
    std::optional<bool> synchronised() const override;

private:
    std::mutex m_mutex;
    std::condition_variable m_wakeup;
    bool m_woken = false; ///< Protected by #m_mutex.
};

/// A clock that only moves when told to. sleep_until() jumps straight to the
/// deadline, so a month of schedule runs in milliseconds.
class ManualClock final : public Clock {
public:
    explicit ManualClock(TimePoint start) : m_now(start) {}
    TimePoint now() const override;
    bool sleep_until(TimePoint deadline) override;
    void wake() override;
    /// Moves the clock to `to` (forwards or backwards, as a clock step would).
    void set(TimePoint to);

private:
    mutable std::mutex m_mutex;
    TimePoint m_now; ///< Protected by #m_mutex.
    bool m_woken = false; ///< Protected by #m_mutex.
};

} // namespace loa
