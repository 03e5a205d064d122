// parse() on valid files: every field lands where it belongs.
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace loa::schedule;
using namespace loa::schedule::test;
using namespace std::chrono_literals;
using loa::Priority;
using Times = std::vector<std::chrono::seconds>;

namespace {

// The shape of schedules/chong-lua-dao-2020.toml, comments trimmed.
constexpr std::string_view full_example = R"toml(# Lịch phát
version = 1
title = "Lịch phát tuyên truyền phòng, chống lừa đảo (7–12/2020)"
valid_from = 2020-07-17
valid_until = 2020-12-31

[[slot]]
id = "sang"
title = "Chương trình buổi sáng"
days = ["mon", "tue", "wed", "thu", "fri"]
at = ["06:15"]
play = ["chuong", "lua-dao-qua-mang", "thu-doan-lua-dao", "campuchia-mo-cua", "bao-cao-ket-qua"]
repeat = 1
priority = "normal"
late = "15m"

[[slot]]
id = "thu-bay"
title = "Bản tin sáng thứ Bảy"
days = ["sat"]
at = ["07:00"]
play = ["campuchia-mo-cua", "lua-dao-qua-mang"]
repeat = 2
late = "1h"
from = 2020-07-18
until = 2020-08-29

[[slot]]
id = "phat-dong"
dates = [2020-07-20]
at = ["15:30", "09:00"]
play = ["chuong",
        "lua-dao-qua-mang"]
priority = "priority"
late = "always"

[[skip]]
dates = [2020-09-02]
slots = ["sang"]

[[skip]]
dates = [2020-10-01, 2020-09-30]
)toml";

} // namespace

TEST_CASE("parse: a full schedule", "[schedule][parse]") {
    const ParseResult result = parse(full_example, "lich.toml");
    CHECK(result.diagnostics.empty());
    REQUIRE(result.ok());
    REQUIRE(result.schedule);
    const Schedule &schedule = *result.schedule;
    CHECK(schedule.file_name == "lich.toml");
    CHECK(schedule.version == 1);
    CHECK(schedule.title == "Lịch phát tuyên truyền phòng, chống lừa đảo (7–12/2020)");
    CHECK(schedule.valid_from == date(2020, 7, 17));
    CHECK(schedule.valid_until == date(2020, 12, 31));
    REQUIRE(schedule.slots.size() == 3);

    const Slot &sang = schedule.slots[0];
    CHECK(sang.id == "sang");
    CHECK(sang.title == "Chương trình buổi sáng");
    CHECK(sang.weekdays == 0b0111110); // mon..fri; bit 0 is Sunday
    CHECK(sang.dates.empty());
    CHECK(sang.at == Times{6h + 15min});
    CHECK(sang.play == std::vector<std::string>{"chuong", "lua-dao-qua-mang", "thu-doan-lua-dao",
                                                "campuchia-mo-cua", "bao-cao-ket-qua"});
    CHECK(sang.repeat == 1);
    CHECK(sang.priority == Priority::normal);
    CHECK(sang.late == LatePolicy{LatePolicy::Kind::within, 15min});
    CHECK_FALSE(sang.from);
    CHECK_FALSE(sang.until);
    CHECK(sang.position == SourcePosition{7, 1});
    REQUIRE(sang.play_positions.size() == 5);
    CHECK(sang.play_positions[0] == SourcePosition{12, 9});
    CHECK(sang.play_positions[1] == SourcePosition{12, 19});
    CHECK(sang.at_positions == std::vector{SourcePosition{11, 7}});

    const Slot &thu_bay = schedule.slots[1];
    CHECK(thu_bay.weekdays == weekday_bit(std::chrono::Saturday));
    CHECK(thu_bay.repeat == 2);
    CHECK(thu_bay.late == LatePolicy{LatePolicy::Kind::within, 1h});
    CHECK(thu_bay.from == date(2020, 7, 18));
    CHECK(thu_bay.until == date(2020, 8, 29));
    CHECK(thu_bay.title == "Bản tin sáng thứ Bảy");

    const Slot &phat_dong = schedule.slots[2];
    CHECK(phat_dong.weekdays == 0);
    CHECK(phat_dong.dates == std::vector{date(2020, 7, 20)});
    CHECK(phat_dong.at == Times{9h, 15h + 30min}); // sorted
    CHECK(phat_dong.at_positions == std::vector{SourcePosition{31, 16}, SourcePosition{31, 7}});
    CHECK(phat_dong.play_positions == std::vector{SourcePosition{32, 9}, SourcePosition{33, 9}});
    CHECK(phat_dong.priority == Priority::priority);
    CHECK(phat_dong.late.kind == LatePolicy::Kind::always);
    CHECK(phat_dong.title.empty());

    REQUIRE(schedule.skips.size() == 2);
    CHECK(schedule.skips[0].dates == std::vector{date(2020, 9, 2)});
    CHECK(schedule.skips[0].slots == std::vector<std::string>{"sang"});
    CHECK(schedule.skips[0].position == SourcePosition{37, 1});
    CHECK(schedule.skips[1].dates == std::vector{date(2020, 9, 30), date(2020, 10, 1)});
    CHECK(schedule.skips[1].slots.empty());
}

TEST_CASE("parse: the sample schedule of the sources", "[schedule][parse]") {
    std::ifstream file(LOA_SAMPLE_SCHEDULE, std::ios::binary);
    REQUIRE(file);
    std::ostringstream text;
    text << file.rdbuf();
    const ParseResult result = parse(text.str(), "chong-lua-dao-2020.toml");
    for (const Diagnostic &diagnostic : result.diagnostics)
        UNSCOPED_INFO(format(diagnostic));
    CHECK(result.diagnostics.empty());
    REQUIRE(result.schedule);
    CHECK(result.schedule->slots.size() == 4);
    CHECK(result.schedule->skips.size() == 1);

    // National Day, Wednesday 2 September 2020, is skipped for both daily sessions.
    const loa::TimeZone tz = loa::TimeZone::load("Asia/Ho_Chi_Minh");
    std::vector<std::string> plays;
    for (const Occurrence &occurrence :
         expand(*result.schedule, utc(2020, 8, 31, 17), utc(2020, 9, 3, 17), tz))
        plays.push_back(occurrence.slot + " " + tz.format_iso(occurrence.at));
    CHECK(plays == std::vector<std::string>{"sang 2020-09-01T06:15:00.000+07:00",
                                            "chieu 2020-09-01T17:00:00.000+07:00",
                                            "sang 2020-09-03T06:15:00.000+07:00",
                                            "chieu 2020-09-03T17:00:00.000+07:00"});
}

TEST_CASE("parse: defaults and the smallest file", "[schedule][parse]") {
    const Schedule schedule = parse_ok(R"(version = 1
[[slot]]
id = "s"
days = ["daily"]
at = ["05:30:15"]
play = ["chuong"]
)");
    REQUIRE(schedule.slots.size() == 1);
    const Slot &slot = schedule.slots[0];
    CHECK(slot.weekdays == every_weekday);
    CHECK(slot.at == Times{5h + 30min + 15s});
    CHECK(slot.repeat == 1);
    CHECK(slot.priority == Priority::normal);
    CHECK(slot.late == LatePolicy{});
    CHECK(schedule.title.empty());
    CHECK_FALSE(schedule.valid_from);
    CHECK_FALSE(schedule.valid_until);
    CHECK(schedule.skips.empty());
}

TEST_CASE("parse: accepted variations", "[schedule][parse]") {
    SECTION("inline tables, Windows line endings, a byte-order mark") {
        const Schedule schedule =
            parse_ok("\xEF\xBB\xBFversion = 1\r\n"
                     "slot = [ { id = \"a\", days = [\"sun\"], at = [\"06:00\"], "
                     "play = [\"x\"], priority = \"emergency\", late = \"0\" } ]\r\n");
        REQUIRE(schedule.slots.size() == 1);
        CHECK(schedule.slots[0].weekdays == weekday_bit(std::chrono::Sunday));
        CHECK(schedule.slots[0].priority == Priority::emergency);
        CHECK(schedule.slots[0].late.kind == LatePolicy::Kind::never);
        CHECK(schedule.slots[0].position == SourcePosition{2, 10});
    }
    SECTION("a TOML time without quotes") {
        const Schedule schedule = parse_ok(R"(version = 1
[[slot]]
id = "a"
days = ["mon"]
at = [17:00:00, "06:00"]
play = ["x"]
)");
        CHECK(schedule.slots[0].at == Times{6h, 17h});
    }
    SECTION("repeat at its bounds, ids with '_' and digits") {
        const Schedule schedule = parse_ok(R"(version = 1
[[slot]]
id = "tin_sang-2"
days = ["mon"]
at = ["06:00"]
play = ["x"]
repeat = 100
[[slot]]
id = "b"
days = ["mon"]
at = ["06:00"]
play = ["x"]
repeat = 1
from = 2020-07-01
until = 2020-07-01
)");
        CHECK(schedule.slots[0].repeat == 100);
        CHECK(schedule.slots[0].id == "tin_sang-2");
    }
}

TEST_CASE("parse: warnings do not refuse the file", "[schedule][parse]") {
    const ParseResult result = parse(R"(version = 1
valid_until = 2020-07-31
[[slot]]
id = "a"
days = ["mon", "tue", "mon"]
at = ["06:00", "07:00", "06:00"]
play = ["x"]
[[slot]]
id = "b"
dates = [2020-07-20, 2020-07-21, 2020-07-20, 2020-08-03]
at = ["06:00"]
play = ["x"]
[[slot]]
id = "c"
days = ["daily", "sun"]
at = ["06:00"]
play = ["x"]
)",
                                     "test.toml");
    CHECK(result.ok());
    REQUIRE(result.schedule);
    std::vector<std::string> lines;
    for (const Diagnostic &diagnostic : result.diagnostics)
        lines.push_back(format(diagnostic));
    CHECK(lines == std::vector<std::string>{
                       "test.toml:5:23: warning: 'mon' is listed twice in 'days'; it counts once",
                       "test.toml:6:25: warning: \"06:00\" is listed twice in 'at'; it plays once",
                       "test.toml:10:34: warning: 2020-07-20 is listed twice in 'dates'; it counts "
                       "once",
                       "test.toml:10:46: warning: the slot will not play on 2020-08-03: it is "
                       "after the file's 'valid_until' (2020-07-31)",
                       "test.toml:15:9: warning: \"daily\" already means every day: the other days "
                       "in this list add nothing",
                   });
    const Schedule &schedule = *result.schedule;
    CHECK(schedule.slots[0].at == Times{6h, 7h});
    CHECK(schedule.slots[0].at_positions ==
          std::vector{SourcePosition{6, 7}, SourcePosition{6, 16}});
    CHECK(schedule.slots[1].dates ==
          std::vector{date(2020, 7, 20), date(2020, 7, 21), date(2020, 8, 3)});
    CHECK(schedule.slots[2].weekdays == every_weekday);
}

TEST_CASE("parse: an empty file plays nothing, with a warning", "[schedule][parse]") {
    CHECK(diagnostics_of("version = 1\n") ==
          std::vector<std::string>{
              "test.toml:1:1: warning: the file has no [[slot]] block: nothing will play"});
}

TEST_CASE("format: compiler-style lines", "[schedule][diagnostic]") {
    CHECK(format({"a.toml", {3, 7}, Severity::error, "bad"}) == "a.toml:3:7: error: bad");
    CHECK(format({"a.toml", {3, 7}, Severity::warning, "hm"}) == "a.toml:3:7: warning: hm");
    CHECK(format({"a.toml", {}, Severity::error, "bad"}) == "a.toml: error: bad");
}

TEST_CASE("sort_diagnostics: by line and column, ties in their order", "[schedule][diagnostic]") {
    std::vector<Diagnostic> diagnostics{{"f", {5, 2}, Severity::error, "c"},
                                        {"f", {1, 9}, Severity::warning, "a"},
                                        {"f", {5, 2}, Severity::error, "d"},
                                        {"f", {3, 1}, Severity::error, "b"}};
    sort_diagnostics(diagnostics);
    std::string order;
    for (const Diagnostic &diagnostic : diagnostics)
        order += diagnostic.message;
    CHECK(order == "abcd");
    CHECK(has_errors(diagnostics));
    CHECK_FALSE(has_errors({{"f", {1, 1}, Severity::warning, "w"}}));
}

TEST_CASE("parse: on_interrupt says whether an item an emergency stopped resumes or restarts",
          "[schedule][parse]") {
    const std::string head =
        "version = 1\n[[slot]]\nid = \"sang\"\ndays = [\"daily\"]\nat = [\"06:00\"]\n"
        "play = [\"a\"]\n";
    CHECK(parse_ok(head).slots[0].on_interrupt == InterruptPolicy::resume);
    CHECK(parse_ok(head + "on_interrupt = \"restart\"\n").slots[0].on_interrupt ==
          InterruptPolicy::restart);
    const auto occurrences =
        expand(parse_ok(head + "on_interrupt = \"restart\"\n"), utc(2020, 7, 20, 0),
               utc(2020, 7, 21, 0), loa::TimeZone::load("UTC"));
    REQUIRE(!occurrences.empty());
    CHECK(occurrences[0].on_interrupt == InterruptPolicy::restart);
    const auto lines = diagnostics_of(head + "on_interrupt = \"restrat\"\n");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("did you mean \"restart\"") != std::string::npos);
}
