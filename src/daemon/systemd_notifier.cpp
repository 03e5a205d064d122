#include "daemon/systemd_notifier.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#if LOA_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace loa::daemon {

SystemdNotifier::SystemdNotifier() {
#if LOA_HAVE_SYSTEMD
    const char *socket = std::getenv("NOTIFY_SOCKET");
    m_enabled = socket && *socket;
    std::uint64_t usec = 0;
    if (m_enabled && sd_watchdog_enabled(0, &usec) > 0 && usec > 0)
        m_watchdog_interval = std::chrono::milliseconds(std::max<std::uint64_t>(usec / 2000, 1));
#endif
}

void SystemdNotifier::ready(std::string_view status) noexcept {
    notify("READY=1\nSTATUS=", status);
}

void SystemdNotifier::watchdog() noexcept {
    notify("WATCHDOG=1", {});
}

void SystemdNotifier::status(std::string_view status) noexcept {
    notify("STATUS=", status);
}

void SystemdNotifier::stopping() noexcept {
    notify("STOPPING=1\nSTATUS=stopping", {});
}

void SystemdNotifier::notify([[maybe_unused]] std::string_view fields,
                             [[maybe_unused]] std::string_view text) noexcept {
#if LOA_HAVE_SYSTEMD
    if (m_enabled) {
        try {
            std::string message(fields);
            message += text;
            sd_notify(0, message.c_str());
        } catch (...) { // std::string's allocation: a lost notification, never a crash
        }
    }
#endif
}

} // namespace loa::daemon
