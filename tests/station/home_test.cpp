#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "lib/sqlite/database.hpp"
#include "station/home.hpp"
#include "station/schedule_store.hpp"
#include "station/schema.hpp"

#include <catch2/catch.hpp>

TEST_CASE("init creates the home once and keeps the chain id") {
    loa::test::TempDir dir;
    const loa::station::Home home(dir / "station");
    loa::station::StationConfig config;
    config.code = "T-1";
    CHECK(home.initialise(config));
    std::string first_chain;
    {
        auto db = home.open_database();
        first_chain = loa::station::chain_id(*db);
        CHECK(db->user_version() == loa::station::schema_version());
    }
    CHECK(first_chain.size() == 36);
    config.code = "T-2";
    CHECK_FALSE(home.initialise(config));
    CHECK(home.load_config().code == "T-1");
    auto db = home.open_database();
    CHECK(loa::station::chain_id(*db) == first_chain);
}

TEST_CASE("a folder that is not a station home says to run init") {
    loa::test::TempDir dir;
    const loa::station::Home home(dir.path());
    CHECK_THROWS_AS(home.require_initialised(), loa::InputError);
    CHECK_THROWS_WITH(home.load_config(), Catch::Contains("loa init"));
}

TEST_CASE("loading a schedule version makes it the only active one") {
    loa::test::TempDir dir;
    const loa::station::Home home(dir.path());
    home.initialise({});
    auto db = home.open_database();
    loa::station::ScheduleStore store(*db);
    CHECK_FALSE(store.active());
    CHECK(store.active_version() == 0);
    const auto now = std::chrono::system_clock::now();
    const auto v1 = store.activate("a.toml", "version = 1\n", "2020-07-17T08:00:00.000+07:00", now);
    const auto v2 =
        store.activate("b.toml", "version = 1\n# b\n", "2020-07-18T08:00:00.000+07:00", now);
    CHECK(v2 > v1);
    REQUIRE(store.active());
    CHECK(store.active()->file_name == "b.toml");
    CHECK(store.active_version() == v2);
    const auto history = store.history();
    REQUIRE(history.size() == 2);
    CHECK_FALSE(history[0].active);
    CHECK(history[1].active);
}
