// What every play and every row share, whichever way it comes: the library's
// snapshot on rows that never start, the silent-output refusal, and the progress
// lines people read. Real schedule, library and play log in SQLite; virtual output.
#include "engine/engine.hpp"
#include "engine/progress_line.hpp"
#include "support/engine_station.hpp"

#include <catch2/catch.hpp>

using namespace std::chrono;
using namespace std::chrono_literals;
using loa::PlayStatus;
using loa::test::monday;

namespace {

const auto &zone = loa::test::station_zone();

struct Station : loa::test::EngineStation {
    loa::engine::VirtualOutput output{clock};
    std::vector<std::string> lines;

    Station() { add_tone("tone", 1, 2.0, std::string("Chuông")); }

    void run(const std::string &toml, loa::TimePoint from, loa::TimePoint until,
             double target_lufs = -16.0) {
        load(toml);
        clock.set(from);
        loa::engine::EngineSettings settings{zone, std::nullopt};
        settings.loudness_target_lufs = target_lufs;
        loa::engine::Engine engine(clock, *schedules, *library, *log, output, settings);
        engine.on_message([this](std::string_view line) { lines.emplace_back(line); });
        while (clock.now() < until)
            clock.sleep_until(std::min(engine.step(), until));
    }
};

const std::string at_six = loa::test::two_tones_at_six("0");

} // namespace

TEST_CASE("a row that never starts carries the library's snapshot, as a played row does") {
    Station s;
    s.run(at_six, monday(6, 30), monday(6, 31));            // missed: the slot allows no late play
    s.run(at_six, monday(5, 59) + 24h, monday(6, 5) + 24h); // played on Tuesday
    const auto rows = s.log->query({});
    REQUIRE(rows.size() == 4);
    const auto tone = s.library->find("tone");
    for (const auto &row : rows) {
        CAPTURE(loa::to_string(row.status));
        CHECK(row.title == "Chuông");
        CHECK(row.sha256 == tone->sha256);
        CHECK(row.device == "null");
        CHECK(row.clock_synced == s.clock.synchronised());
    }
    CHECK(rows[0].status == PlayStatus::missed);
    CHECK(rows[3].status == PlayStatus::completed);
}

TEST_CASE("a play the loudness settings would make silent fails with the reason") {
    Station s;
    s.run(at_six, monday(5, 59), monday(6, 5), -500.0);
    const auto rows = s.log->query({});
    REQUIRE(rows.size() == 2);
    for (const auto &row : rows) {
        CHECK(row.status == PlayStatus::failed);
        CHECK(row.error.value_or("").find("loudness_target_lufs") != std::string::npos);
    }
}

TEST_CASE(
    "progress lines show the station's time of day, the date when it changes, positions from 1") {
    Station s;
    s.run(at_six, monday(5, 59), monday(6, 5));
    REQUIRE(s.lines.size() >= 3);
    CHECK(s.lines[0] == "20/07/2020 05:59:00 schedule test.toml (version 1) is active");
    CHECK(s.lines[1] == "06:00:00 playing tone (sang #1)");
    CHECK(s.lines[2] == "06:00:02 completed tone");

    loa::engine::ProgressLines lines(zone);
    CHECK(lines.line(monday(23, 59, 59), "a") == "20/07/2020 23:59:59 a");
    CHECK(lines.line(monday(23, 59, 59) + 1s, "b") == "21/07/2020 00:00:00 b");
    CHECK(lines.line(monday(23, 59, 59) + 2s, "c") == "00:00:01 c");
}

TEST_CASE("a station database the engine cannot read does not silence it") {
    // The schedule and the announcements become unreadable between two occurrences
    // (as when loa.db's header is overwritten): the engine plays on with what it holds.
    Station s;
    s.load("version = 1\n[[slot]]\nid = \"sang\"\ndays = [\"daily\"]\n"
           "at = [\"06:00\", \"06:10\"]\nplay = [\"tone\"]\n");
    s.clock.set(monday(5, 59));
    loa::engine::Engine engine(s.clock, *s.schedules, *s.library, *s.log, s.output,
                               {zone, std::nullopt});
    engine.on_message([&s](std::string_view line) { s.lines.emplace_back(line); });
    const auto run_until = [&](loa::TimePoint until) {
        while (s.clock.now() < until)
            s.clock.sleep_until(std::min(engine.step(), until));
    };
    run_until(monday(6, 5));
    s.db->execute("ALTER TABLE announcements RENAME TO hidden_announcements");
    s.db->execute("ALTER TABLE schedules RENAME TO hidden_schedules");
    run_until(monday(6, 15));
    const auto rows = s.log->query({});
    REQUIRE(rows.size() == 2);
    for (const auto &row : rows) {
        CHECK(row.status == PlayStatus::completed);
        CHECK(row.title == "Chuông");
    }
    const auto said = std::count_if(s.lines.begin(), s.lines.end(), [](const std::string &line) {
        return line.find("station database cannot be read") != std::string::npos;
    });
    CHECK(said == 1); // said once, not at every step
    CHECK(engine.status().problems.size() == 1);
}
