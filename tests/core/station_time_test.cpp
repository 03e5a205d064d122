#include "core/station_time.hpp"
#include "core/time_zone.hpp"

#include <catch2/catch.hpp>

using namespace std::chrono;
using loa::StationTime;

namespace {
loa::TimePoint utc(int y, unsigned m, unsigned d, int h, int min, int s, int ms = 0) {
    return sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min} + seconds{s} +
           milliseconds{ms};
}
} // namespace

TEST_CASE("a station time reads ISO 8601 instants with an offset") {
    CHECK(StationTime::parse("2020-07-20T06:00:00.004+07:00") ==
          StationTime{utc(2020, 7, 19, 23, 0, 0, 4), hours{7}});
    CHECK(StationTime::parse("2020-07-20T06:00:00-04:30") ==
          StationTime{utc(2020, 7, 20, 10, 30, 0), -(hours{4} + minutes{30})});
    CHECK(StationTime::parse("2020-07-20T06:00:00Z") ==
          StationTime{utc(2020, 7, 20, 6, 0, 0), seconds{0}});
    CHECK(StationTime::parse("2020-07-20T06:00:00.5Z")->instant == utc(2020, 7, 20, 6, 0, 0, 500));
    for (const char *bad :
         {"", "2020-07-20", "2020-07-20T06:00:00", "2020-02-30T06:00:00Z", "2020-07-20T24:00:00Z",
          "2020-07-20T06:00:00.Z", "2020-07-20T06:00:00+7:00", "2020-07-20T06:00:00Zx"}) {
        INFO(bad);
        CHECK_FALSE(StationTime::parse(bad));
    }
}

TEST_CASE("a station time's text is the one the play log has always stored, and reads back") {
    const auto zone = loa::TimeZone::load("Asia/Ho_Chi_Minh");
    const auto at = StationTime::in(zone, utc(2020, 7, 19, 23, 0, 0, 4) + microseconds{400});
    CHECK(at.text() == "2020-07-20T06:00:00.004+07:00");
    CHECK(at.text() == zone.format_iso(at.instant));
    CHECK(at.unix_ms() == 1595199600004);
    CHECK(at.people_text() == "2020-07-20 06:00:00");
    CHECK(at.date() == year{2020} / month{7} / day{20});
    for (const char *stored : {"2020-07-20T06:00:00.000+07:00", "2020-07-20T23:59:59.999+07:00",
                               "2021-10-31T02:30:00.000+01:00", "1999-12-31T20:00:00.250-04:30"}) {
        INFO(stored);
        REQUIRE(StationTime::parse(stored));
        CHECK(StationTime::parse(stored)->text() == stored);
    }
}

TEST_CASE("a station time keeps the offset it was written with") {
    const auto berlin = loa::TimeZone::load("Europe/Berlin");
    const auto summer = StationTime::in(berlin, utc(2021, 10, 31, 0, 30, 0));
    const auto winter = StationTime::in(berlin, utc(2021, 10, 31, 1, 30, 0));
    CHECK(summer.text() == "2021-10-31T02:30:00.000+02:00");
    CHECK(winter.text() == "2021-10-31T02:30:00.000+01:00");
    // Read by a station whose zone is another now, a row still says what it said.
    const auto read = StationTime::parse(summer.text());
    REQUIRE(read);
    CHECK(read->utc_offset == hours{2});
    CHECK(read->text() == summer.text());
    // Rounded to the millisecond, as the log has always rounded: .9996 is the next second.
    const auto rounded =
        StationTime::in(berlin, utc(2021, 12, 31, 22, 59, 59, 999) + microseconds{600});
    CHECK(rounded.people_text() == "2022-01-01 00:00:00");
}
