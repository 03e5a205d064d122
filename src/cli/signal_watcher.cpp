#include "cli/signal_watcher.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

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

/// Waits, with no timeout, until a control signal or the quit eventfd is readable;
/// the signal's number, or 0 to quit.
int next_signal(int signals, int quit) {
    std::array<pollfd, 2> polled{{{signals, POLLIN, 0}, {quit, POLLIN, 0}}};
    while (true) {
        if (::poll(polled.data(), polled.size(), -1) < 0) {
            if (errno == EINTR)
                continue;
            return 0;
        }
        if (polled[1].revents != 0)
            return 0;
        signalfd_siginfo info{};
        if (::read(signals, &info, sizeof info) == static_cast<ssize_t>(sizeof info))
            return static_cast<int>(info.ssi_signo);
    }
}

} // namespace

void block_control_signals() {
    const sigset_t signals = control_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

SignalWatcher::SignalWatcher(std::function<void(int)> on_signal) {
    const sigset_t signals = control_signals();
    m_signals = ::signalfd(-1, &signals, SFD_CLOEXEC | SFD_NONBLOCK);
    m_quit = ::eventfd(0, EFD_CLOEXEC);
    if (m_signals < 0 || m_quit < 0) {
        const std::string reason = std::strerror(errno);
        if (m_signals >= 0)
            ::close(m_signals);
        if (m_quit >= 0)
            ::close(m_quit);
        throw Error(i18n::format(
            _("cannot watch for SIGTERM and SIGHUP: {1}; raise the open-file limit (ulimit -n)"),
            reason));
    }
    m_thread = std::jthread([this, on_signal = std::move(on_signal)] {
        while (const int signal = next_signal(m_signals, m_quit))
            on_signal(signal);
    });
}

SignalWatcher::~SignalWatcher() {
    const std::uint64_t one = 1;
    if (::write(m_quit, &one, sizeof one) < 0) {
        // An eventfd counter cannot overflow from one write: nothing to do.
    }
    m_thread.join();
    ::close(m_signals);
    ::close(m_quit);
}

} // namespace loa::cli
