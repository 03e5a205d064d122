#include "core/wakeup.hpp"

#include <algorithm>
#include <cerrno>
#include <ctime>

namespace loa {
namespace {

timespec to_timespec(std::chrono::nanoseconds since_epoch) {
    constexpr long long billion = 1'000'000'000;
    const long long count = since_epoch.count();
    long long seconds = count / billion;
    long long nanoseconds = count % billion;
    if (nanoseconds < 0) {
        nanoseconds += billion;
        --seconds;
    }
    return {static_cast<time_t>(seconds), static_cast<long>(nanoseconds)};
}

std::chrono::nanoseconds now_on(clockid_t clock) {
    timespec now{};
    clock_gettime(clock, &now);
    return std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
}

} // namespace

Wakeup::Wakeup() noexcept {
    sem_init(&m_semaphore, 0, 0);
}

Wakeup::~Wakeup() {
    sem_destroy(&m_semaphore);
}

void Wakeup::notify() noexcept {
    sem_post(&m_semaphore); // EOVERFLOW only past INT_MAX pending posts: harmless
}

bool Wakeup::take() noexcept {
    bool taken = false;
    while (sem_trywait(&m_semaphore) == 0)
        taken = true;
    return taken;
}

void Wakeup::wait() noexcept {
    while (sem_wait(&m_semaphore) != 0 && errno == EINTR) {
    }
    take();
}

bool Wakeup::wait_for(std::chrono::nanoseconds timeout) noexcept {
    const timespec deadline = to_timespec(now_on(CLOCK_MONOTONIC) + timeout);
    int result;
    while ((result = sem_clockwait(&m_semaphore, CLOCK_MONOTONIC, &deadline)) != 0 &&
           errno == EINTR) {
    }
    if (result != 0)
        return false;
    take();
    return true;
}

bool Wakeup::wait_until(std::chrono::system_clock::time_point deadline) noexcept {
    // Far-off deadlines (a schedule with nothing for a day) stay well inside time_t.
    constexpr auto far = std::chrono::hours(24 * 365 * 100);
    const auto since_epoch =
        std::min(std::chrono::duration_cast<std::chrono::nanoseconds>(deadline.time_since_epoch()),
                 now_on(CLOCK_REALTIME) + std::chrono::nanoseconds(far));
    const timespec until = to_timespec(since_epoch);
    int result;
    // sem_timedwait waits on CLOCK_REALTIME, absolute: a stepped clock ends it on time.
    while ((result = sem_timedwait(&m_semaphore, &until)) != 0 && errno == EINTR) {
    }
    if (result != 0)
        return false;
    take();
    return true;
}

} // namespace loa
