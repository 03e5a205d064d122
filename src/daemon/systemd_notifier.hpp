#pragma once
// Tells systemd how the player is doing (Type=notify): READY=1 once it can play,
// WATCHDOG=1 while its loop is healthy, STATUS= lines for `systemctl status`, and
// STOPPING=1 when it winds down. Through libsystemd's sd_notify when loa is built
// with it; without it, or when NOTIFY_SOCKET is unset (not run by systemd), every
// call does nothing.
#include <chrono>
#include <optional>
#include <string_view>

namespace loa::daemon {

class SystemdNotifier {
public:
    /// Reads NOTIFY_SOCKET and the watchdog settings (WATCHDOG_USEC, WATCHDOG_PID)
    /// from the environment; leaves them set. Any thread.
    SystemdNotifier();

    /// True when systemd is listening (built with libsystemd and NOTIFY_SOCKET set).
    bool enabled() const noexcept { return m_enabled; }

    /// How often to send WATCHDOG=1 (half systemd's WatchdogSec), when it asks for it.
    std::optional<std::chrono::milliseconds> watchdog_interval() const noexcept {
        return m_watchdog_interval;
    }

    /// The notifications; each is one datagram, safe from any thread, never throws.
    /// `status` is one line for `systemctl status`.
    void ready(std::string_view status) noexcept;
    void watchdog() noexcept;
    void status(std::string_view status) noexcept;
    void stopping() noexcept;

private:
    /// Sends `fields` followed by `text` (a STATUS= line's value).
    void notify(std::string_view fields, std::string_view text) noexcept;

    bool m_enabled = false;
    std::optional<std::chrono::milliseconds> m_watchdog_interval;
};

} // namespace loa::daemon
