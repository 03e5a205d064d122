#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "lib/sqlite/database.hpp"
#include "library/campaign_store.hpp"
#include "station/home.hpp"

#include <catch2/catch.hpp>

namespace {

struct Fixture {
    loa::test::TempDir dir;
    loa::station::Home home{dir / "home"};
    std::unique_ptr<loa::sqlite::Database> db;
    Fixture() {
        home.initialise({});
        db = home.open_database();
    }
};

loa::library::Campaign anti_fraud() {
    return {"chong-lua-dao-2020", "Chống lừa đảo qua mạng",       "498/STTTT-TTBCBC", "2020-07-17",
            "2020-12-31",         "2026-11-27T10:00:00.000+07:00"};
}

} // namespace

TEST_CASE("campaigns are stored with full Unicode and listed by start date") {
    Fixture f;
    loa::library::CampaignStore store(*f.db);
    store.add(anti_fraud());
    store.add(
        {"bao-lu", "Phòng chống bão lũ", {}, "2020-06-01", {}, "2026-11-27T10:00:00.000+07:00"});
    const auto all = store.list();
    REQUIRE(all.size() == 2);
    CHECK(all[0].id == "bao-lu");
    CHECK(all[1].title == "Chống lừa đảo qua mạng");
    CHECK(all[1].reference == "498/STTTT-TTBCBC");
    CHECK(store.find("chong-lua-dao-2020")->valid_until == "2020-12-31");
}

TEST_CASE("bad campaigns are refused") {
    Fixture f;
    loa::library::CampaignStore store(*f.db);
    store.add(anti_fraud());
    CHECK_THROWS_WITH(store.add(anti_fraud()), Catch::Contains("already exists"));
    auto bad = anti_fraud();
    bad.id = "Chống";
    CHECK_THROWS_AS(store.add(bad), loa::InputError);
    bad = anti_fraud();
    bad.id = "x";
    bad.valid_from = "2020-02-30";
    CHECK_THROWS_WITH(store.add(bad), Catch::Contains("--from") && Catch::Contains("YYYY-MM-DD"));
    bad.valid_from = "2021-01-01";
    CHECK_THROWS_WITH(store.add(bad), Catch::Contains("before it starts"));
    CHECK(store.list().size() == 1);
}

TEST_CASE("dates are real calendar dates") {
    CHECK(loa::library::is_iso_date("2020-02-29"));
    CHECK_FALSE(loa::library::is_iso_date("2021-02-29"));
    CHECK_FALSE(loa::library::is_iso_date("2020-7-1"));
    CHECK_FALSE(loa::library::is_iso_date("2020-13-01"));
}
