#include "engine/output.hpp"

#include "playout/player.hpp"

#include <algorithm>
#include <thread>

namespace loa::engine {

std::string PlayerOutput::device_name() const {
    return m_player.device_name();
}

playout::PlayResult PlayerOutput::play(const playout::PlayItem &item, std::chrono::milliseconds length,
                                       TimePoint start_at, const std::function<void()> &before_first_sample,
                                       std::optional<TimePoint> stop_at) {
    if (!stop_at || *stop_at >= std::max(start_at, m_clock.now()) + length)
        return m_player.play(item, start_at, before_first_sample);
    // A watch that stops the play at stop_at; it sleeps on the same clock, so a wake()
    // that was not for it is passed on (as every sleeper of the clock does).
    std::atomic<bool> done{false};
    std::jthread watch([&] {
        while (!done.load()) {
            if (m_clock.now() >= *stop_at) {
                m_player.stop();
                return;
            }
            if (m_clock.sleep_until(*stop_at) && !done.load()) {
                m_clock.wake();
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        }
    });
    const auto end_watch = [&] {
        done.store(true);
        m_clock.wake();
        watch.join();
    };
    playout::PlayResult result;
    try {
        result = m_player.play(item, start_at, before_first_sample);
    } catch (...) {
        end_watch();
        throw;
    }
    end_watch();
    return result;
}

void PlayerOutput::stop() noexcept {
    m_player.stop();
}

playout::PlayResult VirtualOutput::play(const playout::PlayItem &item, std::chrono::milliseconds length,
                                        TimePoint start_at, const std::function<void()> &before_first_sample,
                                        std::optional<TimePoint> stop_at) {
    m_stop.store(false);
    playout::PlayResult result;
    while (m_clock.now() < start_at && !m_stop.load())
        m_clock.sleep_until(start_at);
    if (m_stop.exchange(false)) {
        result.outcome = playout::PlayOutcome::interrupted;
        result.started_at = result.ended_at = m_clock.now();
        result.position = item.start_offset;
        return result;
    }
    before_first_sample();
    result.started_at = m_clock.now();
    const auto remaining = std::max(length - item.start_offset, std::chrono::milliseconds{0});
    const TimePoint whole = result.started_at + remaining;
    const TimePoint end = stop_at ? std::min(whole, std::max(*stop_at, result.started_at)) : whole;
    while (m_clock.now() < end && !m_stop.load())
        m_clock.sleep_until(end);
    result.ended_at = std::min(m_clock.now(), end);
    result.outcome = (m_stop.exchange(false) && result.ended_at < end) || result.ended_at < whole
                         ? playout::PlayOutcome::interrupted
                         : playout::PlayOutcome::completed;
    result.position = item.start_offset +
                      std::chrono::duration_cast<std::chrono::milliseconds>(result.ended_at - result.started_at);
    return result;
}

void VirtualOutput::stop() noexcept {
    m_stop.store(true);
    m_clock.wake();
}

} // namespace loa::engine
