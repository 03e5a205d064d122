// expand(): which occurrences a schedule has in a range, and at which instants.
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace loa::schedule;
using namespace loa::schedule::test;
using namespace std::chrono_literals;
using loa::Priority;
using loa::TimePoint;
using loa::TimeZone;

namespace {

/// "slot @ ISO-instant [items]" for each occurrence, to compare whole expansions.
std::vector<std::string> describe(const std::vector<Occurrence> &occurrences, const TimeZone &tz) {
    std::vector<std::string> lines;
    for (const Occurrence &occurrence : occurrences) {
        std::string line = occurrence.slot + " @ " + tz.format_iso(occurrence.at);
        for (const std::string &item : occurrence.items)
            line += " " + item;
        lines.push_back(line);
    }
    return lines;
}

constexpr std::string_view week_schedule = R"(version = 1
valid_from = 2020-07-17
valid_until = 2020-12-31

[[slot]]
id = "sang"
days = ["mon", "tue", "wed", "thu", "fri"]
at = ["06:15"]
play = ["chuong", "a"]
late = "15m"

[[slot]]
id = "thu-bay"
days = ["sat"]
at = ["07:00"]
play = ["b", "a"]
repeat = 2
from = 2020-07-25
until = 2020-08-01

[[slot]]
id = "phat-dong"
dates = [2020-07-22, 2020-07-20]
at = ["15:30", "06:15"]
play = ["x"]
priority = "priority"

[[slot]]
id = "cn"
days = ["sun"]
at = ["18:00"]
play = ["y"]
until = 2020-07-19

[[skip]]
dates = [2020-07-21]
slots = ["sang"]

[[skip]]
dates = [2020-07-23]
)";

} // namespace

TEST_CASE("expand: a week in Asia/Ho_Chi_Minh", "[schedule][expand]") {
    const Schedule schedule = parse_ok(week_schedule);
    const TimeZone tz = TimeZone::load("Asia/Ho_Chi_Minh");
    // Local midnights of Thursday 16 and Monday 27 July 2020 (UTC+7).
    const auto occurrences = expand(schedule, utc(2020, 7, 15, 17), utc(2020, 7, 26, 17), tz);
    CHECK(describe(occurrences, tz) ==
          std::vector<std::string>{
              // 16th: before valid_from.
              "sang @ 2020-07-17T06:15:00.000+07:00 chuong a",
              // 18th: thu-bay has not started yet.
              "cn @ 2020-07-19T18:00:00.000+07:00 y",
              "phat-dong @ 2020-07-20T06:15:00.000+07:00 x", // priority before normal
              "sang @ 2020-07-20T06:15:00.000+07:00 chuong a",
              "phat-dong @ 2020-07-20T15:30:00.000+07:00 x",
              // 21st: sang is skipped.
              "phat-dong @ 2020-07-22T06:15:00.000+07:00 x",
              "sang @ 2020-07-22T06:15:00.000+07:00 chuong a",
              "phat-dong @ 2020-07-22T15:30:00.000+07:00 x",
              // 23rd: everything is skipped.
              "sang @ 2020-07-24T06:15:00.000+07:00 chuong a",
              "thu-bay @ 2020-07-25T07:00:00.000+07:00 b a b a",
              // 26th: cn ended on the 19th.
          });
    REQUIRE(occurrences.size() == 10);
    CHECK(occurrences[0].at == utc(2020, 7, 16, 23, 15));
    CHECK(occurrences[0].priority == Priority::normal);
    CHECK(occurrences[0].late == LatePolicy{LatePolicy::Kind::within, 15min});
    CHECK(occurrences[0].date == date(2020, 7, 17));
    CHECK(occurrences[0].time_of_day == 6h + 15min);
    CHECK(occurrences[2].priority == Priority::priority);
    CHECK(occurrences[2].late == LatePolicy{});
}

TEST_CASE("expand: the range includes its start and excludes its end", "[schedule][expand]") {
    const Schedule schedule = parse_ok(week_schedule);
    const TimeZone tz = TimeZone::load("Asia/Ho_Chi_Minh");
    const TimePoint sang_17th = utc(2020, 7, 16, 23, 15);
    CHECK(expand(schedule, sang_17th, sang_17th + 1s, tz).size() == 1);
    CHECK(expand(schedule, sang_17th - 1s, sang_17th, tz).empty());
    CHECK(expand(schedule, sang_17th + 1ms, sang_17th + 24h, tz).empty());
    CHECK(expand(schedule, sang_17th, sang_17th, tz).empty());
    CHECK(expand(schedule, sang_17th + 1h, sang_17th, tz).empty());
}

TEST_CASE("expand: valid_until ends the schedule", "[schedule][expand]") {
    const Schedule schedule = parse_ok(week_schedule);
    const TimeZone tz = TimeZone::load("Asia/Ho_Chi_Minh");
    const auto occurrences = expand(schedule, utc(2020, 12, 29, 17), utc(2021, 1, 5, 17), tz);
    CHECK(describe(occurrences, tz) ==
          std::vector<std::string>{"sang @ 2020-12-30T06:15:00.000+07:00 chuong a",
                                   "sang @ 2020-12-31T06:15:00.000+07:00 chuong a"});
}

TEST_CASE("expand: equal instants and priorities keep the file's order", "[schedule][expand]") {
    const Schedule schedule = parse_ok(R"(version = 1
[[slot]]
id = "z"
days = ["daily"]
at = ["08:00"]
play = ["1"]
[[slot]]
id = "a"
days = ["daily"]
at = ["08:00"]
play = ["2"]
priority = "emergency"
[[slot]]
id = "m"
days = ["daily"]
at = ["08:00"]
play = ["3"]
)");
    const TimeZone tz = TimeZone::load("Asia/Ho_Chi_Minh");
    const auto occurrences = expand(schedule, utc(2020, 7, 20, 0), utc(2020, 7, 21, 0), tz);
    CHECK(describe(occurrences, tz) ==
          std::vector<std::string>{"a @ 2020-07-20T08:00:00.000+07:00 2",
                                   "z @ 2020-07-20T08:00:00.000+07:00 1",
                                   "m @ 2020-07-20T08:00:00.000+07:00 3"});
}

TEST_CASE("expand: a skip on a date outside the range changes nothing", "[schedule][expand]") {
    const Schedule schedule = parse_ok(week_schedule);
    const TimeZone tz = TimeZone::load("Asia/Ho_Chi_Minh");
    // The 24th is a Friday with no skip; the 23rd's skip must not leak into it.
    CHECK(expand(schedule, utc(2020, 7, 23, 17), utc(2020, 7, 24, 17), tz).size() == 1);
}

namespace {

std::string daily_at(std::string_view times) {
    return "version = 1\n[[slot]]\nid = \"s\"\ndays = [\"daily\"]\nat = " + std::string(times) +
           "\nplay = [\"x\"]\n";
}

std::vector<TimePoint> instants(const std::vector<Occurrence> &occurrences) {
    std::vector<TimePoint> result;
    for (const Occurrence &occurrence : occurrences)
        result.push_back(occurrence.at);
    return result;
}

} // namespace

TEST_CASE("expand: Europe/Berlin daylight saving", "[schedule][expand][dst]") {
    const TimeZone tz = TimeZone::load("Europe/Berlin");
    const Schedule schedule = parse_ok(daily_at(R"(["02:30"])"));

    SECTION("spring gap: 02:30 does not exist on 28 March 2021 and plays at 03:00") {
        const auto occurrences = expand(schedule, utc(2021, 3, 26, 23), utc(2021, 3, 29, 22), tz);
        CHECK(instants(occurrences) == std::vector{utc(2021, 3, 27, 1, 30),   // CET
                                                   utc(2021, 3, 28, 1, 0),    // 03:00 CEST
                                                   utc(2021, 3, 29, 0, 30)}); // CEST
        REQUIRE(occurrences.size() == 3);
        CHECK(tz.format_iso(occurrences[1].at) == "2021-03-28T03:00:00.000+02:00");
        CHECK(occurrences[1].date == date(2021, 3, 28));
        CHECK(occurrences[1].time_of_day == 2h + 30min); // its identity is still 02:30
    }
    SECTION("autumn overlap: 02:30 exists twice on 31 October 2021 and plays once") {
        const auto occurrences = expand(schedule, utc(2021, 10, 29, 22), utc(2021, 11, 1, 23), tz);
        CHECK(instants(occurrences) == std::vector{utc(2021, 10, 30, 0, 30),  // CEST
                                                   utc(2021, 10, 31, 0, 30),  // first 02:30
                                                   utc(2021, 11, 1, 1, 30)}); // CET
        REQUIRE(occurrences.size() == 3);
        CHECK(tz.format_iso(occurrences[1].at) == "2021-10-31T02:30:00.000+02:00");
    }
    SECTION("a range that starts inside the overlap's second hour does not replay it") {
        CHECK(expand(schedule, utc(2021, 10, 31, 1, 0), utc(2021, 10, 31, 2, 0), tz).empty());
    }
}

TEST_CASE("expand: America/New_York daylight saving", "[schedule][expand][dst]") {
    const TimeZone tz = TimeZone::load("America/New_York");

    SECTION("spring gap: 02:30 on 14 March 2021 plays at 03:00 EDT") {
        const Schedule schedule = parse_ok(daily_at(R"(["02:30"])"));
        const auto occurrences = expand(schedule, utc(2021, 3, 13, 5), utc(2021, 3, 16, 4), tz);
        CHECK(instants(occurrences) == std::vector{utc(2021, 3, 13, 7, 30),   // EST
                                                   utc(2021, 3, 14, 7, 0),    // 03:00 EDT
                                                   utc(2021, 3, 15, 6, 30)}); // EDT
        REQUIRE(occurrences.size() == 3);
        CHECK(tz.format_iso(occurrences[1].at) == "2021-03-14T03:00:00.000-04:00");
    }
    SECTION("autumn overlap: 01:30 on 7 November 2021 plays once, at its EDT instant") {
        const Schedule schedule = parse_ok(daily_at(R"(["01:30"])"));
        const auto occurrences = expand(schedule, utc(2021, 11, 6, 4), utc(2021, 11, 9, 5), tz);
        CHECK(instants(occurrences) == std::vector{utc(2021, 11, 6, 5, 30),   // EDT
                                                   utc(2021, 11, 7, 5, 30),   // first 01:30, EDT
                                                   utc(2021, 11, 8, 6, 30)}); // EST
        REQUIRE(occurrences.size() == 3);
        CHECK(tz.format_iso(occurrences[1].at) == "2021-11-07T01:30:00.000-04:00");
    }
}

TEST_CASE("expand: two times that a DST gap joins stay two occurrences",
          "[schedule][expand][dst]") {
    const TimeZone tz = TimeZone::load("Europe/Berlin");
    const Schedule schedule = parse_ok(daily_at(R"(["02:30", "03:00"])"));
    const auto occurrences = expand(schedule, utc(2021, 3, 27, 23), utc(2021, 3, 28, 2), tz);
    REQUIRE(occurrences.size() == 2);
    CHECK(occurrences[0].at == utc(2021, 3, 28, 1));
    CHECK(occurrences[1].at == utc(2021, 3, 28, 1));
    CHECK(occurrences[0].time_of_day == 2h + 30min);
    CHECK(occurrences[1].time_of_day == 3h);
}

TEST_CASE("expand: consecutive ranges neither repeat nor lose an occurrence",
          "[schedule][expand][dst]") {
    const Schedule schedule = parse_ok(daily_at(R"(["00:00", "01:30", "02:30", "23:59:59"])"));
    for (const char *zone : {"Europe/Berlin", "America/New_York", "Asia/Ho_Chi_Minh"}) {
        INFO(zone);
        const TimeZone tz = TimeZone::load(zone);
        const TimePoint begin = utc(2021, 3, 10, 0), end = utc(2021, 3, 20, 0);
        const auto whole = instants(expand(schedule, begin, end, tz));
        CHECK(whole.size() == 40);
        std::vector<TimePoint> pieces;
        for (TimePoint at = begin; at < end; at += 7h + 13min) {
            const auto part = instants(expand(schedule, at, std::min(at + 7h + 13min, end), tz));
            pieces.insert(pieces.end(), part.begin(), part.end());
        }
        CHECK(pieces == whole);
    }
}
