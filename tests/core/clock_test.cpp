#include "core/clock.hpp"

#include <catch2/catch.hpp>

#include <thread>

using namespace std::chrono_literals;

TEST_CASE("a manual clock jumps to the deadline instead of waiting") {
    loa::ManualClock clock(loa::TimePoint{} + 1000h);
    CHECK_FALSE(clock.sleep_until(clock.now() + 24h));
    CHECK(clock.now() == loa::TimePoint{} + 1024h);
    clock.wake();
    CHECK(clock.sleep_until(clock.now() + 1h));
    CHECK(clock.now() == loa::TimePoint{} + 1024h);
}

TEST_CASE("the system clock's sleep ends early when woken from another thread") {
    loa::SystemClock clock;
    const auto start = std::chrono::steady_clock::now();
    std::thread waker([&] {
        std::this_thread::sleep_for(50ms);
        clock.wake();
    });
    CHECK(clock.sleep_until(clock.now() + 60s));
    waker.join();
    CHECK(std::chrono::steady_clock::now() - start < 30s);
}
