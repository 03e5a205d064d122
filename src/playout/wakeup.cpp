#include "playout/wakeup.hpp"

#include <cerrno>
#include <ctime>

namespace loa::playout {

Wakeup::Wakeup() noexcept {
    sem_init(&m_semaphore, 0, 0);
}

Wakeup::~Wakeup() {
    sem_destroy(&m_semaphore);
}

void Wakeup::notify() noexcept {
    sem_post(&m_semaphore); // EOVERFLOW only past INT_MAX pending posts: harmless
}

bool Wakeup::wait_for(std::chrono::nanoseconds timeout) noexcept {
    timespec deadline{};
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    const long long nanoseconds = deadline.tv_nsec + timeout.count() % 1'000'000'000;
    deadline.tv_sec +=
        static_cast<time_t>(timeout.count() / 1'000'000'000 + nanoseconds / 1'000'000'000);
    deadline.tv_nsec = static_cast<long>(nanoseconds % 1'000'000'000);

    int result;
    while ((result = sem_clockwait(&m_semaphore, CLOCK_MONOTONIC, &deadline)) != 0 &&
           errno == EINTR) {
    }
    if (result != 0)
        return false;
    while (sem_trywait(&m_semaphore) == 0) {
    }
    return true;
}

} // namespace loa::playout
