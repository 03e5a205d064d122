#include "playout/paced_thread.hpp"

#include "core/i18n.hpp"

#include <chrono>
#include <cmath>
#include <cstdlib>

namespace loa::playout {
namespace {

using namespace std::chrono_literals;

std::int64_t frames_to_nanoseconds(std::int64_t frames, unsigned rate) {
    return frames / rate * 1'000'000'000 + frames % rate * 1'000'000'000 / rate;
}

} // namespace

PacedThread::PacedThread(Renderer &renderer, Clock &clock, std::size_t period_frames,
                         Consumer consumer)
    : m_renderer(renderer), m_clock(clock), m_period_frames(period_frames),
      m_consumer(std::move(consumer)), m_buffer(period_frames * renderer.channels()),
      m_origin(clock.now()), m_thread([this] { run(); }) {}

PacedThread::~PacedThread() {
    m_quit.store(true);
    m_wakeup.notify();
    m_thread.join();
}

void PacedThread::armed() {
    m_armed.store(true);
    m_wakeup.notify();
}

StreamClockReading PacedThread::read_clock() const {
    const TimePoint now = m_clock.now();
    return {std::chrono::duration<double>(now - m_origin).count(), now};
}

std::string PacedThread::failure() const {
    std::lock_guard lock(m_mutex);
    return m_failure;
}

void PacedThread::run() {
    const i18n::InEnglish chained_text; // a failure here becomes a play row's reason
    while (!m_quit.load()) {
        if (!m_armed.exchange(false)) {
            m_wakeup.wait(); // between items: nothing to render, no timeout
            continue;
        }
        try {
            render_item();
        } catch (const std::exception &error) {
            const std::lock_guard lock(m_mutex);
            m_failure = error.what();
            return;
        }
    }
}

void PacedThread::render_item() {
    const unsigned rate = m_renderer.rate();
    m_position = std::max(m_position, position_at(m_clock.now()));
    while (!m_quit.load()) {
        pace();
        wait_for_feeder();
        const Renderer::Span span = m_renderer.render(m_buffer.data(), m_period_frames,
                                                      static_cast<double>(m_position) / rate);
        if (span.frames > 0 || span.item_ended)
            m_consumer(m_buffer.data(), span);
        m_position += static_cast<std::int64_t>(m_period_frames);
        const Renderer::State state = m_renderer.state();
        if (state == Renderer::State::finished || state == Renderer::State::idle)
            return;
    }
}

void PacedThread::pace() {
    while (!m_quit.load()) {
        const TimePoint now = m_clock.now();
        const std::int64_t now_position = position_at(now);
        if (std::llabs(now_position - m_position) > m_renderer.rate()) {
            m_position = now_position; // the clock jumped by more than a second: follow it
            return;
        }
        const TimePoint deadline = wall_time_of(m_position);
        if (now >= deadline)
            return;
        m_clock.sleep_until(deadline, m_wakeup); // early only for the destructor
    }
}

void PacedThread::wait_for_feeder() {
    const auto give_up = std::chrono::steady_clock::now() + 2s;
    for (unsigned spins = 0; m_renderer.starved(m_period_frames) && !m_quit.load(); ++spins) {
        if (std::chrono::steady_clock::now() >= give_up)
            return; // the render pads silence and counts an underrun
        if (spins < 100)
            std::this_thread::yield();
        else
            std::this_thread::sleep_for(100us);
    }
}

std::int64_t PacedThread::position_at(TimePoint time) const {
    return std::llround(std::chrono::duration<double>(time - m_origin).count() * m_renderer.rate());
}

TimePoint PacedThread::wall_time_of(std::int64_t position) const {
    return m_origin + std::chrono::duration_cast<TimePoint::duration>(std::chrono::nanoseconds(
                          frames_to_nanoseconds(position, m_renderer.rate())));
}

} // namespace loa::playout
