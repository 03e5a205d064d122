#include "daemon/control_server.hpp"

#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "daemon/control_client.hpp"
#include "daemon/control_protocol.hpp"
#include "daemon/socket_address.hpp"
#include "support/control_socket.hpp"
#include "support/fake_handler.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <fstream>

using namespace loa;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

namespace {

using test::control_zone;
using test::raw_connect;
using test::receive_line;
using test::send_text;

/// A socket file with nobody behind it, as a crashed player leaves one.
void leave_stale_socket(const std::filesystem::path &path) {
    const daemon::UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM, 0));
    const auto address = daemon::socket_address(path);
    REQUIRE(::bind(fd.get(), reinterpret_cast<const sockaddr *>(&address.address),
                   address.length) == 0);
    REQUIRE(std::filesystem::is_socket(path));
}

} // namespace

TEST_CASE("control socket: play, status and reload reach the player and come back") {
    const test::TempDir home;
    test::FakeHandler handler;
    engine::EngineStatus status;
    status.state = engine::EngineState::idle;
    status.device = "USB Audio";
    status.schedule_version = 2;
    handler.set_status(status);
    const daemon::ControlServer server(daemon::control_socket_path(home.path()), handler,
                                       control_zone());
    auto client = daemon::ControlClient::connect(home / "loa.sock");
    REQUIRE(client);
    const auto played = client->play("lua-dao-01", Priority::emergency);
    CHECK(played.accepted);
    CHECK(played.message == "playing lua-dao-01");
    const auto unknown = client->play("khong-co", Priority::normal);
    CHECK_FALSE(unknown.accepted);
    CHECK(unknown.message == "announcement 'khong-co' is not in the library");
    const auto answered = client->status();
    CHECK(answered.state == engine::EngineState::idle);
    CHECK(answered.device == "USB Audio");
    CHECK(answered.schedule_version == 2);
    CHECK_FALSE(client->reload().empty());
    CHECK_THROWS_WITH(client->play("broken", Priority::normal),
                      Catch::Contains("the sound device is gone"));
    CHECK(handler.plays() == std::vector<std::string>{"lua-dao-01/emergency"});
    CHECK(handler.reloads() == 1);
}

TEST_CASE("control socket: mode 0660 whatever the umask, removed at exit") {
    const test::TempDir home;
    test::FakeHandler handler;
    const auto path = home / "loa.sock";
    for (const mode_t mask : {mode_t{0}, mode_t{022}, mode_t{077}}) {
        const mode_t previous = ::umask(mask);
        {
            const daemon::ControlServer server(path, handler, control_zone());
            struct stat info {};
            REQUIRE(::lstat(path.c_str(), &info) == 0);
            CHECK(S_ISSOCK(info.st_mode));
            CHECK((info.st_mode & 07777) == 0660);
        }
        ::umask(previous);
        CHECK_FALSE(std::filesystem::exists(std::filesystem::symlink_status(path)));
    }
    // Only the temporary name was used on the way: nothing else is left in the home.
    CHECK(std::filesystem::is_empty(home.path()));
}

TEST_CASE("control socket: no player is told apart from a player") {
    const test::TempDir home;
    CHECK_FALSE(daemon::ControlClient::connect(home / "loa.sock"));
    leave_stale_socket(home / "loa.sock");
    CHECK_FALSE(daemon::ControlClient::connect(home / "loa.sock"));
}

TEST_CASE("control socket: a stale socket from a crash is replaced, a live one is not") {
    const test::TempDir home;
    test::FakeHandler handler;
    const auto path = home / "loa.sock";
    leave_stale_socket(path);
    const daemon::ControlServer server(path, handler, control_zone());
    REQUIRE(daemon::ControlClient::connect(path));
    CHECK_THROWS_WITH(daemon::ControlServer(path, handler, control_zone()),
                      Catch::Contains("another loa player answers"));
    auto client = daemon::ControlClient::connect(path);
    REQUIRE(client);
    CHECK(client->play("lua-dao-01", Priority::normal).accepted); // the first one still serves
}

TEST_CASE("control socket: a file that is not a socket is left alone") {
    const test::TempDir home;
    test::FakeHandler handler;
    const auto path = home / "loa.sock";
    std::ofstream(path) << "notes";
    CHECK_THROWS_WITH(daemon::ControlServer(path, handler, control_zone()),
                      Catch::Contains("is not loa's control socket"));
    CHECK(std::filesystem::is_regular_file(path));
    CHECK_FALSE(daemon::ControlClient::connect(path));
}

TEST_CASE("control socket: a socket someone else put in its place is not removed at exit") {
    const test::TempDir home;
    test::FakeHandler handler;
    const auto path = home / "loa.sock";
    {
        const daemon::ControlServer server(path, handler, control_zone());
        std::filesystem::remove(path);
        leave_stale_socket(path);
    }
    CHECK(std::filesystem::is_socket(path));
}

TEST_CASE(
    "control socket: a client that sends half a line does not hold others up, and is dropped") {
    const test::TempDir home;
    test::FakeHandler handler;
    daemon::ControlServerSettings settings;
    settings.client_timeout = 300ms;
    const daemon::ControlServer server(home / "loa.sock", handler, control_zone(), settings);
    const auto slow = raw_connect(home / "loa.sock");
    send_text(slow, R"({"command":"pl)");
    const auto before = SteadyClock::now();
    auto client = daemon::ControlClient::connect(home / "loa.sock");
    REQUIRE(client);
    CHECK(client->play("lua-dao-01", Priority::normal).accepted);
    CHECK(SteadyClock::now() - before < 250ms);
    CHECK(receive_line(slow, 3000ms) == "<closed>"); // dropped after its 300 ms
}

TEST_CASE("control socket: garbage gets a refusal, the connection goes on") {
    const test::TempDir home;
    test::FakeHandler handler;
    const daemon::ControlServer server(home / "loa.sock", handler, control_zone());
    const auto fd = raw_connect(home / "loa.sock");
    send_text(fd, "\x01\x02 not json\n");
    CHECK(receive_line(fd).starts_with(
        R"({"ok":false,"refused":true,"error":"not a loa control request)"));
    send_text(fd, daemon::play_request("lua-dao-01", Priority::priority) + "\n" +
                      daemon::reload_request() + "\n");
    CHECK(receive_line(fd).starts_with(R"({"ok":true)"));
    CHECK(receive_line(fd).starts_with(R"({"ok":true)"));
    CHECK(handler.plays() == std::vector<std::string>{"lua-dao-01/priority"});
    CHECK(handler.reloads() == 1);
}

TEST_CASE("control socket: an endless line is refused and closed") {
    const test::TempDir home;
    test::FakeHandler handler;
    const daemon::ControlServer server(home / "loa.sock", handler, control_zone());
    const auto fd = raw_connect(home / "loa.sock");
    send_text(fd, std::string(daemon::max_request_bytes + 10, 'x'));
    CHECK(receive_line(fd) ==
          "{\"ok\":false,\"refused\":true,\"error\":\"the request is too long\"}\n");
    CHECK(receive_line(fd) == "<closed>");
}

TEST_CASE("control socket: a client that never reads its answers is dropped, others are served") {
    const test::TempDir home;
    test::FakeHandler handler;
    daemon::ControlServerSettings settings;
    settings.client_timeout = 300ms;
    const daemon::ControlServer server(home / "loa.sock", handler, control_zone(), settings);
    const auto greedy = raw_connect(home / "loa.sock");
    // Far more answers than the socket buffers hold; this client reads none of them.
    std::string requests;
    for (int i = 0; i < 2000; ++i)
        requests += daemon::status_request() + "\n";
    for (int i = 0; i < 20; ++i)
        ::send(greedy.get(), requests.data(), requests.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    auto client = daemon::ControlClient::connect(home / "loa.sock");
    REQUIRE(client);
    CHECK(client->play("lua-dao-01", Priority::normal).accepted);
    std::this_thread::sleep_for(1000ms);
    auto later = daemon::ControlClient::connect(home / "loa.sock");
    REQUIRE(later);
    CHECK(later->status().state == engine::EngineState::starting);
}

TEST_CASE("control socket: a client beyond the limit takes the place of one that sent nothing") {
    const test::TempDir home;
    test::FakeHandler handler;
    daemon::ControlServerSettings settings;
    settings.client_timeout = 200ms;
    settings.max_clients = 2;
    const daemon::ControlServer server(home / "loa.sock", handler, control_zone(), settings);
    const auto idle_one = raw_connect(home / "loa.sock");
    const auto idle_two = raw_connect(home / "loa.sock");
    auto client = daemon::ControlClient::connect(home / "loa.sock", 5000ms);
    REQUIRE(client); // in place of the older idle one, not after it is dropped
    CHECK(client->play("lua-dao-01", Priority::normal).accepted);
}

TEST_CASE("control socket: a player that does not answer makes the client fail in time") {
    const test::TempDir home;
    const auto path = home / "loa.sock";
    const daemon::UniqueFd mute(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const auto address = daemon::socket_address(path);
    REQUIRE(::bind(mute.get(), reinterpret_cast<const sockaddr *>(&address.address),
                   address.length) == 0);
    REQUIRE(::listen(mute.get(), 4) == 0);
    auto client = daemon::ControlClient::connect(path, 300ms);
    REQUIRE(client);
    const auto before = SteadyClock::now();
    CHECK_THROWS_WITH(client->status(), Catch::Contains("did not answer within 1 s"));
    CHECK(SteadyClock::now() - before < 2s);
}
