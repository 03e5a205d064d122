#pragma once
// Small helpers shared by the schedule tests.
#include "schedule/schedule.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace loa::schedule::test {

/// Every diagnostic of parsing `text` as "test.toml", formatted.
inline std::vector<std::string> diagnostics_of(std::string_view text) {
    std::vector<std::string> lines;
    for (const Diagnostic &diagnostic : parse(text, "test.toml").diagnostics)
        lines.push_back(format(diagnostic));
    return lines;
}

/// The schedule of a text that must parse; fails the test otherwise.
inline Schedule parse_ok(std::string_view text) {
    ParseResult result = parse(text, "test.toml");
    for (const Diagnostic &diagnostic : result.diagnostics)
        UNSCOPED_INFO(format(diagnostic));
    REQUIRE(result.ok());
    REQUIRE(result.schedule);
    return std::move(*result.schedule);
}

constexpr std::chrono::year_month_day date(int y, unsigned m, unsigned d) {
    return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m},
                                       std::chrono::day{d}};
}

/// A UTC instant.
inline TimePoint utc(int y, unsigned m, unsigned d, int hour, int minute = 0, int second = 0) {
    return std::chrono::sys_days{date(y, m, d)} + std::chrono::hours{hour} +
           std::chrono::minutes{minute} + std::chrono::seconds{second};
}

} // namespace loa::schedule::test
