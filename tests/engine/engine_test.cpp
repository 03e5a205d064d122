// The engine on a ManualClock with the null sink: real schedule parsing, real
// library and play log in SQLite, real decoding; a day passes in milliseconds.
#include "engine/engine.hpp"
#include "playout/player.hpp"
#include "support/engine_station.hpp"

#include <catch2/catch.hpp>

using namespace std::chrono;
using namespace std::chrono_literals;
using loa::test::monday;

namespace {

const auto &zone = loa::test::station_zone();

/// The engine on the real player with the null sink.
struct Station : loa::test::EngineStation {
    std::unique_ptr<loa::playout::Player> player;

    Station() {
        add_tone("tone", 2, 2.0);
        player = std::make_unique<loa::playout::Player>(
            loa::playout::OutputSpec{loa::playout::OutputSpec::Kind::null, ""}, clock);
    }

    /// Runs a fresh engine (as after a restart) from the clock's now until `until`.
    void run_until(loa::TimePoint until,
                   std::optional<loa::station::QuietHours> quiet = loa::station::QuietHours{}) {
        loa::engine::Engine engine(clock, *schedules, *library, *log, *player,
                                   loa::engine::EngineSettings{zone, quiet});
        while (clock.now() < until) {
            const auto next = engine.step();
            clock.sleep_until(std::min(next, until));
        }
    }
};

const std::string two_items_at_six = loa::test::two_tones_at_six("10m");

} // namespace

TEST_CASE("a due slot plays each item once, the first at its instant") {
    Station s;
    s.load(two_items_at_six, monday(4, 0));
    s.run_until(monday(6, 5));
    auto rows = s.rows();
    REQUIRE(rows.size() == 2);
    for (const auto &row : rows) {
        CHECK(row.status == loa::PlayStatus::completed);
        CHECK(row.slot == "sang");
        CHECK(row.scheduled_at == loa::StationTime::parse("2020-07-20T06:00:00.000+07:00"));
        CHECK(row.sha256 == s.library->find("tone")->sha256);
        CHECK(row.seq.has_value());
    }
    CHECK(rows[0].position == 0);
    CHECK(rows[0].started_at == loa::StationTime::parse("2020-07-20T06:00:00.000+07:00"));
    CHECK(rows[0].lateness_ms == 0);
    CHECK(rows[0].duration_ms >= 2000);
    CHECK(rows[1].position == 1);
    CHECK(rows[1].started_at->instant >= rows[0].ended_at->instant);

    // A restart within the same minute replays nothing.
    s.clock.set(monday(6, 0, 30));
    s.run_until(monday(6, 9));
    CHECK(s.rows().size() == 2);
}

TEST_CASE("after downtime a slot within its late allowance plays late, beyond it is missed") {
    Station s;
    s.load(two_items_at_six + R"(
[[slot]]
id = "som"
days = ["daily"]
at = ["05:30"]
play = ["tone"]
late = "10m"
)",
           monday(4, 0));
    s.clock.set(monday(6, 4)); // the player was off from before 05:30 until 06:04
    s.run_until(monday(6, 10));
    const auto rows = s.rows();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].slot == "som");
    CHECK(rows[0].status == loa::PlayStatus::missed);
    CHECK(rows[0].error.value_or("").find("34 min late") != std::string::npos);
    CHECK(rows[1].slot == "sang");
    CHECK(rows[1].status == loa::PlayStatus::completed);
    CHECK(rows[1].lateness_ms >= 4 * 60 * 1000);
    CHECK(rows[2].status == loa::PlayStatus::completed);
}

TEST_CASE("a normal slot inside quiet hours is logged skipped; an emergency one plays") {
    Station s;
    s.load(R"(version = 1
[[slot]]
id = "dem"
days = ["daily"]
at = ["05:10"]
play = ["tone"]

[[slot]]
id = "bao"
days = ["daily"]
at = ["05:20"]
play = ["tone"]
priority = "emergency"
)",
           monday(4, 0));
    s.run_until(monday(5, 30), loa::station::QuietHours{hours{22}, hours{6}});
    const auto rows = s.rows();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].slot == "dem");
    CHECK(rows[0].status == loa::PlayStatus::skipped);
    CHECK(rows[1].slot == "bao");
    CHECK(rows[1].status == loa::PlayStatus::completed);
    CHECK(rows[1].priority == loa::Priority::emergency);
}

TEST_CASE("an id missing from the library fails that item with the reason; the others play") {
    Station s;
    s.load(R"(version = 1
[[slot]]
id = "sang"
days = ["daily"]
at = ["06:00"]
play = ["khong-co", "tone"]
)",
           monday(4, 0));
    s.run_until(monday(6, 5));
    const auto rows = s.rows();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].status == loa::PlayStatus::failed);
    CHECK(rows[0].error.value_or("").find("not in the library") != std::string::npos);
    CHECK(rows[1].status == loa::PlayStatus::completed);
}

TEST_CASE("occurrences from before the schedule was loaded are not the engine's to play") {
    Station s;
    s.clock.set(monday(7, 0));
    s.load(two_items_at_six, monday(7, 0));
    s.run_until(monday(7, 30));
    CHECK(s.rows().empty());
}

TEST_CASE("a slot's gap leaves that much silence between items") {
    Station s;
    s.load(R"(version = 1
[[slot]]
id = "sang"
days = ["daily"]
at = ["06:00"]
play = ["tone", "tone"]
gap = 5
)",
           monday(4, 0));
    s.run_until(monday(6, 5));
    const auto rows = s.log->query({});
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].ended_at == loa::StationTime::parse("2020-07-20T06:00:02.000+07:00"));
    CHECK(rows[1].started_at == loa::StationTime::parse("2020-07-20T06:00:07.000+07:00"));
    CHECK(rows[1].lateness_ms == 0);
}
