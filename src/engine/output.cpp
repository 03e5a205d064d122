#include "engine/output.hpp"

#include "playout/player.hpp"

#include <algorithm>

namespace loa::engine {

std::string PlayerOutput::device_name() const {
    return m_player.device_name();
}

playout::PlayResult PlayerOutput::play(const playout::PlayItem &item, std::chrono::milliseconds /*length*/,
                                       TimePoint start_at, const std::function<void()> &before_first_sample) {
    return m_player.play(item, start_at, before_first_sample);
}

void PlayerOutput::stop() noexcept {
    m_player.stop();
}

playout::PlayResult VirtualOutput::play(const playout::PlayItem &item, std::chrono::milliseconds length,
                                        TimePoint start_at, const std::function<void()> &before_first_sample) {
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
    const TimePoint end = result.started_at + remaining;
    while (m_clock.now() < end && !m_stop.load())
        m_clock.sleep_until(end);
    result.ended_at = std::min(m_clock.now(), end);
    result.outcome = m_stop.exchange(false) && result.ended_at < end ? playout::PlayOutcome::interrupted
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
