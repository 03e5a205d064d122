#include "core/clock.hpp"
#include "core/wakeup.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using namespace std::chrono_literals;

TEST_CASE("a manual clock jumps to the deadline instead of waiting") {
    loa::ManualClock clock(loa::TimePoint{} + 1000h);
    loa::Wakeup wakeup;
    CHECK_FALSE(clock.sleep_until(clock.now() + 24h, wakeup));
    CHECK(clock.now() == loa::TimePoint{} + 1024h);
    wakeup.notify();
    wakeup.notify();
    CHECK(clock.sleep_until(clock.now() + 1h, wakeup)); // both notifications, one early end
    CHECK(clock.now() == loa::TimePoint{} + 1024h);
    CHECK_FALSE(clock.sleep_until(clock.now() + 1h, wakeup));
    CHECK(clock.now() == loa::TimePoint{} + 1025h);
    CHECK_FALSE(clock.sleep_until(clock.now() + 1h)); // with no Wakeup of its own
    CHECK(clock.now() == loa::TimePoint{} + 1026h);
}

TEST_CASE("the system clock's sleep ends early when its Wakeup is notified from another thread") {
    loa::SystemClock clock;
    loa::Wakeup wakeup;
    const auto start = std::chrono::steady_clock::now();
    std::thread waker([&] {
        std::this_thread::sleep_for(50ms);
        wakeup.notify();
    });
    CHECK(clock.sleep_until(clock.now() + 60s, wakeup));
    waker.join();
    CHECK(std::chrono::steady_clock::now() - start < 30s);
}

TEST_CASE("a notification that comes before the sleep ends it at once") {
    loa::SystemClock clock;
    loa::Wakeup wakeup;
    wakeup.notify();
    CHECK(clock.sleep_until(clock.now() + 3600s, wakeup));
    CHECK_FALSE(clock.sleep_until(clock.now() - 1s, wakeup)); // swallowed; a past deadline
}

TEST_CASE("a notification wakes only the sleeper it is meant for") {
    loa::SystemClock clock;
    loa::Wakeup first_wakeup, second_wakeup;
    std::atomic<int> first_woken{0}, second_woken{0};
    std::thread first(
        [&] { first_woken = clock.sleep_until(clock.now() + 3600s, first_wakeup) ? 1 : -1; });
    std::thread second(
        [&] { second_woken = clock.sleep_until(clock.now() + 3600s, second_wakeup) ? 1 : -1; });
    first_wakeup.notify();
    first.join();
    CHECK(first_woken == 1);
    CHECK(second_woken == 0); // still asleep: nobody passes wake-ups on
    second_wakeup.notify();
    second.join();
    CHECK(second_woken == 1);
}

TEST_CASE("a Wakeup's waits end by the deadline when nobody notifies it") {
    loa::Wakeup wakeup;
    CHECK_FALSE(wakeup.take());
    CHECK_FALSE(wakeup.wait_for(0ns));
    CHECK_FALSE(wakeup.wait_for(-1s));
    CHECK_FALSE(wakeup.wait_until(std::chrono::system_clock::now() - 1s));
    CHECK_FALSE(wakeup.wait_until(loa::TimePoint::min()));
    wakeup.notify();
    CHECK(wakeup.wait_for(3600s));
    wakeup.notify();
    wakeup.wait(); // returns at once
    CHECK_FALSE(wakeup.take());
}
