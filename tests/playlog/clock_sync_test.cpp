// The clock_synced field of a play row: what adjtimex(2) says, decided.
#include "core/clock_sync.hpp"

#include <catch2/catch.hpp>

#include <sys/timex.h>

TEST_CASE("a clock kept by a time daemon is synchronised", "[clock_sync]") {
    CHECK(loa::clock_synchronised(TIME_OK, STA_PLL) == std::optional<bool>(true));
    CHECK(loa::clock_synchronised(TIME_INS, 0) == std::optional<bool>(true));
}

TEST_CASE("a free-running clock is not synchronised", "[clock_sync]") {
    CHECK(loa::clock_synchronised(TIME_ERROR, STA_UNSYNC) == std::optional<bool>(false));
    CHECK(loa::clock_synchronised(TIME_OK, STA_UNSYNC | STA_PLL) == std::optional<bool>(false));
    CHECK(loa::clock_synchronised(TIME_ERROR, 0) == std::optional<bool>(false));
}

TEST_CASE("no answer from the kernel is no claim either way", "[clock_sync]") {
    CHECK_FALSE(loa::clock_synchronised(-1, 0).has_value());
}

TEST_CASE("this machine's clock state can be read", "[clock_sync]") {
    // In a container or on a host without a time daemon the answer is false;
    // either way adjtimex(2) in read-only mode answers without privilege.
    CHECK(loa::system_clock_synchronised().has_value());
}
