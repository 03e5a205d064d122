// The control socket under a crowd: an absolute deadline per connection, a full
// server that still takes a new client at once, many clients polling while an
// emergency is asked for, and a request whose client gave up before it was read.
#include "daemon/control_server.hpp"

#include "common/temp_dir.hpp"
#include "daemon/control_client.hpp"
#include "daemon/control_protocol.hpp"
#include "daemon/socket_address.hpp"
#include "support/control_socket.hpp"
#include "support/fake_handler.hpp"

#include <poll.h>
#include <sys/socket.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace loa;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

namespace {

/// Sends one status request and reads its answer line; false when the server closed
/// the connection or nothing came within `wait`. Safe on any thread (no REQUIRE).
bool ask_status(int fd, std::chrono::milliseconds wait = 2000ms) {
    if (!test::send_all(fd, daemon::status_request() + "\n"))
        return false;
    const std::string line = test::receive_line(fd, wait);
    return !line.empty() && line.back() == '\n';
}

double milliseconds(SteadyClock::duration duration) {
    return std::chrono::duration<double, std::milli>(duration).count();
}

} // namespace

TEST_CASE(
    "control socket: a client's deadline runs from its connection, answers do not extend it") {
    const test::TempDir home;
    test::FakeHandler handler;
    daemon::ControlServerSettings settings;
    settings.client_timeout = 300ms;
    const daemon::ControlServer server(home / "loa.sock", handler, test::control_zone(), settings);
    const auto poller = test::raw_connect(home / "loa.sock");
    const auto connected = SteadyClock::now();
    int answers = 0;
    while (SteadyClock::now() - connected < 3s && ask_status(poller.get())) {
        ++answers;
        std::this_thread::sleep_for(20ms);
    }
    const auto held = SteadyClock::now() - connected;
    std::printf("measured: a client polling status every 20 ms got %d answers and was dropped "
                "after %.0f ms "
                "(deadline 300 ms)\n",
                answers, milliseconds(held));
    CHECK(answers >= 1);
    CHECK(held < 1500ms); // 300 ms, with slack for a shared machine
}

TEST_CASE("control socket: a full server takes a new client at once in place of an idle one") {
    const test::TempDir home;
    test::FakeHandler handler;
    daemon::ControlServerSettings settings;
    settings.client_timeout = 10s; // the idle clients would hold their places this long
    settings.max_clients = 4;
    const daemon::ControlServer server(home / "loa.sock", handler, test::control_zone(), settings);
    std::vector<daemon::UniqueFd> idle;
    for (int i = 0; i < 4; ++i) {
        idle.push_back(test::raw_connect(home / "loa.sock"));
        REQUIRE(ask_status(idle.back().get())); // answered, then silent
    }
    const auto before = SteadyClock::now();
    auto client = daemon::ControlClient::connect(home / "loa.sock");
    REQUIRE(client);
    CHECK(client->play("lua-dao-01", Priority::emergency).accepted);
    const auto took = SteadyClock::now() - before;
    std::printf(
        "measured: an emergency request to a server full of idle clients answered in %.1f ms\n",
        milliseconds(took));
    CHECK(took < 2s);
    CHECK(handler.plays() == std::vector<std::string>{"lua-dao-01/emergency"});
}

TEST_CASE("control socket: 64 clients polling status do not keep an emergency out") {
    const test::TempDir home;
    test::FakeHandler handler;
    const daemon::ControlServer server(home / "loa.sock", handler,
                                       test::control_zone()); // 16 places, 2 s
    std::atomic<bool> stop{false};
    std::atomic<long> answers{0};
    std::vector<std::jthread> crowd;
    for (int i = 0; i < 64; ++i)
        crowd.emplace_back([&] {
            while (!stop) {
                daemon::UniqueFd raw(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
                const auto address = daemon::socket_address(home / "loa.sock");
                if (::connect(raw.get(), reinterpret_cast<const sockaddr *>(&address.address),
                              address.length) != 0)
                    continue;
                while (!stop && ask_status(raw.get(), 500ms))
                    ++answers;
            }
        });
    std::this_thread::sleep_for(1s); // the crowd holds every place
    const auto before = SteadyClock::now();
    auto client = daemon::ControlClient::connect(home / "loa.sock");
    REQUIRE(client);
    const auto answer = client->play("lua-dao-01", Priority::emergency);
    const auto took = SteadyClock::now() - before;
    std::this_thread::sleep_for(500ms);
    stop = true;
    crowd.clear();
    std::printf("measured: with 64 clients polling status (%ld answers), the emergency was "
                "accepted in %.1f ms\n",
                answers.load(), milliseconds(took));
    CHECK(answer.accepted);
    CHECK(took < 2s); // 500 ms is the goal; the machine is shared
    CHECK(answers > 64);
}

TEST_CASE("control socket: a request whose client hung up before it was read does not run") {
    const test::TempDir home;
    test::FakeHandler handler;
    const daemon::ControlServer server(home / "loa.sock", handler, test::control_zone());
    handler.set_status_delay(400ms);
    const auto busy = test::raw_connect(home / "loa.sock");
    const std::string status = daemon::status_request() + "\n";
    REQUIRE(::send(busy.get(), status.data(), status.size(), MSG_NOSIGNAL) > 0);
    std::this_thread::sleep_for(100ms); // the server's thread is in the slow status now
    {
        const auto gave_up = test::raw_connect(home / "loa.sock");
        const std::string play = daemon::play_request("lua-dao-01", Priority::emergency) + "\n";
        REQUIRE(::send(gave_up.get(), play.data(), play.size(), MSG_NOSIGNAL) > 0);
    } // closed before the server read it, as a client that timed out
    std::this_thread::sleep_for(800ms);
    handler.set_status_delay(0ms);
    CHECK(handler.plays().empty());
    auto client = daemon::ControlClient::connect(home / "loa.sock");
    REQUIRE(client);
    CHECK(client->play("lua-dao-01", Priority::normal).accepted); // the server goes on
    CHECK(handler.plays() == std::vector<std::string>{"lua-dao-01/normal"});
}
