#include "schedule/check.hpp"

#include <catch2/catch.hpp>

TEST_CASE("unknown announcement ids are errors at their place in the play list") {
    const auto parsed = loa::schedule::parse(R"(version = 1
[[slot]]
id = "sang"
days = ["daily"]
at = ["06:00"]
play = ["chuong", "khong-co", "lua-dao"]
)",
                                             "lich.toml");
    REQUIRE(parsed.schedule);
    const auto problems = loa::schedule::check_announcements(
        *parsed.schedule, "lich.toml", [](const std::string &id) { return id != "khong-co"; });
    REQUIRE(problems.size() == 1);
    CHECK(loa::schedule::format(problems[0]).rfind("lich.toml:6:19: error: slot 'sang' plays 'khong-co'", 0) == 0);
}
