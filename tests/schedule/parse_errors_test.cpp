// parse() on wrong files: each kind of problem, at the exact line and column of
// the offending value, with a message that says what to write instead.
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace loa::schedule;
using namespace loa::schedule::test;
using Lines = std::vector<std::string>;

namespace {

/// A valid file with `slot_body` as the only slot's keys (after line 3 "[[slot]]").
std::string with_slot(std::string_view slot_body, std::string_view after = "") {
    return "version = 1\n\n[[slot]]\n" + std::string(slot_body) + std::string(after);
}

constexpr std::string_view good_slot = "id = \"sang\"\n"        // line 4
                                       "days = [\"mon\"]\n"     // line 5
                                       "at = [\"06:00\"]\n"     // line 6
                                       "play = [\"chuong\"]\n"; // line 7

} // namespace

TEST_CASE("errors: a failed parse has no schedule", "[schedule][errors]") {
    const ParseResult result = parse("version = 2\n", "x.toml");
    CHECK_FALSE(result.ok());
    CHECK_FALSE(result.schedule);
}

TEST_CASE("errors: TOML syntax, at toml++'s position", "[schedule][errors]") {
    CHECK(diagnostics_of(with_slot("id = \"a\"\nat = [06:00]\n")) ==
          Lines{"test.toml:5:12: error: this is not valid TOML (while reading time: expected ':', "
                "saw ']'): times of day go in quotes, like at = [\"06:00\"]"});
    CHECK(diagnostics_of("version = 1\ntitle = \u201CL\u1ecbch\u201D\n") ==
          Lines{"test.toml:2:9: error: this is not valid TOML (while reading value: could not "
                "determine value type): use straight double quotes (\"), not curly quotes "
                "(\u201C \u201D)"});
    CHECK(diagnostics_of(with_slot("priority = normal\n")) ==
          Lines{"test.toml:4:13: error: this is not valid TOML (while reading floating-point: "
                "expected 'nan', saw 'no'): text goes in double quotes, like priority = \"normal\" "
                "or late = \"10m\""});
    CHECK(diagnostics_of("version = 1\n[[slot]]\nid = \"a\"\n[slot]\nid = \"b\"\n") ==
          Lines{"test.toml:4:1: error: this is not valid TOML (while reading table header: cannot "
                "redefine existing array 'slot' as table): each slot or skip starts with a line "
                "[[slot]] or [[skip]], with two pairs of brackets"});
    CHECK(diagnostics_of("version = 1\nversion = 1\n") ==
          Lines{"test.toml:2:11: error: this is not valid TOML (while reading key-value pair: "
                "cannot redefine existing integer 'version'): each key may be written only once "
                "in a block"});
    CHECK(diagnostics_of("version = 1; title = \"x\"\n") ==
          Lines{"test.toml:1:12: error: this is not valid TOML (while reading decimal integer: "
                "expected digit, saw ';'): write one key = value on each line, without ';'"});
    CHECK(diagnostics_of("version = 1\n[[slot]]\ndays = \"mon\", \"tue\"\n") ==
          Lines{"test.toml:3:13: error: this is not valid TOML (while reading key-value pair: "
                "expected a comment or whitespace, saw ','): a list goes in square brackets, like "
                "days = [\"mon\", \"tue\"]"});
    CHECK(diagnostics_of("version = 1\ntitle = \"abc\n") ==
          Lines{"test.toml:2:13: error: this is not valid TOML (while reading string: unescaped "
                "control characters other than TAB (U+0009) are explicitly prohibited): check "
                "that each text has its closing quote (\") on the same line"});
}

TEST_CASE("errors: syntax hints for files from other editors", "[schedule][errors]") {
    CHECK(diagnostics_of("version = 1\ntitle = \"L\xEC"
                         "ch\"\n") ==
          Lines{"test.toml:2:10: error: this is not valid TOML (encountered invalid utf-8 "
                "sequence): save the file as UTF-8 (in Notepad: File, Save As, Encoding: UTF-8)"});
    CHECK(diagnostics_of("version = 1\nvalid_from = 17/07/2020\n") ==
          Lines{"test.toml:2:16: error: this is not valid TOML (while reading decimal integer: "
                "expected digit, saw '/'): dates are written YYYY-MM-DD without quotes, like "
                "2020-07-17"});
    CHECK(diagnostics_of(with_slot("id = \"a\"\nat = [6h30]\n")) ==
          Lines{"test.toml:5:8: error: this is not valid TOML (while reading decimal integer: "
                "expected digit, saw 'h'): times of day go in quotes, like at = [\"06:00\"]"});
}

TEST_CASE("errors: unknown keys at every level, with suggestions", "[schedule][errors]") {
    CHECK(diagnostics_of("version = 1\ntitel = \"x\"\nvalid_to = 2020-01-01\n") ==
          Lines{"test.toml:1:1: warning: the file has no [[slot]] block: nothing will play",
                "test.toml:2:1: error: unknown key 'titel' at the top of the file: did you mean "
                "'title'?",
                "test.toml:3:1: error: unknown key 'valid_to' at the top of the file: did you mean "
                "'valid_until'?"});
    CHECK(
        diagnostics_of(with_slot(good_slot, "tile = \"x\"\nPriority = \"normal\"\ntime = 5\n")) ==
        Lines{"test.toml:8:1: error: unknown key 'tile' in [[slot]]: did you mean 'title'?",
              "test.toml:9:1: error: unknown key 'Priority' in [[slot]]: did you mean 'priority'?",
              "test.toml:10:1: error: unknown key 'time' in [[slot]]: did you mean 'at'?"});
    CHECK(diagnostics_of(with_slot(good_slot, "colour = \"red\"\n")) ==
          Lines{"test.toml:8:1: error: unknown key 'colour' in [[slot]]: the keys allowed here are "
                "'id', 'title', 'days', 'dates', 'at', 'play', 'repeat', 'gap', 'intro', "
                "'outro', 'priority', 'late', 'from', 'until' and 'on_interrupt'"});
    CHECK(diagnostics_of(with_slot(good_slot, "[[skip]]\ndates = [2020-09-02]\nslot = [\"sang\"]\n"
                                              "id = \"x\"\n[[skip.more]]\n")) ==
          Lines{"test.toml:10:1: error: unknown key 'slot' in [[skip]]: did you mean 'slots'?",
                "test.toml:11:1: error: unknown key 'id' in [[skip]]: 'id' belongs in a [[slot]] "
                "block (a key belongs to the nearest [[...]] line above it)",
                "test.toml:12:8: error: unknown key 'more' in [[skip]]: the keys allowed here are "
                "'dates' and 'slots'"});
    CHECK(
        diagnostics_of(with_slot(good_slot, "valid_from = 2020-07-01\n")) ==
        Lines{"test.toml:8:1: error: unknown key 'valid_from' in [[slot]]: did you mean 'from'?"});
    CHECK(diagnostics_of(with_slot(good_slot, "version = 1\n")) ==
          Lines{"test.toml:8:1: error: unknown key 'version' in [[slot]]: 'version' belongs at the "
                "top of the file, above the first [[slot]] (a key belongs to the nearest [[...]] "
                "line above it)"});
    CHECK(diagnostics_of("dates = [2020-09-02]\n" + with_slot(good_slot)) ==
          Lines{"test.toml:1:1: error: unknown key 'dates' at the top of the file: 'dates' "
                "belongs in a [[slot]] block or in a [[skip]] block (a key belongs to the nearest "
                "[[...]] line above it)"});
}

TEST_CASE("errors: wrong types say what to write", "[schedule][errors]") {
    CHECK(diagnostics_of(
              with_slot("id = \"a\"\ndays = \"daily\"\nat = \"06:00\"\nplay = \"chuong\"\n")) ==
          Lines{"test.toml:5:8: error: 'days' must be a list in square brackets, even for one "
                "item: write days = [\"daily\"]",
                "test.toml:6:6: error: 'at' must be a list in square brackets, even for one item: "
                "write at = [\"06:00\"]",
                "test.toml:7:8: error: 'play' must be a list in square brackets, even for one "
                "item: write play = [\"chuong\"]"});
    CHECK(
        diagnostics_of(with_slot("id = 5\ntitle = true\ndays = [\"mon\", 3]\nat = [6]\n"
                                 "play = [\"a\", [\"b\"]]\n")) ==
        Lines{"test.toml:4:6: error: 'id' must be text in quotes, like id = \"sang\"; here it is "
              "a whole number",
              "test.toml:5:9: error: 'title' must be text in quotes, like title = \"Chương trình "
              "buổi sáng\"; here it is true or false",
              "test.toml:6:16: error: each item of 'days' must be text in quotes, like days = "
              "[\"mon\", \"wed\", \"fri\"]; here it is a whole number",
              "test.toml:7:7: error: each item of 'at' must be a time of day in quotes, like at = "
              "[\"06:00\", \"17:00\"]; here it is a whole number",
              "test.toml:8:14: error: each item of 'play' must be text in quotes, like play = "
              "[\"chuong\", \"lua-dao-qua-mang\"]; here it is a list"});
    CHECK(
        diagnostics_of(with_slot(good_slot, "repeat = \"2\"\npriority = 1\nlate = 10\n")) ==
        Lines{"test.toml:8:10: error: write the number without quotes: repeat = 2",
              "test.toml:9:12: error: 'priority' must be text in quotes, like priority = "
              "\"normal\"; here it is a whole number",
              "test.toml:10:8: error: 'late' needs quotes and a unit: write late = \"10m\" for 10 "
              "minutes (or \"10s\", \"10h\")"});
    CHECK(diagnostics_of(with_slot(good_slot, "repeat = 1.5\nlate = 0\n")) ==
          Lines{"test.toml:8:10: error: 'repeat' must be a whole number, like repeat = 2; here it "
                "is a number with a decimal point",
                "test.toml:9:8: error: write late = \"0\", in quotes"});
}

TEST_CASE("errors: dates must be TOML dates", "[schedule][errors]") {
    CHECK(
        diagnostics_of("version = 1\nvalid_from = \"2020-07-17\"\nvalid_until = \"31/12/2020\"\n" +
                       std::string("[[slot]]\n") + std::string(good_slot).replace(0, 0, "") +
                       "from = 2020-07-17T06:00:00\nuntil = 20200831\n") ==
        Lines{"test.toml:2:14: error: write the date without quotes: 2020-07-17",
              "test.toml:3:15: error: write the date as YYYY-MM-DD, without quotes: 2020-12-31",
              "test.toml:9:8: error: write only the date, without a time of day: 2020-07-17",
              "test.toml:10:9: error: 'until' must be a date written YYYY-MM-DD without quotes, "
              "like 2020-07-17; here it is a whole number"});
    CHECK(diagnostics_of(with_slot("id = \"a\"\ndates = [2020-07-20, \"2020-07-21\", 5]\n"
                                   "at = [\"06:00\"]\nplay = [\"x\"]\n")) ==
          Lines{"test.toml:5:22: error: write the date without quotes: 2020-07-21",
                "test.toml:5:36: error: each item of 'dates' must be a date written YYYY-MM-DD "
                "without quotes, like 2020-07-17; here it is a whole number"});
}

TEST_CASE("errors: missing required keys", "[schedule][errors]") {
    CHECK(diagnostics_of("title = \"x\"\n[[slot]]\nid = \"a\"\ndays = [\"mon\"]\nat = [\"06:00\"]\n"
                         "play = [\"x\"]\n") ==
          Lines{"test.toml:1:1: error: the file has no 'version': add the line version = 1 at "
                "the top"});
    CHECK(diagnostics_of(with_slot("title = \"x\"\n")) ==
          Lines{"test.toml:3:1: error: this [[slot]] has no 'id': add a short name for the slot, "
                "like id = \"sang\"",
                "test.toml:3:1: error: this [[slot]] has neither 'days' nor 'dates': add the days "
                "it plays, like days = [\"daily\"] or days = [\"mon\", \"fri\"], or its dates, "
                "like dates = [2020-07-20]",
                "test.toml:3:1: error: this [[slot]] has no 'at': add the times of day it plays, "
                "like at = [\"06:00\", \"17:00\"]",
                "test.toml:3:1: error: this [[slot]] has no 'play': add the announcement ids it "
                "plays, in order, like play = [\"chuong\", \"lua-dao-qua-mang\"]"});
    CHECK(diagnostics_of(with_slot("id = \"sang\"\ndays = [\"mon\"]\n")) ==
          Lines{"test.toml:3:1: error: slot 'sang' has no 'at': add the times of day it plays, "
                "like at = [\"06:00\", \"17:00\"]",
                "test.toml:3:1: error: slot 'sang' has no 'play': add the announcement ids it "
                "plays, in order, like play = [\"chuong\", \"lua-dao-qua-mang\"]"});
    CHECK(diagnostics_of(with_slot(good_slot, "[[skip]]\nslots = [\"sang\"]\n")) ==
          Lines{"test.toml:8:1: error: this [[skip]] has no 'dates': add the dates to skip, like "
                "dates = [2020-09-02]"});
}

TEST_CASE("errors: version", "[schedule][errors]") {
    // A newer format: nothing else is reported, its keys may mean something new.
    CHECK(diagnostics_of("version = 2\nnew_key = 1\n[[slot]]\n") ==
          Lines{"test.toml:1:11: error: this file is written for schedule format version 2, but "
                "this loa reads version 1: update loa, or ask for a file with version = 1"});
    CHECK(diagnostics_of("version = 0\n" + with_slot(good_slot).substr(12)) ==
          Lines{"test.toml:1:11: error: 'version' must be 1, not 0"});
    CHECK(diagnostics_of("version = \"1\"\n" + with_slot(good_slot).substr(12)) ==
          Lines{"test.toml:1:11: error: write the number without quotes: version = 1"});
}

TEST_CASE("errors: duplicate slot ids name the first one's line", "[schedule][errors]") {
    CHECK(diagnostics_of(with_slot(good_slot, "\n[[slot]]\nid = \"chieu\"\ndays = [\"mon\"]\n"
                                              "at = [\"17:00\"]\nplay = [\"x\"]\n"
                                              "[[slot]]\nid   =  \"sang\"\ndays = [\"tue\"]\n"
                                              "at = [\"18:00\"]\nplay = [\"x\"]\n")) ==
          Lines{"test.toml:15:9: error: slot id 'sang' is already used by the slot on line 3: "
                "give each slot its own id"});
}

TEST_CASE("errors: slot ids are short names without spaces or diacritics", "[schedule][errors]") {
    CHECK(diagnostics_of(with_slot("id = \"Sang Som\"\ndays = [\"mon\"]\nat = [\"06:00\"]\n"
                                   "play = [\"x\"]\n")) ==
          Lines{"test.toml:4:6: error: slot id 'Sang Som' may use only lower-case letters a-z, "
                "digits, '-' and '_' (no spaces or diacritics, at most 64), like \"sang-som\""});
    CHECK(diagnostics_of(with_slot("id = \"sáng\"\ndays = [\"mon\"]\nat = [\"06:00\"]\n"
                                   "play = [\"x\"]\n")) ==
          Lines{"test.toml:4:6: error: slot id 'sáng' may use only lower-case letters a-z, "
                "digits, '-' and '_' (no spaces or diacritics, at most 64), like \"sang\""});
}

TEST_CASE("errors: impossible times", "[schedule][errors]") {
    CHECK(diagnostics_of(with_slot("id = \"a\"\ndays = [\"mon\"]\n"
                                   "at = [\"24:00\", \"07:60\", \"6:5\", \"06:00\", \"noon\"]\n"
                                   "play = [\"x\"]\n")) ==
          Lines{"test.toml:6:7: error: '24:00' is not a time of day: hours go from 00 to 23 "
                "(midnight is \"00:00\", at the start of the day)",
                "test.toml:6:16: error: '07:60' is not a time of day: minutes go from 00 to 59",
                "test.toml:6:25: error: '6:5' is not a time of day: write it with two digits each, "
                "as \"06:05\"",
                "test.toml:6:41: error: 'noon' is not a time of day: write HH:MM or HH:MM:SS on a "
                "24-hour clock, with two digits each, like \"06:00\" or \"17:30\""});
    CHECK(
        diagnostics_of(
            with_slot("id = \"a\"\ndays = [\"mon\"]\nat = [06:00:00.5]\nplay = [\"x\"]\n")) ==
        Lines{"test.toml:6:7: error: each item of 'at' must be a time of day in quotes, like at = "
              "[\"06:00\", \"17:00\"]; here it is a time"});
}

TEST_CASE("errors: days", "[schedule][errors]") {
    CHECK(diagnostics_of(with_slot("id = \"a\"\ndays = []\nat = [\"06:00\"]\nplay = [\"x\"]\n")) ==
          Lines{"test.toml:5:8: error: 'days' is an empty list: write the days of the week it "
                "plays, like days = [\"mon\", \"wed\", \"fri\"]"});
    CHECK(diagnostics_of(with_slot("id = \"a\"\n"
                                   "days = [\"monday\", \"Tue\", \"thứ 4\", \"CN\", \"weekend\", "
                                   "\"dialy\", \"someday\", \"\"]\n"
                                   "at = [\"06:00\"]\nplay = [\"x\"]\n")) ==
          Lines{"test.toml:5:9: error: unknown day 'monday': write \"mon\"",
                "test.toml:5:19: error: unknown day 'Tue': write \"tue\"",
                "test.toml:5:26: error: unknown day 'thứ 4': write \"wed\"",
                "test.toml:5:35: error: unknown day 'CN': write \"sun\"",
                "test.toml:5:41: error: unknown day 'weekend': write \"sat\", \"sun\"",
                "test.toml:5:52: error: unknown day 'dialy': write \"daily\"",
                "test.toml:5:61: error: unknown day 'someday': the days are \"mon\", \"tue\", "
                "\"wed\", \"thu\", \"fri\", \"sat\", \"sun\", or \"daily\" for every day",
                "test.toml:5:72: error: unknown day '': the days are \"mon\", \"tue\", \"wed\", "
                "\"thu\", \"fri\", \"sat\", \"sun\", or \"daily\" for every day"});
    CHECK(diagnostics_of(with_slot("id = \"a\"\ndays = [\"mon\"]\ndates = [2020-07-20]\n"
                                   "at = [\"06:00\"]\nplay = [\"x\"]\n")) ==
          Lines{"test.toml:6:9: error: slot 'a' has both 'days' and 'dates': keep one of them (a "
                "slot plays either on days of the week or on listed dates)"});
    CHECK(diagnostics_of(with_slot("id = \"a\"\ndates = []\nat = [\"06:00\"]\nplay = [\"x\"]\n")) ==
          Lines{"test.toml:5:9: error: 'dates' is an empty list: write the dates it plays, like "
                "dates = [2020-07-20, 2020-07-27]"});
}

TEST_CASE("errors: play lists", "[schedule][errors]") {
    CHECK(
        diagnostics_of(with_slot("id = \"a\"\ndays = [\"mon\"]\nat = [\"06:00\"]\nplay = []\n")) ==
        Lines{"test.toml:7:8: error: 'play' is an empty list: write the announcement ids it "
              "plays, in order, like play = [\"chuong\", \"lua-dao-qua-mang\"]"});
    CHECK(diagnostics_of(with_slot("id = \"a\"\ndays = [\"mon\"]\nat = [\"06:00\"]\n"
                                   "play = [\"chuong\", \"\"]\n")) ==
          Lines{"test.toml:7:19: error: an item of 'play' is empty text: write an announcement id, "
                "like \"chuong\""});
}

TEST_CASE("errors: repeat, priority and late", "[schedule][errors]") {
    CHECK(
        diagnostics_of(
            with_slot(good_slot, "repeat = 0\npriority = \"urgent\"\nlate = \"10 min\"\n")) ==
        Lines{"test.toml:8:10: error: 'repeat' is how many times the list plays: write a number "
              "from 1 to 100, not 0",
              "test.toml:9:12: error: unknown priority \"urgent\": write \"normal\", \"priority\" "
              "or \"emergency\"",
              "test.toml:10:8: error: 'late' is \"10 min\", which is not understood: write \"0\" "
              "(never play late), \"always\", or how late it may still play, like \"10m\", "
              "\"90s\" or \"1h30m\""});
    CHECK(
        diagnostics_of(with_slot(good_slot, "repeat = 101\npriority = \"emergancy\"\n")) ==
        Lines{"test.toml:8:10: error: 'repeat' is how many times the list plays: write a number "
              "from 1 to 100, not 101",
              "test.toml:9:12: error: unknown priority \"emergancy\": did you mean \"emergency\"? "
              "write \"normal\", \"priority\" or \"emergency\""});
    CHECK(diagnostics_of(with_slot(good_slot, "repeat = -3\n")) ==
          Lines{"test.toml:8:10: error: 'repeat' is how many times the list plays: write a number "
                "from 1 to 100, not -3"});
}

TEST_CASE("errors: date ranges the wrong way round", "[schedule][errors]") {
    CHECK(diagnostics_of(
              "version = 1\nvalid_from = 2020-12-31\nvalid_until = 2020-07-17\n" +
              with_slot(good_slot, "from = 2020-09-01\nuntil = 2020-08-31\n").substr(12)) ==
          Lines{"test.toml:2:14: error: 'valid_from' (2020-12-31) is after 'valid_until' "
                "(2020-07-17): nothing would ever play; swap them or fix one",
                "test.toml:10:8: error: 'from' (2020-09-01) is after 'until' (2020-08-31): the "
                "slot would never play; swap them or fix one"});
}

TEST_CASE("errors: skips must name slots of the file", "[schedule][errors]") {
    CHECK(diagnostics_of(with_slot(good_slot, "[[skip]]\ndates = [2020-09-02]\n"
                                              "slots = [\"sng\", \"toi\", \"sang\"]\n")) ==
          Lines{"test.toml:10:10: error: [[skip]] names slot 'sng', which this file does not have: "
                "did you mean 'sang'?",
                "test.toml:10:17: error: [[skip]] names slot 'toi', which this file does not have: "
                "the slots are 'sang'"});
    CHECK(diagnostics_of(with_slot(good_slot, "[[skip]]\ndates = [2020-09-02]\nslots = []\n")) ==
          Lines{"test.toml:10:9: error: 'slots' is an empty list: name the slots to skip, like "
                "slots = [\"sang\", \"chieu\"], or remove the line to skip every slot"});
    CHECK(diagnostics_of("version = 1\n[[slot]]\nid = \"a\"\ndays = [\"mon\"]\nat = [\"06:00\"]\n"
                         "play = [\"x\"]\n[[skip]]\ndates = [2020-09-02]\nslots = [\"b\"]\n") ==
          Lines{"test.toml:9:10: error: [[skip]] names slot 'b', which this file does not have: "
                "the slots are 'a'"}); // one letter off is another name, not a typo
    CHECK(diagnostics_of(with_slot(good_slot, "[[skip]]\ndates = []\nslots = \"sang\"\n")) ==
          Lines{"test.toml:9:9: error: 'dates' is an empty list: write the dates to skip, like "
                "dates = [2020-09-02]",
                "test.toml:10:9: error: 'slots' must be a list in square brackets, even for one "
                "item: write slots = [\"sang\"]"});
}

TEST_CASE("errors: slot and skip must be [[...]] blocks", "[schedule][errors]") {
    CHECK(diagnostics_of("version = 1\n[slot]\nid = \"a\"\n") ==
          Lines{"test.toml:2:1: error: write each slot as a block starting with the line [[slot]], "
                "with two pairs of brackets"});
    CHECK(diagnostics_of(with_slot(good_slot, "").insert(12, "skip = \"2020-09-02\"\n")) ==
          Lines{"test.toml:2:8: error: write each skip as a block starting with the line [[skip]], "
                "with two pairs of brackets"});
}

TEST_CASE("errors: every problem at once, sorted by position", "[schedule][errors]") {
    const std::string text = R"(version = 1
valid_until = "2020-12-31"
[[slot]]
id = "sang"
days = ["mon", "funday"]
at = ["6:00", "17:00"]
play = []
repeat = 0
[[slot]]
id = "sang"
dates = [2020-07-20]
at = ["25:00"]
play = ["x"]
priorty = "emergency"
[[skip]]
dates = [2020-09-02]
slots = ["chieu"]
)";
    CHECK(diagnostics_of(text) ==
          Lines{"test.toml:2:15: error: write the date without quotes: 2020-12-31",
                "test.toml:5:16: error: unknown day 'funday': the days are \"mon\", \"tue\", "
                "\"wed\", \"thu\", \"fri\", \"sat\", \"sun\", or \"daily\" for every day",
                "test.toml:6:7: error: '6:00' is not a time of day: write it with two digits each, "
                "as \"06:00\"",
                "test.toml:7:8: error: 'play' is an empty list: write the announcement ids it "
                "plays, in order, like play = [\"chuong\", \"lua-dao-qua-mang\"]",
                "test.toml:8:10: error: 'repeat' is how many times the list plays: write a number "
                "from 1 to 100, not 0",
                "test.toml:10:6: error: slot id 'sang' is already used by the slot on line 3: give "
                "each slot its own id",
                "test.toml:12:7: error: '25:00' is not a time of day: hours go from 00 to 23 "
                "(midnight is \"00:00\", at the start of the day)",
                "test.toml:14:1: error: unknown key 'priorty' in [[slot]]: did you mean "
                "'priority'?",
                "test.toml:17:10: error: [[skip]] names slot 'chieu', which this file does not "
                "have: the slots are 'sang'"});
}

TEST_CASE("errors: dates far from now are typos", "[schedule][errors]") {
    CHECK(diagnostics_of("version = 1\nvalid_from = 1010-09-01\n") ==
          Lines{"test.toml:1:1: warning: the file has no [[slot]] block: nothing will play",
                "test.toml:2:14: error: 'valid_from' must be a date from 2000-01-01 to "
                "2199-12-31; here it is 1010-09-01: check the year"});
    CHECK(diagnostics_of("version = 1\n[[slot]]\nid = \"a\"\ndates = [2020-07-20, 9999-01-01]\n"
                         "at = [\"06:00\"]\nplay = [\"a\"]\n") ==
          Lines{"test.toml:4:22: error: each item of 'dates' must be a date from 2000-01-01 to "
                "2199-12-31; here it is 9999-01-01: check the year"});
}

TEST_CASE("errors: shapes that would overflow the TOML parser's stack are refused at their place",
          "[schedule][errors][bounds]") {
    // Before the bounds, a header of 50,000 parts (about 100 kB) crashed loa (SIGSEGV).
    std::string header = "[a";
    for (int i = 0; i < 50'000; ++i)
        header += ".a";
    CHECK(diagnostics_of("version = 1\n" + header + "]\n") ==
          Lines{"test.toml:2:65: error: this table header has more than 32 parts separated by "
                "dots; loa's files need at most two (like [output] or slot.id): shorten it"});
    std::string key = "[[slot]]\nid";
    for (int i = 0; i < 50'000; ++i)
        key += ".id";
    CHECK(diagnostics_of("version = 1\n" + key + " = \"a\"\n") ==
          Lines{"test.toml:3:96: error: this key has more than 32 parts separated by dots; loa's "
                "files need at most two (like [output] or slot.id): shorten it"});
    std::string nested = "at = ";
    for (int i = 0; i < 50'000; ++i)
        nested += "[";
    CHECK(diagnostics_of("version = 1\n[[slot]]\n" + nested + "\n") ==
          Lines{"test.toml:3:38: error: arrays and inline tables are nested more than 32 deep "
                "here; loa's files need at most three: remove the extra brackets"});
    // Dots, brackets and braces inside strings and comments do not count.
    std::string quoted = "version = 1\ntitle = \"";
    for (int i = 0; i < 100; ++i)
        quoted += ".[{";
    quoted += "\" # ";
    for (int i = 0; i < 100; ++i)
        quoted += ".[{";
    CHECK(diagnostics_of(quoted + "\n") ==
          Lines{"test.toml:1:1: warning: the file has no [[slot]] block: nothing will play"});
}

TEST_CASE("errors: a file over 16 MB is refused before parsing", "[schedule][errors][bounds]") {
    const std::string text = "version = 1\n" + std::string(17 * 1024 * 1024, '#');
    CHECK(diagnostics_of(text) ==
          Lines{"test.toml:1:1: error: the file is 17825804 bytes, more than the 16 MB loa reads: "
                "check that it is the right file, or split the schedule into files by month"});
}
