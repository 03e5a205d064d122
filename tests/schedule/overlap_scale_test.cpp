// The overlap check at scale (issue 18, item 7): a province's generated schedule
// with thousands of slots at one time must be checked in about N log N and bounded
// memory, listing a bounded number of pairs and saying how many more slots overlap.
#include "schedule/check.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

using namespace loa::schedule;
using namespace loa::schedule::test;
using namespace std::chrono_literals;

namespace {

/// `slots` daily slots, all at 06:00 and open-ended, each playing a minute.
std::string same_time_schedule(int slots) {
    std::string text = "version = 1\nvalid_from = 2020-07-20\n";
    for (int i = 0; i < slots; ++i)
        text += "[[slot]]\nid = \"s" + std::to_string(i) +
                "\"\ndays = [\"daily\"]\nat = [\"06:00\"]\nplay = [\"tin\"]\n";
    return text;
}

CheckContext one_minute_library() {
    CheckContext context;
    context.lookup = [](const std::string &) -> std::optional<AnnouncementFacts> {
        return AnnouncementFacts{60s, {}, {}};
    };
    return context;
}

std::vector<std::string> check_lines(int slots) {
    const Schedule schedule = parse_ok(same_time_schedule(slots));
    std::vector<std::string> lines;
    for (const Diagnostic &diagnostic : check(schedule, one_minute_library()))
        lines.push_back(format(diagnostic));
    return lines;
}

} // namespace

TEST_CASE("check: 14 slots at one time list all 91 pairs", "[schedule][check][overlap]") {
    const auto lines = check_lines(14);
    CHECK(lines.size() == 91);
    CHECK(lines.front().rfind("test.toml:11:7: error: slot 's1' at 06:00 overlaps slot 's0' "
                              "(line 3)",
                              0) == 0);
}

TEST_CASE("check: past 100 overlapping pairs the rest are counted, not listed",
          "[schedule][check][overlap]") {
    const auto lines = check_lines(15);
    REQUIRE(lines.size() == 101);
    // Slot s14 (its `at` on line 3 + 14 * 5 + 3) starts the 101st pair.
    CHECK(lines.back() == "test.toml:76:7: error: only the first 100 pairs of overlapping slots "
                          "are listed, and more pairs of the slots named above overlap too: fix "
                          "those listed (often one mistake repeated) and check again");
}

TEST_CASE("check: 2,000 slots at one time are checked in seconds",
          "[schedule][check][overlap][scale]") {
    const auto started = std::chrono::steady_clock::now();
    const auto lines = check_lines(2000);
    const auto took = std::chrono::steady_clock::now() - started;
    REQUIRE(lines.size() == 101);
    CHECK(lines.back().find("1985 more slots overlap another of the same priority, 2000 slots "
                            "in all") != std::string::npos);
    // Before the sweep this took over 300 s and gigabytes; now well under a second
    // in a release build. The bound is generous for sanitizer builds on a busy machine.
    CHECK(took < 60s);
}
