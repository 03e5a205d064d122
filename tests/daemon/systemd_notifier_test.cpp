#include "daemon/systemd_notifier.hpp"

#include "common/temp_dir.hpp"
#include "daemon/socket_address.hpp"
#include "daemon/unique_fd.hpp"

#include <poll.h>
#include <sys/socket.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

using namespace loa;

namespace {

/// A datagram socket standing in for systemd's notify socket, set as NOTIFY_SOCKET.
class FakeSystemd {
public:
    explicit FakeSystemd(const std::filesystem::path &path)
        : m_fd(::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0)) {
        const auto address = daemon::socket_address(path);
        REQUIRE(::bind(m_fd.get(), reinterpret_cast<const sockaddr *>(&address.address),
                       address.length) == 0);
        ::setenv("NOTIFY_SOCKET", path.c_str(), 1);
    }
    ~FakeSystemd() {
        ::unsetenv("NOTIFY_SOCKET");
        ::unsetenv("WATCHDOG_USEC");
        ::unsetenv("WATCHDOG_PID");
    }
    FakeSystemd(const FakeSystemd &) = delete;
    FakeSystemd &operator=(const FakeSystemd &) = delete;

    /// The next datagram, or "" if none arrives within 200 ms.
    std::string receive() {
        pollfd polled{m_fd.get(), POLLIN, 0};
        if (::poll(&polled, 1, 200) != 1)
            return "";
        char buffer[512];
        const auto got = ::recv(m_fd.get(), buffer, sizeof buffer, 0);
        return got > 0 ? std::string(buffer, static_cast<std::size_t>(got)) : "";
    }

private:
    daemon::UniqueFd m_fd;
};

} // namespace

#if LOA_HAVE_SYSTEMD
TEST_CASE("systemd: READY, STATUS, WATCHDOG and STOPPING reach NOTIFY_SOCKET") {
    const test::TempDir dir;
    FakeSystemd systemd(dir / "notify");
    daemon::SystemdNotifier notifier;
    CHECK(notifier.enabled());
    CHECK_FALSE(notifier.watchdog_interval());
    notifier.ready("playing lich.toml");
    CHECK(systemd.receive() == "READY=1\nSTATUS=playing lich.toml");
    notifier.status("device unavailable");
    CHECK(systemd.receive() == "STATUS=device unavailable");
    notifier.watchdog();
    CHECK(systemd.receive() == "WATCHDOG=1");
    notifier.stopping();
    CHECK(systemd.receive() == "STOPPING=1\nSTATUS=stopping");
}

TEST_CASE("systemd: the watchdog is pinged at half WatchdogSec") {
    const test::TempDir dir;
    FakeSystemd systemd(dir / "notify");
    ::setenv("WATCHDOG_USEC", "10000000", 1);
    ::setenv("WATCHDOG_PID", std::to_string(::getpid()).c_str(), 1);
    const daemon::SystemdNotifier notifier;
    CHECK(notifier.watchdog_interval() == std::chrono::milliseconds(5000));
    ::setenv("WATCHDOG_PID", "1", 1); // meant for another process
    CHECK_FALSE(daemon::SystemdNotifier().watchdog_interval());
}
#endif

TEST_CASE("systemd: without NOTIFY_SOCKET nothing is sent") {
    const test::TempDir dir;
    std::string received;
    {
        FakeSystemd systemd(dir / "notify");
        ::unsetenv("NOTIFY_SOCKET");
        daemon::SystemdNotifier notifier;
        CHECK_FALSE(notifier.enabled());
        notifier.ready("x");
        notifier.watchdog();
        received = systemd.receive();
    }
    CHECK(received.empty());
}
