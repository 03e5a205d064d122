#include "common/temp_dir.hpp"
#include "core/durable_file.hpp"
#include "core/error.hpp"
#include "station/station_config.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

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
        CHECK_THROWS_WITH(load_station_config(path),
                          Catch::Contains("station.toml:3:1: unknown key 'colour'"));
    }
    SECTION("wrong type") {
        loa::write_file_durably(
            path, "[station]\ncode = \"X\"\n[output]\nloudness_target_lufs = \"loud\"\n");
        CHECK_THROWS_WITH(load_station_config(path),
                          Catch::Contains("station.toml:4:") && Catch::Contains("number"));
    }
    SECTION("syntax") {
        loa::write_file_durably(path, "[station]\ncode = \"X\n");
        CHECK_THROWS_AS(load_station_config(path), loa::InputError);
        CHECK_THROWS_WITH(load_station_config(path), Catch::Contains("station.toml:2:"));
    }
    SECTION("bad quiet hours") {
        loa::write_file_durably(
            path, "[station]\ncode = \"X\"\n[policy]\nquiet_hours = [\"22:00\", \"25:00\"]\n");
        CHECK_THROWS_WITH(load_station_config(path), Catch::Contains("station.toml:4:"));
    }
    SECTION("unknown time zone") {
        loa::write_file_durably(path, "[station]\ncode = \"X\"\ntimezone = \"Asia/Hanoi-City\"\n");
        CHECK_THROWS_AS(load_station_config(path), loa::InputError);
    }
}

namespace {

/// The message load_station_config() refuses `text` with, or "" if it accepts it.
std::string refusal(const std::string &text) {
    loa::test::TempDir dir;
    loa::write_file_durably(dir / "station.toml", text);
    try {
        load_station_config(dir / "station.toml");
    } catch (const loa::InputError &error) {
        const std::string message = error.what();
        const auto file = message.find("station.toml");
        return file == std::string::npos ? message : message.substr(file);
    }
    return "";
}

const std::string station_section = "[station]\ncode = \"X\"\n";

} // namespace

TEST_CASE("station.toml settings outside their sensible range are refused at their line") {
    CHECK(refusal(station_section + "[output]\nloudness_target_lufs = -500\n") ==
          "station.toml:4:24: 'loudness_target_lufs' is -500, outside -40 to -5 LUFS: write a "
          "number in that range (-16 suits outdoor loudspeakers)");
    CHECK(refusal(station_section + "[output]\nloudness_target_lufs = nan\n") ==
          "station.toml:4:24: 'loudness_target_lufs' is nan, outside -40 to -5 LUFS: write a "
          "number in that range (-16 suits outdoor loudspeakers)");
    CHECK(refusal(station_section + "[output]\nloudness_target_lufs = -4\n")
              .starts_with("station.toml:4:24: 'loudness_target_lufs' is -4, outside"));
    CHECK(refusal(station_section + "[output]\nmax_boost_db = inf\n") ==
          "station.toml:4:16: 'max_boost_db' is inf, outside 0 to 30 dB: write a number in that "
          "range (12 is usual; 0 never amplifies)");
    CHECK(refusal(station_section + "[output]\nmax_boost_db = -1\n")
              .starts_with("station.toml:4:16: 'max_boost_db' is -1, outside 0 to 30 dB"));
    CHECK(refusal(station_section + "[policy]\nmax_session_minutes = 1e17\n") ==
          "station.toml:4:23: 'max_session_minutes' must be a whole number of minutes, from 1 to "
          "1440");
    CHECK(refusal(station_section + "[policy]\nmax_session_minutes = 100000000000000000\n") ==
          "station.toml:4:23: 'max_session_minutes' is 100000000000000000, outside 1 to 1440 "
          "minutes: write a number in that range (a day has 1440)");
    CHECK(refusal(station_section + "[policy]\nmax_session_minutes = 0\n")
              .starts_with("station.toml:4:23: 'max_session_minutes' is 0, outside 1 to 1440"));
    CHECK(refusal(station_section + "[policy]\nquiet_hours = [\"22:00\", \"22:00\"]\n") ==
          "station.toml:4:15: 'quiet_hours' starts and ends at the same time, which would mean "
          "either none or the whole day: write two times, start and end, like [\"22:00\", "
          "\"05:00\"], or [] for none");
    // The bounds themselves are accepted.
    CHECK(refusal(station_section + "[output]\nloudness_target_lufs = -40\nmax_boost_db = 30\n"
                                    "[policy]\nmax_session_minutes = 1440\n") == "");
    CHECK(refusal(station_section + "[output]\nloudness_target_lufs = -5\nmax_boost_db = 0\n"
                                    "[policy]\nmax_session_minutes = 1\nquiet_hours = []\n") == "");
}

TEST_CASE("an unknown time zone is reported at its line in station.toml") {
    CHECK(refusal("[station]\ncode = \"X\"\ntimezone = \"Asia/Hanoi-City\"\n") ==
          "station.toml:3:12: unknown time zone 'Asia/Hanoi-City': use a name from "
          "/usr/share/zoneinfo, such as Asia/Ho_Chi_Minh");
}

TEST_CASE("a station.toml that cannot be read says so and why, not 0:0") {
    loa::test::TempDir dir;
    const auto path = dir / "station.toml";
    SECTION("a folder") {
        std::filesystem::create_directory(path);
        CHECK_THROWS_WITH(load_station_config(path),
                          "cannot read '" + path.string() +
                              "': it is a folder, not a file; move it away and write station.toml "
                              "('loa init' in a new folder shows one)");
    }
    SECTION("missing") {
        CHECK_THROWS_WITH(load_station_config(path),
                          "cannot read '" + path.string() + "': No such file or directory");
    }
    SECTION("a FIFO (reading would wait for a writer forever)") {
        REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
        CHECK_THROWS_WITH(load_station_config(path),
                          "cannot read '" + path.string() + "': it is not a regular file");
    }
    SECTION("no permission") {
        loa::write_file_durably(path, station_section);
        std::filesystem::permissions(path, std::filesystem::perms::none);
        if (::geteuid() == 0)
            WARN("running as root, which reads any file: the permission case is not exercised");
        else
            CHECK_THROWS_WITH(load_station_config(path),
                              "cannot read '" + path.string() +
                                  "': Permission denied; let the user running loa read it "
                                  "(chmod a+r)");
    }
}

TEST_CASE("station.toml shapes that would overflow the parser's stack are refused at their place") {
    SECTION("a table header of 50,000 dotted parts (a few hundred kB)") {
        std::string header = "[a";
        for (int i = 0; i < 50'000; ++i)
            header += ".a";
        CHECK(refusal(station_section + header + "]\n") ==
              "station.toml:3:65: this table header has more than 32 parts separated by dots; "
              "loa's files need at most two (like [output] or slot.id): shorten it");
    }
    SECTION("a dotted key") {
        std::string key = "x";
        for (int i = 0; i < 50'000; ++i)
            key += ".x";
        CHECK(refusal(station_section + key + " = 1\n")
                  .starts_with("station.toml:3:64: this key has more than 32 parts"));
    }
    SECTION("nested arrays and inline tables") {
        std::string value;
        for (int i = 0; i < 50'000; ++i)
            value += i % 2 ? "{a = " : "[";
        CHECK(refusal(station_section + "deep = " + value + "\n") ==
              "station.toml:3:104: arrays and inline tables are nested more than 32 deep here; "
              "loa's files need at most three: remove the extra brackets");
    }
}

TEST_CASE("station.toml written with control characters in a name reads back the same") {
    loa::test::TempDir dir;
    loa::station::StationConfig config;
    config.code = "X";
    config.name = "line one\nline two\ttab \"quoted\" \\";
    loa::write_file_durably(dir / "station.toml", loa::station::render_station_config(config));
    CHECK(load_station_config(dir / "station.toml").name == config.name);
}

TEST_CASE("[tts]: the voice command, its timeout and the emergency repeat") {
    loa::test::TempDir dir;
    const auto path = dir / "station.toml";
    loa::write_file_durably(path, station_section +
                                      "[tts]\ncommand = \"piper --vi\"\n"
                                      "timeout_seconds = 5\nrepeat_emergency = false\n");
    const auto config = load_station_config(path);
    CHECK(config.tts.command == std::optional<std::string>("piper --vi"));
    CHECK(config.tts.timeout_seconds == 5);
    CHECK_FALSE(config.tts.repeat_emergency);
    // What init writes: espeak-ng reads, 30 s, emergencies twice.
    loa::station::StationConfig fresh;
    fresh.code = "X";
    loa::write_file_durably(path, loa::station::render_station_config(fresh));
    const auto read = load_station_config(path);
    CHECK_FALSE(read.tts.command);
    CHECK(read.tts.timeout_seconds == 30);
    CHECK(read.tts.repeat_emergency);
}

TEST_CASE("[tts] settings that cannot work are refused at their line") {
    CHECK(refusal(station_section + "[tts]\ncommand = \"  \"\n") ==
          "station.toml:4:11: 'command' is empty; write the program that reads text aloud, or "
          "remove the line to use espeak-ng");
    CHECK(refusal(station_section + "[tts]\ncommand = 3\n") ==
          "station.toml:4:11: 'command' must be text in quotes");
    CHECK(refusal(station_section + "[tts]\ntimeout_seconds = 0\n")
              .starts_with("station.toml:4:19: 'timeout_seconds' is 0, outside 1 to 600 seconds"));
    CHECK(refusal(station_section + "[tts]\nrepeat_emergency = \"yes\"\n") ==
          "station.toml:4:20: 'repeat_emergency' must be true or false");
    CHECK(refusal(station_section + "[tts]\nvoice = \"vi\"\n") ==
          "station.toml:4:1: unknown key 'voice'; remove it or check its spelling");
}
