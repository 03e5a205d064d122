// loa remove and loa campaign through the command functions, with a real active
// schedule.
#include "cli/dispatch.hpp"
#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "lib/sqlite/database.hpp"
#include "library/library.hpp"
#include "station/home.hpp"
#include "station/schedule_store.hpp"

#include <catch2/catch.hpp>

#include <sstream>

namespace {

struct Fixture {
    loa::test::TempDir dir;
    loa::station::Home home{dir / "home"};
    std::ostringstream out, err;
    loa::cli::Context context{home, out, err};
    Fixture() {
        loa::station::StationConfig config;
        config.code = "T-01";
        home.initialise(config);
        auto db = home.open_database();
        loa::library::Library library(*db, home.library_path());
        library.import({loa::test::sample_audio("chuong.flac")}, "2026-11-27T10:00:00.000+07:00");
        library.import({loa::test::sample_audio("lua-dao-qua-mang.flac")},
                       "2026-11-27T10:00:00.000+07:00");
        loa::station::ScheduleStore(*db).activate("lich.toml", R"(version = 1
title = "Lịch"

[[slot]]
id = "sang"
days = ["daily"]
at = ["06:00"]
play = ["chuong", "lua-dao-qua-mang"]

[[slot]]
id = "chieu"
days = ["daily"]
at = ["17:00"]
play = ["lua-dao-qua-mang"]
)",
                                                  "2026-11-27T10:00:00.000+07:00", {});
    }
};

} // namespace

TEST_CASE("remove is refused while the active schedule plays the id, naming the slots") {
    Fixture f;
    CHECK_THROWS_WITH(loa::cli::dispatch(f.context, {"remove", "lua-dao-qua-mang"}),
                      Catch::Contains("sang") && Catch::Contains("chieu") &&
                          Catch::Contains("active schedule"));
    CHECK_THROWS_WITH(loa::cli::dispatch(f.context, {"remove", "khong-co"}),
                      Catch::Contains("no announcement"));
}

TEST_CASE("remove deletes an unscheduled announcement and its content") {
    Fixture f;
    loa::test::TempDir source;
    std::filesystem::copy_file(loa::test::sample_audio("chuong.flac"), source / "Chuông mới.flac");
    // Same content under a second id: the file stays while the first id names it.
    REQUIRE(loa::cli::dispatch(f.context, {"import", (source / "Chuông mới.flac").string()}) == 0);
    CHECK(f.out.str().find("chuong-moi") != std::string::npos);
    CHECK(loa::cli::dispatch(f.context, {"remove", "chuong-moi", "--json"}) == 0);
    auto db = f.home.open_database();
    loa::library::Library library(*db, f.home.library_path());
    CHECK_FALSE(library.find("chuong-moi"));
    REQUIRE(library.find("chuong"));
    CHECK(std::filesystem::exists(library.content_path(*library.find("chuong"))));
}

TEST_CASE("campaign add and list, and import naming a campaign") {
    Fixture f;
    CHECK(loa::cli::dispatch(f.context, {"campaign", "add", "chong-lua-dao-2020", "--title",
                                         "Chống lừa đảo", "--ref", "498/STTTT-TTBCBC", "--from",
                                         "2020-07-17", "--until", "2020-12-31"}) == 0);
    CHECK(loa::cli::dispatch(f.context, {"campaign", "list", "--json"}) == 0);
    CHECK(f.out.str().find("\"title\":\"Chống lừa đảo\"") != std::string::npos);
    CHECK(loa::cli::dispatch(f.context,
                             {"import", loa::test::sample_audio("bao-cao-ket-qua.flac").string(),
                              "--campaign", "khong-co"}) == 1);
    CHECK(f.err.str().find("no campaign 'khong-co'") != std::string::npos);
    CHECK(loa::cli::dispatch(
              f.context, {"import", loa::test::sample_audio("bao-cao-ket-qua.flac").string(),
                          "--campaign", "chong-lua-dao-2020", "--valid-from", "2020-07-17"}) == 0);
    CHECK(loa::cli::dispatch(f.context, {"show", "bao-cao-ket-qua", "--json"}) == 0);
    CHECK(f.out.str().find("\"campaign\":\"chong-lua-dao-2020\"") != std::string::npos);
    CHECK(f.out.str().find("\"loudness_lufs\":-") != std::string::npos);
    CHECK_THROWS_AS(loa::cli::dispatch(f.context, {"campaign", "frob"}), loa::UsageError);
}
