// check(): the schedule against the station — library ids, validity dates, quiet
// hours, session cap and overlaps — with the exact line and column of each message.
#include "schedule/check.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

using namespace loa::schedule;
using namespace loa::schedule::test;
using namespace std::chrono_literals;
using Lines = std::vector<std::string>;

namespace {

/// A small library: a 2.2 s chime, a 60 s and a 20 min announcement, and two
/// whose broadcast is limited in time.
const std::map<std::string, AnnouncementFacts> &library() {
    static const std::map<std::string, AnnouncementFacts> facts{
        {"chuong", {2200ms, {}, {}}},
        {"tin", {60s, {}, {}}},
        {"tin-dai", {20min, {}, {}}},
        {"het-han", {60s, {}, date(2020, 8, 31)}},
        {"chua-den", {60s, date(2020, 9, 1), {}}},
    };
    return facts;
}

CheckContext context(const std::string &zone = "Asia/Ho_Chi_Minh") {
    CheckContext context;
    context.lookup = [](const std::string &id) -> std::optional<AnnouncementFacts> {
        const auto found = library().find(id);
        return found == library().end() ? std::nullopt : std::optional(found->second);
    };
    context.quiet_hours = QuietHours{22h, 5h};
    context.max_session = 45min;
    context.zone = loa::TimeZone::load(zone);
    return context;
}

/// The check's diagnostics of a file that parses, formatted.
Lines check_lines(std::string_view text, const CheckContext &station = context()) {
    const Schedule schedule = parse_ok(text);
    Lines lines;
    for (const Diagnostic &diagnostic : check(schedule, station))
        lines.push_back(format(diagnostic));
    return lines;
}

/// True if some line starts with `prefix`.
bool has_line(const Lines &lines, const std::string &prefix) {
    for (const auto &line : lines)
        if (line.rfind(prefix, 0) == 0)
            return true;
    return false;
}

} // namespace

TEST_CASE("check: unknown ids are errors at their place in play, intro and outro",
          "[schedule][check]") {
    const Lines lines = check_lines(R"(version = 1
[[slot]]
id = "sang"
days = ["daily"]
at = ["06:00"]
intro = "chuong-moi"
play = ["chuong", "khong-co", "tin"]
outro = "ket"
)");
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "test.toml:6:9: error: slot 'sang' plays 'chuong-moi', which is not in the "
                      "library; import it first (loa import FILE --id chuong-moi) or correct the "
                      "id ('loa list' shows them)");
    CHECK(lines[1].rfind("test.toml:7:19: error: slot 'sang' plays 'khong-co'", 0) == 0);
    CHECK(lines[2].rfind("test.toml:8:9: error: slot 'sang' plays 'ket'", 0) == 0);
}

TEST_CASE("check: announcements used outside their validity dates", "[schedule][check]") {
    SECTION("a slot that outlives the recording") {
        CHECK(check_lines(R"(version = 1
valid_from = 2020-07-17
valid_until = 2020-12-31
[[slot]]
id = "sang"
days = ["daily"]
at = ["06:00"]
play = ["tin", "het-han"]
)") == Lines{"test.toml:8:16: warning: 'het-han' may be broadcast only until 2020-08-31, but "
             "slot 'sang' plays it until 2020-12-31: add until = 2020-08-31 to the slot, or "
             "replace the recording"});
    }
    SECTION("a slot that starts before the recording may be broadcast") {
        CHECK(check_lines(R"(version = 1
[[slot]]
id = "sang"
dates = [2020-08-20, 2020-09-05]
at = ["06:00"]
play = ["chua-den"]
)") == Lines{"test.toml:6:9: warning: 'chua-den' may be broadcast only from 2020-09-01, but "
             "slot 'sang' plays it from 2020-08-20: add from = 2020-09-01 to the slot"});
    }
    SECTION("no end date at all") {
        CHECK(check_lines(R"(version = 1
[[slot]]
id = "sang"
days = ["mon"]
at = ["06:00"]
play = ["het-han"]
from = 2020-08-01
)") == Lines{"test.toml:6:9: warning: 'het-han' may be broadcast only until 2020-08-31, but "
             "slot 'sang' plays it with no end date: add until = 2020-08-31 to the slot, or "
             "replace the recording"});
    }
    SECTION("inside the dates: nothing to say") {
        CHECK(check_lines(R"(version = 1
[[slot]]
id = "sang"
days = ["mon"]
at = ["06:00"]
play = ["het-han"]
until = 2020-08-31
)")
                  .size() == 0);
    }
}

TEST_CASE("check: quiet hours", "[schedule][check]") {
    const std::string head = "version = 1\n[[slot]]\nid = \"dem\"\ndays = [\"daily\"]\n";
    SECTION("a normal slot starting inside them is an error at its time") {
        CHECK(check_lines(head + "at = [\"06:00\", \"22:30\"]\nplay = [\"tin\"]\n") ==
              Lines{"test.toml:5:16: error: slot 'dem' starts at 22:30, inside the station's "
                    "quiet hours (22:00–05:00), when only emergencies play: move it outside "
                    "them, or write priority = \"emergency\" if it is one"});
    }
    SECTION("after midnight, and for priority slots too") {
        const Lines lines =
            check_lines(head + "at = [\"04:59:59\"]\nplay = [\"tin\"]\npriority = \"priority\"\n");
        REQUIRE(lines.size() == 1);
        CHECK(lines[0].rfind("test.toml:5:7: error: slot 'dem' starts at 04:59:59, inside", 0) ==
              0);
    }
    SECTION("the end of the quiet hours is outside them") {
        CHECK(check_lines(head + "at = [\"05:00\"]\nplay = [\"tin\"]\n").empty());
    }
    SECTION("emergencies ignore them") {
        CHECK(check_lines(head + "at = [\"23:00\"]\nplay = [\"tin\"]\npriority = \"emergency\"\n")
                  .empty());
    }
    SECTION("a slot that runs into them is a warning") {
        CHECK(check_lines(head + "at = [\"21:59:30\"]\nplay = [\"tin\"]\n") ==
              Lines{"test.toml:5:7: warning: slot 'dem' starts at 21:59:30 and lasts 1 min, so it "
                    "runs into the station's quiet hours (22:00–05:00): start it earlier or "
                    "shorten it"});
        CHECK(check_lines(head + "at = [\"21:59\"]\nplay = [\"tin\"]\n").empty());
    }
    SECTION("a station without quiet hours") {
        CheckContext station = context();
        station.quiet_hours.reset();
        CHECK(check_lines(head + "at = [\"23:00\"]\nplay = [\"tin\"]\n", station).empty());
    }
}

TEST_CASE("check: sessions longer than the station's cap", "[schedule][check]") {
    const std::string head = "version = 1\n[[slot]]\nid = \"dai\"\ndays = [\"daily\"]\n"
                             "at = [\"08:00\"]\n";
    SECTION("repeats, intro, outro and gaps all count") {
        // 2 × 20 min + 2 × 2.2 s of chimes + 3 gaps of 90 s = 44 min 34.4 s: under 45 min.
        CHECK(check_lines(head + "intro = \"chuong\"\nplay = [\"tin-dai\"]\nrepeat = 2\n"
                                 "outro = \"chuong\"\ngap = 90\n")
                  .empty());
        // gap = 101: 40 min 4.4 s + 3 × 101 s = 45 min 7.4 s, shown rounded up.
        CHECK(check_lines(head + "intro = \"chuong\"\nplay = [\"tin-dai\"]\nrepeat = 2\n"
                                 "outro = \"chuong\"\ngap = 101\n") ==
              Lines{"test.toml:2:1: warning: slot 'dai' lasts 45 min 8 s, longer than the "
                    "station's longest session (45 min, max_session_minutes in station.toml): "
                    "shorten its 'play' list or 'repeat', or split it into two slots"});
    }
    SECTION("no cap, no warning") {
        CheckContext station = context();
        station.max_session.reset();
        CHECK(check_lines(head + "play = [\"tin-dai\"]\nrepeat = 3\n", station).empty());
    }
}

TEST_CASE("check: session_length adds items, repeats, chimes and gaps", "[schedule][check]") {
    const Schedule schedule = parse_ok(R"(version = 1
[[slot]]
id = "a"
days = ["daily"]
at = ["08:00"]
intro = "chuong"
play = ["tin", "chuong"]
repeat = 3
gap = 2
)");
    const auto length = session_length(
        schedule.slots[0], [](const std::string &id) { return library().at(id).duration; });
    // intro + 3 × (60 s + 2.2 s) + 6 gaps between the 7 items.
    CHECK(length == 2200ms + 3 * 62200ms + 6 * 2s);
}

TEST_CASE("check: overlaps of slots of the same priority", "[schedule][check][overlap]") {
    SECTION("two slots: both named, the first date and the times") {
        // sang: 2.2 s + 20 min + 2 gaps of 5 s + 2.2 s = 20 min 14.4 s from 06:00.
        CHECK(check_lines(R"(version = 1
valid_from = 2020-07-20
[[slot]]
id = "sang"
days = ["mon", "wed"]
at = ["06:00"]
intro = "chuong"
play = ["tin-dai"]
outro = "chuong"
gap = 5
[[slot]]
id = "tin-sang"
days = ["wed"]
at = ["06:20"]
play = ["tin"]
)") == Lines{"test.toml:14:7: error: slot 'tin-sang' at 06:20 overlaps slot 'sang' (line 3), both "
             "of priority normal: first on 2020-07-22, 'sang' plays from 06:00 to 06:20:15 and "
             "'tin-sang' starts at 06:20: move one of them, shorten one, or give one another "
             "priority"});
    }
    SECTION("without the gap the same slots just fit") {
        CHECK(check_lines(R"(version = 1
valid_from = 2020-07-20
[[slot]]
id = "sang"
days = ["mon", "wed"]
at = ["06:00"]
intro = "chuong"
play = ["tin-dai"]
outro = "chuong"
[[slot]]
id = "tin-sang"
days = ["wed"]
at = ["06:20:05"]
play = ["tin"]
)")
                  .empty());
    }
    SECTION("repeats count: the first date both play") {
        const Lines lines = check_lines(R"(version = 1
[[slot]]
id = "a"
days = ["mon"]
at = ["07:00"]
play = ["tin"]
repeat = 3
from = 2020-07-01
[[slot]]
id = "b"
dates = [2020-07-22, 2020-07-27]
at = ["07:02:59"]
play = ["chuong"]
)");
        REQUIRE(lines.size() == 1);
        CHECK(lines[0].rfind("test.toml:12:7: error: slot 'b' at 07:02:59 overlaps slot 'a' "
                             "(line 2), both of priority normal: first on 2020-07-27, 'a' plays "
                             "from 07:00 to 07:03 and 'b' starts at 07:02:59",
                             0) == 0);
    }
    SECTION("the same time, even for short items") {
        const Lines lines = check_lines(R"(version = 1
valid_from = 2020-07-20
[[slot]]
id = "a"
days = ["daily"]
at = ["07:00"]
play = ["chuong"]
[[slot]]
id = "b"
days = ["tue"]
at = ["07:00"]
play = ["chuong"]
)");
        REQUIRE(lines.size() == 1);
        CHECK(
            has_line(lines, "test.toml:11:7: error: slot 'b' at 07:00 overlaps slot 'a' (line 3)"));
        CHECK(lines[0].find("first on 2020-07-21") != std::string::npos);
    }
    SECTION("different priorities may overlap: the higher one plays first") {
        CHECK(check_lines(R"(version = 1
valid_from = 2020-07-20
[[slot]]
id = "a"
days = ["daily"]
at = ["07:00"]
play = ["tin-dai"]
[[slot]]
id = "b"
days = ["daily"]
at = ["07:05"]
play = ["tin"]
priority = "priority"
)")
                  .empty());
    }
    SECTION("a skip removes the date they would meet") {
        CHECK(check_lines(R"(version = 1
[[slot]]
id = "a"
days = ["daily"]
at = ["07:00"]
play = ["tin-dai"]
until = 2020-07-25
[[slot]]
id = "b"
dates = [2020-07-20]
at = ["07:05"]
play = ["tin"]
[[skip]]
dates = [2020-07-20]
slots = ["a"]
)")
                  .empty());
    }
    SECTION("a slot with itself") {
        const Lines lines = check_lines(R"(version = 1
valid_from = 2020-07-20
[[slot]]
id = "a"
days = ["daily"]
at = ["07:00", "07:10"]
play = ["tin-dai"]
)");
        REQUIRE(lines.size() == 1);
        CHECK(lines[0] == "test.toml:6:16: error: slot 'a' at 07:10 starts while its own earlier "
                          "session still plays: first on 2020-07-20, it plays from 07:00 to 07:20 "
                          "and starts again at 07:10: move the time or shorten the slot");
    }
    SECTION("across midnight") {
        CheckContext station = context();
        station.quiet_hours.reset();
        const Lines lines = check_lines(R"(version = 1
valid_from = 2020-07-20
[[slot]]
id = "khuya"
dates = [2020-07-21]
at = ["23:50"]
play = ["tin-dai"]
[[slot]]
id = "sang-som"
dates = [2020-07-22]
at = ["00:05"]
play = ["tin"]
)",
                                        station);
        REQUIRE(lines.size() == 1);
        CHECK(lines[0].find("first on 2020-07-22, 'khuya' plays from 23:50 to 00:10") !=
              std::string::npos);
    }
    SECTION("every overlapping pair is reported once") {
        const Lines lines = check_lines(R"(version = 1
valid_from = 2020-07-20
[[slot]]
id = "a"
days = ["daily"]
at = ["08:00"]
play = ["tin-dai"]
[[slot]]
id = "b"
days = ["daily"]
at = ["08:05"]
play = ["tin-dai"]
[[slot]]
id = "c"
days = ["daily"]
at = ["08:10"]
play = ["tin"]
)");
        CHECK(lines.size() == 3);
        CHECK(has_line(lines, "test.toml:11:7: error: slot 'b' at 08:05 overlaps slot 'a'"));
        CHECK(has_line(lines, "test.toml:16:7: error: slot 'c' at 08:10 overlaps slot 'a'"));
        CHECK(has_line(lines, "test.toml:16:7: error: slot 'c' at 08:10 overlaps slot 'b'"));
    }
}

TEST_CASE("check: overlaps through daylight-saving changes", "[schedule][check][overlap][dst]") {
    // On 2021-03-28 Berlin skips 02:00–03:00: the 02:30 slot plays at 03:00, on top
    // of the 03:00 one; on every other day they are apart.
    CheckContext station = context("Europe/Berlin");
    station.quiet_hours.reset();
    const Lines lines = check_lines(R"(version = 1
valid_from = 2021-03-01
valid_until = 2021-04-30
[[slot]]
id = "a"
days = ["daily"]
at = ["02:30"]
play = ["tin"]
[[slot]]
id = "b"
days = ["daily"]
at = ["03:00"]
play = ["tin"]
)",
                                    station);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "test.toml:12:7: error: slot 'b' at 03:00 overlaps slot 'a' (line 4), both "
                      "of priority normal: first on 2021-03-28, 'a' plays from 03:00 to 03:01 and "
                      "'b' starts at 03:00: move one of them, shorten one, or give one another "
                      "priority");
    SECTION("the same file is fine where there is no daylight saving") {
        CheckContext vietnam = context();
        vietnam.quiet_hours.reset();
        CHECK(check_lines(R"(version = 1
valid_from = 2021-03-01
valid_until = 2021-04-30
[[slot]]
id = "a"
days = ["daily"]
at = ["02:30"]
play = ["tin"]
[[slot]]
id = "b"
days = ["daily"]
at = ["03:00"]
play = ["tin"]
)",
                          vietnam)
                  .empty());
    }
}

TEST_CASE("check: the sample schedule passes with the sample recordings", "[schedule][check]") {
    std::ifstream in(LOA_SAMPLE_SCHEDULE);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CheckContext station = context();
    station.lookup = [](const std::string &) -> std::optional<AnnouncementFacts> {
        return AnnouncementFacts{12s, {}, {}};
    };
    CHECK(check_lines(text, station).empty());
}

TEST_CASE("check: every example in schedules/ parses and checks clean", "[schedule][check]") {
    CheckContext station = context();
    station.lookup = [](const std::string &) -> std::optional<AnnouncementFacts> {
        return AnnouncementFacts{12s, {}, {}};
    };
    int examples = 0;
    for (const auto &entry : std::filesystem::directory_iterator(LOA_SOURCE_DIR "/schedules")) {
        if (entry.path().extension() != ".toml")
            continue;
        ++examples;
        INFO(entry.path().string());
        std::ifstream in(entry.path());
        const std::string text((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
        CHECK(check_lines(text, station).empty());
    }
    CHECK(examples >= 3);
}
