#include "daemon/control_protocol.hpp"

#include "core/json_value.hpp"
#include "support/fake_handler.hpp"

#include <catch2/catch.hpp>

using namespace loa;

namespace {

json::Value answer(std::string_view line, test::FakeHandler &handler) {
    const auto text = daemon::answer_request(line, handler, TimeZone::load("Asia/Ho_Chi_Minh"));
    CHECK(text.find('\n') == std::string::npos);
    auto parsed = json::Value::parse(text);
    REQUIRE(parsed);
    return std::move(*parsed);
}

} // namespace

TEST_CASE("protocol: a play request reaches the handler with its priority") {
    test::FakeHandler handler;
    const auto reply = answer(daemon::play_request("lua-dao-01", Priority::emergency), handler);
    CHECK(reply.member("ok")->boolean() == true);
    CHECK(*reply.member("message")->string() == "playing lua-dao-01");
    CHECK(handler.plays() == std::vector<std::string>{"lua-dao-01/emergency"});
}

TEST_CASE("protocol: an unknown id is a refusal, a handler failure is not") {
    test::FakeHandler handler;
    const auto unknown = answer(daemon::play_request("khong-co", Priority::normal), handler);
    CHECK(unknown.member("ok")->boolean() == false);
    CHECK(unknown.member("refused")->boolean() == true);
    CHECK(*unknown.member("error")->string() == "announcement 'khong-co' is not in the library");
    const auto broken = answer(daemon::play_request("broken", Priority::normal), handler);
    CHECK(broken.member("refused")->boolean() == false);
    CHECK(*broken.member("error")->string() == "the sound device is gone");
    CHECK(handler.plays().empty());
}

TEST_CASE("protocol: status and reload") {
    test::FakeHandler handler;
    engine::EngineStatus status;
    status.state = engine::EngineState::idle;
    status.device = "null";
    handler.set_status(status);
    const auto reply = answer(daemon::status_request(), handler);
    CHECK(reply.member("ok")->boolean() == true);
    CHECK(*reply.member("status")->member("state")->string() == "idle");
    CHECK(answer(daemon::reload_request(), handler).member("ok")->boolean() == true);
    CHECK(handler.reloads() == 1);
}

TEST_CASE("protocol: garbage and wrong requests are refused with a reason") {
    test::FakeHandler handler;
    for (const char *line :
         {"", "hello", "{}", R"({"command":1})", R"({"command":"dance"})", R"({"command":"play"})",
          R"({"command":"play","id":""})",
          R"({"command":"play","id":"lua-dao-01","priority":"urgent"})", "\xff\xfe{"}) {
        INFO(line);
        const auto reply = answer(line, handler);
        CHECK(reply.member("ok")->boolean() == false);
        CHECK(reply.member("refused")->boolean() == true);
        CHECK_FALSE(reply.member("error")->string()->empty());
    }
    CHECK(handler.plays().empty());
    CHECK(handler.reloads() == 0);
}
