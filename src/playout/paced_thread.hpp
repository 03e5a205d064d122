#pragma once
// The "device clock" of sinks that are not sound cards (WAV file, null).
#include "core/clock.hpp"
#include "core/wakeup.hpp"
#include "playout/renderer.hpp"
#include "playout/sink.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace loa::playout {

/// A thread that renders one period at a time, each when the Clock reaches its instant,
/// only while an item is armed or playing (between items there is nothing to render).
/// Stream time is wall-clock time since construction, so sink and clock never drift;
/// when the clock jumps (a ManualClock, a stepped wall clock) the thread jumps with it.
///
/// With a ManualClock, sleep_until jumps, so it runs as fast as the feeder can decode.
/// Because a file has no hardware deadline, when the feeder is behind mid-item it waits
/// for it (up to 2 s) instead of padding silence: its output is deterministic.
/// The thread has one door, its Wakeup: armed() and the destructor notify it; between
/// items it waits there with no timeout. A wall clock stepped back while it sleeps
/// delays it by the step (sleeps are absolute; the feeder then reports a stall): paced
/// sinks serve tests and benchmarks, not broadcast.
class PacedThread {
public:
    /// Receives each period's frames and where the item lies in them; may throw Error
    /// (e.g. disk full), which stops the thread and becomes failure().
    using Consumer = std::function<void(const float *frames, const Renderer::Span &span)>;

    /// Starts the thread.
    PacedThread(Renderer &renderer, Clock &clock, std::size_t period_frames, Consumer consumer);
    /// Stops and joins the thread (its sleep on the clock ends at once).
    ~PacedThread();
    PacedThread(const PacedThread &) = delete;
    PacedThread &operator=(const PacedThread &) = delete;

    /// The renderer was armed: begin rendering. Feeder thread.
    void armed();
    /// Stream seconds (since construction) and wall clock. Any thread.
    StreamClockReading read_clock() const;
    /// Why the consumer failed, or empty. Any thread.
    std::string failure() const;

private:
    void run();
    void render_item();
    void pace();
    void wait_for_feeder();
    std::int64_t position_at(TimePoint time) const;
    TimePoint wall_time_of(std::int64_t position) const;

    Renderer &m_renderer;
    Clock &m_clock;
    const std::size_t m_period_frames;
    Consumer m_consumer;
    std::vector<float> m_buffer;      ///< owned by the thread
    std::int64_t m_position = 0;      ///< stream frames; owned by the thread
    const TimePoint m_origin;         ///< the wall-clock instant of stream time 0
    std::atomic<bool> m_quit{false};  ///< Set by the destructor.
    std::atomic<bool> m_armed{false}; ///< Set by armed(), taken by the thread.
    Wakeup m_wakeup;                  ///< The thread's door: armed() and the destructor.

    mutable std::mutex m_mutex;
    std::string m_failure; ///< Protected by #m_mutex. Set by the thread as it ends.
    std::thread m_thread;  ///< Last: starts after everything above exists.
};

} // namespace loa::playout
