#include "playout/dac_time_filter.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using loa::playout::DacTimeFilter;

namespace {

constexpr double k_period = 256.0 / 48000.0; // 5.33 ms, JACK's period in the tests
constexpr double k_start = 1000.0;

/// The true DAC time of buffer `n` on a clock that stepped by `step` at buffer `at`.
double true_time(int n, double step = 0.0, int at = 0) {
    return k_start + n * k_period + (n >= at ? step : 0.0);
}

} // namespace

TEST_CASE("DacTimeFilter passes a steady clock through", "[dac_time_filter]") {
    DacTimeFilter filter;
    for (int n = 0; n < 100; ++n)
        REQUIRE(filter.filter(true_time(n), k_period) == Approx(true_time(n)).margin(1e-9));
}

TEST_CASE("DacTimeFilter ignores a lone late stamp", "[dac_time_filter]") {
    DacTimeFilter filter;
    for (int n = 0; n < 10; ++n)
        filter.filter(true_time(n), k_period);
    // The callback of buffer 10 ran 4 ms late and was stamped so.
    const double placed = filter.filter(true_time(10) + 0.004, k_period);
    CHECK(placed - true_time(10) <= k_period * DacTimeFilter::k_slew + 1e-9);
    // The next callback is on time again: taken as it is.
    CHECK(filter.filter(true_time(11), k_period) == Approx(true_time(11)).margin(1e-9));
}

TEST_CASE("DacTimeFilter ignores a run of late stamps shorter than a step", "[dac_time_filter]") {
    DacTimeFilter filter;
    for (int n = 0; n < 10; ++n)
        filter.filter(true_time(n), k_period);
    for (int n = 10; n < 10 + DacTimeFilter::k_step_callbacks - 1; ++n) {
        const double placed = filter.filter(true_time(n) + 0.003, k_period);
        CHECK(placed - true_time(n) < 0.0001);
    }
    const int next = 10 + DacTimeFilter::k_step_callbacks - 1;
    CHECK(filter.filter(true_time(next), k_period) == Approx(true_time(next)).margin(1e-9));
}

TEST_CASE("DacTimeFilter follows a clock that stepped later after k callbacks",
          "[dac_time_filter]") {
    // The driver was held up for 10 ms and carries on from there (an xrun).
    constexpr double step = 0.010;
    DacTimeFilter filter;
    for (int n = 0; n < 20; ++n)
        filter.filter(true_time(n), k_period);
    double placed = 0.0;
    for (int n = 20; n < 20 + DacTimeFilter::k_step_callbacks - 1; ++n) {
        placed = filter.filter(true_time(n, step, 20), k_period);
        CHECK(placed < true_time(n, step, 20)); // still believed slowly
    }
    for (int n = 20 + DacTimeFilter::k_step_callbacks - 1; n < 60; ++n) {
        placed = filter.filter(true_time(n, step, 20), k_period);
        REQUIRE(placed == Approx(true_time(n, step, 20)).margin(1e-9));
    }
}

TEST_CASE("DacTimeFilter takes the least late of a stepped run with late stamps",
          "[dac_time_filter]") {
    // After a 10 ms step, the callbacks are also stamped late by 0.2-1.5 ms each;
    // the one stamped on time (the fifth) tells the step.
    constexpr double step = 0.010;
    const double lateness[DacTimeFilter::k_step_callbacks] = {0.0015, 0.0004, 0.0009, 0.0012,
                                                              0.0,    0.0007, 0.0002, 0.0011};
    DacTimeFilter filter;
    for (int n = 0; n < 20; ++n)
        filter.filter(true_time(n), k_period);
    for (int i = 0; i < DacTimeFilter::k_step_callbacks; ++i)
        filter.filter(true_time(20 + i, step, 20) + lateness[i], k_period);
    // From here the filter's prediction is the stepped clock, to the slew of the run.
    const int next = 20 + DacTimeFilter::k_step_callbacks;
    const double placed = filter.filter(true_time(next, step, 20) + 0.0003, k_period);
    CHECK(placed == Approx(true_time(next, step, 20)).margin(2e-6));
}

TEST_CASE("DacTimeFilter takes an earlier clock or a restart at once", "[dac_time_filter]") {
    DacTimeFilter filter;
    for (int n = 0; n < 10; ++n)
        filter.filter(true_time(n), k_period);
    SECTION("earlier") {
        CHECK(filter.filter(true_time(10, -0.002, 10), k_period) ==
              Approx(true_time(10, -0.002, 10)).margin(1e-9));
    }
    SECTION("20 ms or more later") {
        CHECK(filter.filter(true_time(10, 0.5, 10), k_period) ==
              Approx(true_time(10, 0.5, 10)).margin(1e-9));
    }
}

TEST_CASE("DacTimeFilter follows a card that runs slow against the system clock",
          "[dac_time_filter]") {
    // 300 ppm: far more than a real card's crystal is off.
    constexpr double drift = 300e-6;
    DacTimeFilter filter;
    double worst = 0.0;
    for (int n = 0; n < 20000; ++n) { // 107 s
        const double truth = k_start + n * k_period * (1.0 + drift);
        worst = std::max(worst, truth - filter.filter(truth, k_period));
    }
    CHECK(worst < 1e-6);
}
