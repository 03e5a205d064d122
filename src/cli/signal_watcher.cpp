#include "cli/signal_watcher.hpp"

#include <signal.h>

#include <cerrno>
#include <ctime>

namespace loa::cli {
namespace {

sigset_t control_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGHUP);
    return signals;
}

} // namespace

void block_control_signals() {
    const sigset_t signals = control_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

SignalWatcher::SignalWatcher(std::function<void(int)> on_signal, std::function<void()> on_tick,
                             std::chrono::milliseconds tick) {
    m_thread = std::jthread([this, on_signal = std::move(on_signal), on_tick = std::move(on_tick), tick] {
        const sigset_t signals = control_signals();
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(tick);
        const timespec wait{static_cast<time_t>(seconds.count()),
                            static_cast<long>(std::chrono::nanoseconds(tick - seconds).count())};
        while (!m_done.load()) {
            if (on_tick)
                on_tick();
            const int signal = sigtimedwait(&signals, nullptr, &wait);
            if (signal > 0 && !m_done.load())
                on_signal(signal);
        }
    });
}

SignalWatcher::~SignalWatcher() {
    m_done = true;
    // Wake the waiting thread with a signal of ours rather than waiting for its tick.
    pthread_kill(m_thread.native_handle(), SIGHUP);
    m_thread.join();
}

} // namespace loa::cli
