// `gap`, `intro` and `outro`: read strictly, and carried into every occurrence.
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace loa::schedule;
using namespace loa::schedule::test;
using namespace std::chrono_literals;
using Lines = std::vector<std::string>;

namespace {

const std::string head = "version = 1\n[[slot]]\nid = \"sang\"\ndays = [\"daily\"]\n"
                         "at = [\"06:00\"]\nplay = [\"a\", \"b\"]\n";

} // namespace

TEST_CASE("gap, intro and outro: parsed", "[schedule][parse][chimes]") {
    const Schedule schedule = parse_ok(head + "repeat = 2\ngap = 3\nintro = \"chuong\"\n"
                                              "outro = \"ket\"\n");
    const Slot &slot = schedule.slots.at(0);
    CHECK(slot.gap == 3s);
    CHECK(slot.intro == "chuong");
    CHECK(slot.outro == "ket");
    CHECK(slot.intro_position == SourcePosition{9, 9});
    CHECK(slot.outro_position == SourcePosition{10, 9});
    CHECK(items_of(slot) == std::vector<std::string>{"chuong", "a", "b", "a", "b", "ket"});
}

TEST_CASE("gap, intro and outro: defaults", "[schedule][parse][chimes]") {
    const Schedule schedule = parse_ok(head);
    const Slot &slot = schedule.slots.at(0);
    CHECK(slot.gap == 0s);
    CHECK_FALSE(slot.intro);
    CHECK_FALSE(slot.outro);
    CHECK(items_of(slot) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("gap, intro and outro: errors say what to write", "[schedule][errors][chimes]") {
    CHECK(diagnostics_of(head + "gap = \"2s\"\n") ==
          Lines{"test.toml:7:7: error: 'gap' is a number of seconds without quotes or unit: "
                "write gap = 2"});
    CHECK(diagnostics_of(head + "gap = -1\n") ==
          Lines{"test.toml:7:7: error: 'gap' is the seconds of silence between two items: write "
                "a number from 0 to 3600, not -1"});
    CHECK(diagnostics_of(head + "gap = 1.5\n") ==
          Lines{"test.toml:7:7: error: 'gap' must be a whole number, like gap = 2; here it is a "
                "number with a decimal point"});
    CHECK(diagnostics_of(head + "intro = [\"chuong\"]\n") ==
          Lines{"test.toml:7:9: error: 'intro' is one announcement id, not a list: write intro = "
                "\"chuong\" (put longer sequences in 'play')"});
    CHECK(diagnostics_of(head + "outro = \"\"\n") ==
          Lines{"test.toml:7:9: error: 'outro' is empty text: write an announcement id, like "
                "outro = \"chuong\", or remove the line"});
    CHECK(diagnostics_of(head + "outro = 3\n") ==
          Lines{"test.toml:7:9: error: 'outro' must be text in quotes, like outro = \"chuong\"; "
                "here it is a whole number"});
    CHECK(diagnostics_of(head + "pause = 2\n") ==
          Lines{"test.toml:7:1: error: unknown key 'pause' in [[slot]]: did you mean 'gap'?"});
}

TEST_CASE("expand: occurrences carry intro, outro and gap", "[schedule][expand][chimes]") {
    const Schedule schedule = parse_ok(head + "gap = 2\nintro = \"chuong\"\noutro = \"chuong\"\n");
    const auto tz = loa::TimeZone::load("Asia/Ho_Chi_Minh");
    const auto occurrences = expand(schedule, utc(2020, 7, 20, 0), utc(2020, 7, 22, 0), tz);
    REQUIRE(occurrences.size() == 2);
    for (const Occurrence &occurrence : occurrences) {
        CHECK(occurrence.items == std::vector<std::string>{"chuong", "a", "b", "chuong"});
        CHECK(occurrence.gap == 2000ms);
    }
    CHECK(occurrences[0].at == utc(2020, 7, 20, 23)); // 06:00 +07:00
}
