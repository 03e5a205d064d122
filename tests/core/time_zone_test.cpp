#include "core/error.hpp"
#include "core/time_zone.hpp"

#include <catch2/catch.hpp>

using namespace std::chrono;
using loa::TimeZone;

namespace {
loa::TimePoint utc(int y, unsigned m, unsigned d, int hh, int mm, int ss = 0) {
    return sys_days(year_month_day{year{y}, month{m}, day{d}}) + hours{hh} + minutes{mm} +
           seconds{ss};
}
} // namespace

TEST_CASE("Vietnam is UTC+7 and formats with milliseconds and offset") {
    const auto zone = TimeZone::load("Asia/Ho_Chi_Minh");
    const auto instant = utc(2020, 7, 19, 23, 0) + milliseconds{4};
    CHECK(zone.format_iso(instant) == "2020-07-20T06:00:00.004+07:00");
    CHECK(zone.format_date(instant) == "2020-07-20");
    CHECK(zone.from_local(year_month_day{year{2020}, month{7}, day{20}}, hours{6}) ==
          utc(2020, 7, 19, 23, 0));
}

TEST_CASE("a local time in a daylight-saving gap maps to the first valid instant after it") {
    const auto berlin = TimeZone::load("Europe/Berlin");
    // 2021-03-28 02:30 does not exist in Berlin; 03:00 CEST = 01:00Z.
    CHECK(berlin.from_local(year_month_day{year{2021}, month{3}, day{28}},
                            hours{2} + minutes{30}) == utc(2021, 3, 28, 1, 0));
    const auto new_york = TimeZone::load("America/New_York");
    CHECK(new_york.from_local(year_month_day{year{2021}, month{3}, day{14}},
                              hours{2} + minutes{30}) == utc(2021, 3, 14, 7, 0));
}

TEST_CASE("a local time in an overlap maps to its first occurrence") {
    const auto berlin = TimeZone::load("Europe/Berlin");
    // 2021-10-31 02:30 happens twice; the first is CEST (+02:00) = 00:30Z.
    const auto instant =
        berlin.from_local(year_month_day{year{2021}, month{10}, day{31}}, hours{2} + minutes{30});
    CHECK(instant == utc(2021, 10, 31, 0, 30));
    CHECK(berlin.format_iso(instant) == "2021-10-31T02:30:00.000+02:00");
    CHECK(berlin.format_iso(instant + hours{1}) == "2021-10-31T02:30:00.000+01:00");
}

TEST_CASE("an unknown zone is refused with advice") {
    CHECK_THROWS_AS(TimeZone::load("Mars/Olympus"), loa::InputError);
    CHECK_THROWS_WITH(TimeZone::load("Mars/Olympus"), Catch::Contains("Asia/Ho_Chi_Minh"));
}

TEST_CASE("dates are parsed strictly") {
    CHECK(loa::parse_date("2020-07-17", "x") == year_month_day{year{2020}, month{7}, day{17}});
    CHECK_THROWS_AS(loa::parse_date("2020-02-30", "x"), loa::InputError);
    CHECK_THROWS_AS(loa::parse_date("17/07/2020", "x"), loa::InputError);
    CHECK_THROWS_AS(loa::parse_date("2020-07-170", "x"), loa::InputError);
}

TEST_CASE("timestamps round to the nearest millisecond") {
    const auto zone = TimeZone::load("Asia/Ho_Chi_Minh");
    const auto six = utc(2020, 7, 19, 23, 0);
    CHECK(zone.format_iso(six - microseconds{100}) == "2020-07-20T06:00:00.000+07:00");
    CHECK(zone.format_iso(six + microseconds{1600}) == "2020-07-20T06:00:00.002+07:00");
}
