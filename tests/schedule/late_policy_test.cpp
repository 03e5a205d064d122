#include "schedule/late_policy.hpp"

#include <catch2/catch.hpp>

using loa::schedule::LatePolicy;
using loa::schedule::parse_late_policy;
using namespace std::chrono_literals;

TEST_CASE("late policy: the spellings of the contract", "[schedule][late]") {
    CHECK(parse_late_policy("0") == LatePolicy{LatePolicy::Kind::never, 0s});
    CHECK(parse_late_policy("always") == LatePolicy{LatePolicy::Kind::always, 0s});
    CHECK(parse_late_policy("10m") == LatePolicy{LatePolicy::Kind::within, 600s});
    CHECK(parse_late_policy("90s") == LatePolicy{LatePolicy::Kind::within, 90s});
    CHECK(parse_late_policy("1h") == LatePolicy{LatePolicy::Kind::within, 3600s});
    CHECK(parse_late_policy("1h30m") == LatePolicy{LatePolicy::Kind::within, 5400s});
    CHECK(parse_late_policy("2h5m10s") == LatePolicy{LatePolicy::Kind::within, 7510s});
    CHECK(parse_late_policy("0m") == LatePolicy{LatePolicy::Kind::never, 0s});
}

TEST_CASE("late policy: the default is ten minutes", "[schedule][late]") {
    const LatePolicy policy;
    CHECK(policy.kind == LatePolicy::Kind::within);
    CHECK(policy.within == 600s);
}

TEST_CASE("late policy: refuses what it does not understand", "[schedule][late]") {
    for (const char *text : {"", "10", "m", "10 m", "10min", "10M", "1m1h", "1h1h", "30m1h", "-5m",
                             "1h30", "Always", "never", "1234567s", "5m ", " 5m",
                             "88888888888888888888888888888830m"}) { // found by the fuzzer
        INFO(text);
        CHECK_FALSE(parse_late_policy(text));
    }
}

TEST_CASE("late policy: canonical spelling round-trips", "[schedule][late]") {
    for (const char *text : {"0", "always", "10m", "90s", "1h", "1h30m", "2h5m10s"}) {
        INFO(text);
        const auto policy = parse_late_policy(text);
        REQUIRE(policy);
        CHECK(parse_late_policy(to_string(*policy)) == policy);
    }
    CHECK(to_string(*parse_late_policy("90s")) == "1m30s");
    CHECK(to_string(*parse_late_policy("1h30m")) == "1h30m");
    CHECK(to_string(LatePolicy{}) == "10m");
}
