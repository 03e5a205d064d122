#pragma once
// SIGINT, SIGTERM and SIGHUP for the commands that play (`loa run`, `loa play`):
// blocked in every thread and received on a thread of their own (sigtimedwait), so
// a stop request fades out and logs the play instead of killing the process
// mid-write, and the handlers may take locks and call anything.
#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

namespace loa::cli {

/// Blocks SIGINT, SIGTERM and SIGHUP in the calling thread and every thread it starts
/// afterwards (PortAudio's and JACK's included). Call before any thread exists.
void block_control_signals();

class SignalWatcher {
public:
    /// Calls `on_signal(SIGNAL)` for each of the three, and `on_tick()` (if given) when
    /// the watcher starts and every `tick` after; both on the watcher's thread.
    SignalWatcher(std::function<void(int)> on_signal, std::function<void()> on_tick = {},
                  std::chrono::milliseconds tick = std::chrono::milliseconds(200));
    /// Stops the watcher (within a tick at most) and waits for it.
    ~SignalWatcher();
    SignalWatcher(const SignalWatcher &) = delete;
    SignalWatcher &operator=(const SignalWatcher &) = delete;

private:
    std::atomic<bool> m_done{false};
    std::jthread m_thread;
};

} // namespace loa::cli
