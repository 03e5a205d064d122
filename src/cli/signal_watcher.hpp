#pragma once
// SIGINT, SIGTERM and SIGHUP for the commands that play (`loa run`, `loa play`):
// blocked in every thread and received on a thread of their own, so a stop request
// fades out and logs the play instead of killing the process mid-write, and the
// handlers may take locks and call anything.
//
// The thread reads them from a signalfd(2) and sleeps in poll(2) with no timeout
// (an idle player must not wake up on its own); an eventfd ends it.
#include <functional>
#include <thread>

namespace loa::cli {

/// Blocks SIGINT, SIGTERM and SIGHUP in the calling thread and every thread it starts
/// afterwards (PortAudio's and JACK's included). Call before any thread exists.
void block_control_signals();

class SignalWatcher {
public:
    /// Calls `on_signal(SIGNAL)` for each of the three, on the watcher's thread. Throws
    /// Error if the kernel refuses the descriptors (out of file descriptors).
    explicit SignalWatcher(std::function<void(int)> on_signal);
    /// Stops the watcher (at once, or once the on_signal running returns) and waits.
    ~SignalWatcher();
    SignalWatcher(const SignalWatcher &) = delete;
    SignalWatcher &operator=(const SignalWatcher &) = delete;

private:
    int m_signals = -1; ///< The signalfd; read by the thread.
    int m_quit = -1;    ///< An eventfd; the destructor writes it.
    std::jthread m_thread;
};

} // namespace loa::cli
