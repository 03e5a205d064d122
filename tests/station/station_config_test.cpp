#include "common/temp_dir.hpp"
#include "core/durable_file.hpp"
#include "core/error.hpp"
#include "station/station_config.hpp"

#include <catch2/catch.hpp>

using loa::station::load_station_config;

TEST_CASE("the station.toml written by init reads back the same") {
    loa::test::TempDir dir;
    loa::station::StationConfig config;
    config.code = "KG-GR-VHHB";
    config.name = "Đài Truyền thanh xã Vĩnh Hòa Hưng Bắc";
    config.reports_to = "Sở Văn hóa, Thể thao và Du lịch tỉnh Kiên Giang";
    loa::write_file_durably(dir / "station.toml", loa::station::render_station_config(config));
    const auto read = load_station_config(dir / "station.toml");
    CHECK(read.code == config.code);
    CHECK(read.name == config.name);
    CHECK(read.timezone == "Asia/Ho_Chi_Minh");
    CHECK(read.reports_to == config.reports_to);
    REQUIRE(read.quiet_hours);
    CHECK(read.quiet_hours->contains(std::chrono::hours{23}));
    CHECK(read.quiet_hours->contains(std::chrono::hours{4}));
    CHECK_FALSE(read.quiet_hours->contains(std::chrono::hours{5}));
    CHECK_FALSE(read.quiet_hours->contains(std::chrono::hours{12}));
}

TEST_CASE("station.toml problems name the file, line and column") {
    loa::test::TempDir dir;
    const auto path = dir / "station.toml";
    SECTION("unknown key") {
        loa::write_file_durably(path, "[station]\ncode = \"X\"\ncolour = \"red\"\n");
        CHECK_THROWS_WITH(load_station_config(path), Catch::Contains("station.toml:3:1: unknown key 'colour'"));
    }
    SECTION("wrong type") {
        loa::write_file_durably(path, "[station]\ncode = \"X\"\n[output]\nloudness_target_lufs = \"loud\"\n");
        CHECK_THROWS_WITH(load_station_config(path), Catch::Contains("station.toml:4:") && Catch::Contains("number"));
    }
    SECTION("syntax") {
        loa::write_file_durably(path, "[station]\ncode = \"X\n");
        CHECK_THROWS_AS(load_station_config(path), loa::InputError);
        CHECK_THROWS_WITH(load_station_config(path), Catch::Contains("station.toml:2:"));
    }
    SECTION("bad quiet hours") {
        loa::write_file_durably(path, "[station]\ncode = \"X\"\n[policy]\nquiet_hours = [\"22:00\", \"25:00\"]\n");
        CHECK_THROWS_WITH(load_station_config(path), Catch::Contains("station.toml:4:"));
    }
    SECTION("unknown time zone") {
        loa::write_file_durably(path, "[station]\ncode = \"X\"\ntimezone = \"Asia/Hanoi-City\"\n");
        CHECK_THROWS_AS(load_station_config(path), loa::InputError);
    }
}
