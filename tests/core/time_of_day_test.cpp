#include "core/time_of_day.hpp"

#include <catch2/catch.hpp>

using namespace loa;
using namespace std::chrono_literals;

TEST_CASE("time of day: HH:MM and HH:MM:SS", "[time]") {
    CHECK(parse_time_of_day("00:00") == 0s);
    CHECK(parse_time_of_day("06:15") == 6h + 15min);
    CHECK(parse_time_of_day("23:59:59") == 23h + 59min + 59s);
    for (const char *text : {"24:00", "07:60", "6:5", "06:5", "6:05", "06:00:60", "06h00", "0600",
                             " 06:00", "06:00 ", "06-00", "", "06:00:0", "+6:00"}) {
        INFO(text);
        CHECK_FALSE(parse_time_of_day(text));
    }
}

TEST_CASE("time of day: problems say what to write", "[time]") {
    CHECK(time_of_day_problem("24:00") ==
          "'24:00' is not a time of day: hours go from 00 to 23 (midnight is \"00:00\", at the "
          "start of the day)");
    CHECK(time_of_day_problem("07:60") == "'07:60' is not a time of day: minutes go from 00 to 59");
    CHECK(time_of_day_problem("07:00:75") ==
          "'07:00:75' is not a time of day: seconds go from 00 to 59");
    CHECK(time_of_day_problem("6:5") ==
          "'6:5' is not a time of day: write it with two digits each, as \"06:05\"");
    CHECK(time_of_day_problem("6h30") ==
          "'6h30' is not a time of day: write it with two digits each, as \"06:30\"");
    CHECK(time_of_day_problem("17h") ==
          "'17h' is not a time of day: write it with two digits each, as \"17:00\"");
    CHECK(time_of_day_problem("noon") ==
          "'noon' is not a time of day: write HH:MM or HH:MM:SS on a 24-hour clock, with two "
          "digits each, like \"06:00\" or \"17:30\"");
}

TEST_CASE("time of day: formatting", "[time]") {
    CHECK(format_time_of_day(6h) == "06:00");
    CHECK(format_time_of_day(17h + 30min + 5s) == "17:30:05");
}
