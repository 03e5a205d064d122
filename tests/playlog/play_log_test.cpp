#include "common/temp_dir.hpp"
#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"
#include "playlog/chain.hpp"
#include "playlog/play_log.hpp"
#include "station/home.hpp"

#include <catch2/catch.hpp>

using namespace std::chrono_literals;

namespace {

struct Fixture {
    loa::test::TempDir dir;
    loa::station::Home home{dir.path()};
    std::unique_ptr<loa::sqlite::Database> db;
    std::unique_ptr<loa::playlog::PlayLog> log;
    const loa::TimePoint six =
        std::chrono::sys_days{std::chrono::year{2020} / 7 / 20} - 1h; // 06:00 +07
    Fixture() {
        home.initialise({});
        db = home.open_database();
        log = std::make_unique<loa::playlog::PlayLog>(*db, "KG-01",
                                                      loa::TimeZone::load("Asia/Ho_Chi_Minh"));
    }
    loa::playlog::PlayRecord item(std::int64_t position) const {
        loa::playlog::PlayRecord r;
        r.slot = "sang";
        r.position = position;
        r.announcement = "lua-dao";
        return r;
    }
};

} // namespace

TEST_CASE("a play is started, then finalised with measured times and chained") {
    Fixture f;
    const auto id = f.log->begin(f.item(0), f.six, f.six).play_id;
    auto rows = f.log->query({});
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].status == loa::PlayStatus::started);
    CHECK_FALSE(rows[0].seq);
    f.log->finish(id, {loa::PlayStatus::completed, f.six + 4ms, f.six + 10s, std::nullopt, 0});
    rows = f.log->query({});
    REQUIRE(rows.size() == 1);
    const auto &r = rows[0];
    CHECK(r.status == loa::PlayStatus::completed);
    CHECK(r.scheduled_at == loa::StationTime::parse("2020-07-20T06:00:00.000+07:00"));
    CHECK(r.started_at == loa::StationTime::parse("2020-07-20T06:00:00.004+07:00"));
    CHECK(r.ended_at == loa::StationTime::parse("2020-07-20T06:00:10.000+07:00"));
    CHECK(r.lateness_ms == 4);
    CHECK(r.duration_ms == 9996);
    CHECK(r.station == "KG-01");
    CHECK(r.seq == 1);
    CHECK(r.prev_hash == loa::playlog::genesis_hash);
    REQUIRE(r.canonical);
    CHECK(r.row_hash == loa::playlog::chain_hash(*r.prev_hash, *r.canonical));
}

TEST_CASE("the database refuses a second outcome for the same item") {
    Fixture f;
    const auto id = f.log->begin(f.item(0), f.six, f.six).play_id;
    f.log->finish(id, {loa::PlayStatus::completed, f.six, f.six + 1s, std::nullopt, 0});
    CHECK(
        f.log->has_outcome("sang", *loa::playlog::CivilDateTime::parse("2020-07-20T06:00:00"), 0));
    CHECK_FALSE(
        f.log->has_outcome("sang", *loa::playlog::CivilDateTime::parse("2020-07-20T06:00:00"), 1));
    CHECK(f.log->begin(f.item(0), f.six, f.six).result == loa::playlog::Begin::already_has_outcome);
    CHECK(f.log->record_outcome(f.item(0), f.six, loa::PlayStatus::missed, "late").result ==
          loa::playlog::Write::already_has_outcome);
    CHECK(f.log->query({}).size() == 1);
}

TEST_CASE("rows left started by a power cut become interrupted, and the item may be retried") {
    Fixture f;
    f.log->begin(f.item(0), f.six, f.six);
    CHECK(f.log->recover_unfinished("power cut") == 1);
    CHECK(f.log->recover_unfinished("power cut") == 0);
    CHECK_FALSE(
        f.log->has_outcome("sang", *loa::playlog::CivilDateTime::parse("2020-07-20T06:00:00"), 0));
    const auto retry = f.log->begin(f.item(0), f.six, f.six + 5min).play_id;
    f.log->finish(retry, {loa::PlayStatus::completed, f.six + 5min, f.six + 6min, std::nullopt, 0});
    const auto rows = f.log->query({});
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].status == loa::PlayStatus::interrupted);
    CHECK(rows[0].error == "power cut");
    CHECK(rows[1].status == loa::PlayStatus::completed);
    CHECK(rows[1].lateness_ms == 0);
    CHECK(rows[1].seq == 2);
    CHECK(rows[1].prev_hash == rows[0].row_hash);
}

TEST_CASE("missed items are final rows placed at their scheduled time") {
    Fixture f;
    f.log->record_outcome(f.item(0), f.six, loa::PlayStatus::missed, "the player was not running");
    loa::playlog::PlayFilter july20;
    july20.from = f.six - 6h;
    july20.to = f.six + 18h;
    july20.status = loa::PlayStatus::missed;
    const auto rows = f.log->query(july20);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].seq == 1);
    july20.from = f.six + 1h;
    CHECK(f.log->query(july20).empty());
}
