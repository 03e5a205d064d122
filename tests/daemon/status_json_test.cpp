#include "daemon/status_json.hpp"

#include "core/error.hpp"

#include <catch2/catch.hpp>

using namespace loa;
using namespace std::chrono;

namespace {

TimePoint utc(int y, unsigned m, unsigned d, int h, int min, int s, int ms = 0) {
    return sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min} + seconds{s} +
           milliseconds{ms};
}

engine::EngineStatus sample_status() {
    engine::EngineStatus status;
    status.state = engine::EngineState::playing;
    status.device = "USB Audio";
    status.schedule_version = 3;
    status.schedule_file = "lich-thang-7.toml";
    status.now_playing =
        engine::NowPlaying{"lua-dao-01",     "Cảnh giác \"lừa đảo\"",      "sang", 1,
                           Priority::normal, utc(2020, 7, 19, 23, 0, 0, 4)};
    status.next.push_back(
        {"chieu", utc(2020, 7, 20, 10, 0, 0), Priority::priority, {"chuong", "lua-dao-01"}});
    status.problems.push_back(
        {utc(2020, 7, 19, 22, 0, 0), "missed sang #0: the player was not running"});
    status.log_problem = "the database is locked";
    status.pending_log_rows = 2;
    return status;
}

} // namespace

TEST_CASE("status json: the wire shape, times with the station's offset") {
    const auto zone = TimeZone::load("Asia/Ho_Chi_Minh");
    CHECK(
        daemon::status_to_json(sample_status(), zone) ==
        R"({"running":true,"state":"playing","device":"USB Audio","schedule_version":3,)"
        R"("schedule_file":"lich-thang-7.toml","now_playing":{"announcement":"lua-dao-01",)"
        R"("title":"Cảnh giác \"lừa đảo\"","slot":"sang","position":1,"priority":"normal",)"
        R"("started_at":"2020-07-20T06:00:00.004+07:00"},"next":[{"slot":"chieu",)"
        R"("at":"2020-07-20T17:00:00.000+07:00","priority":"priority","items":["chuong","lua-dao-01"]}],)"
        R"("problems":[{"at":"2020-07-20T05:00:00.000+07:00","message":"missed sang #0: the player was not running"}],)"
        R"("log_problem":"the database is locked","pending_log_rows":2})");
}

TEST_CASE("status json: an idle player without a schedule, and no player at all") {
    const auto zone = TimeZone::load("Asia/Ho_Chi_Minh");
    engine::EngineStatus status;
    status.state = engine::EngineState::no_schedule;
    status.device = "null";
    CHECK(
        daemon::status_to_json(status, zone) ==
        R"({"running":true,"state":"no_schedule","device":"null","schedule_version":0,"schedule_file":null,)"
        R"("now_playing":null,"next":[],"problems":[],"log_problem":null,"pending_log_rows":0})");
    CHECK(daemon::status_to_json(status, zone, daemon::PlayerPresence::not_running)
              .starts_with(R"({"running":false,"state":"not_running","device":null,)"));
}

TEST_CASE("status json: reads back what it wrote") {
    const auto zone = TimeZone::load("America/New_York");
    const auto original = sample_status();
    const auto parsed = json::Value::parse(daemon::status_to_json(original, zone));
    REQUIRE(parsed);
    const auto status = daemon::status_from_json(*parsed);
    CHECK(status.state == original.state);
    CHECK(status.device == original.device);
    CHECK(status.schedule_version == 3);
    CHECK(status.schedule_file == original.schedule_file);
    REQUIRE(status.now_playing);
    CHECK(status.now_playing->title == original.now_playing->title);
    CHECK(status.now_playing->slot == "sang");
    CHECK(status.now_playing->position == 1);
    CHECK(status.now_playing->started_at == original.now_playing->started_at);
    REQUIRE(status.next.size() == 1);
    CHECK(status.next[0].at == original.next[0].at);
    CHECK(status.next[0].priority == Priority::priority);
    CHECK(status.next[0].items == original.next[0].items);
    REQUIRE(status.problems.size() == 1);
    CHECK(status.problems[0].at == original.problems[0].at);
    CHECK(status.problems[0].message == original.problems[0].message);
    CHECK(status.log_problem == original.log_problem);
    CHECK(status.pending_log_rows == 2);
}

TEST_CASE("status json: a status of another shape is an error naming the member") {
    const auto parsed = json::Value::parse(R"({"state":"dancing"})");
    REQUIRE(parsed);
    CHECK_THROWS_WITH(daemon::status_from_json(*parsed), Catch::Contains("'state'"));
    const auto missing = json::Value::parse(R"({"state":"idle","device":"x"})");
    CHECK_THROWS_AS(daemon::status_from_json(*missing), Error);
}
