#include "playout/renderer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace loa::playout {

static_assert(std::atomic<double>::is_always_lock_free);
static_assert(std::atomic<std::int64_t>::is_always_lock_free);
static_assert(std::atomic<std::uint64_t>::is_always_lock_free);
static_assert(std::atomic<Renderer::State>::is_always_lock_free);

Renderer::Renderer(const Config &config, std::shared_ptr<Wakeup> wakeup)
    : m_config(config), m_wakeup(std::move(wakeup)), m_ring(config.ring_frames, config.channels),
      m_latency_frames(config.latency_frames) {}

void Renderer::reset() noexcept {
    m_ring.clear();
    m_fading = false;
    m_fade_left = 0;
    m_tail_frames = 0;
    m_input_ended.store(false, std::memory_order_relaxed);
    m_stop.store(false, std::memory_order_relaxed);
    m_started.store(false, std::memory_order_relaxed);
    m_first_frame_time.store(0.0, std::memory_order_relaxed);
    m_span_frames.store(0, std::memory_order_relaxed);
    m_frames_played.store(0, std::memory_order_relaxed);
    m_underruns.store(0, std::memory_order_relaxed);
    m_stopped.store(false, std::memory_order_relaxed);
    m_mark.store(-1, std::memory_order_relaxed);
    m_mark_reached.store(false, std::memory_order_relaxed);
    m_mark_span.store(0, std::memory_order_relaxed);
    m_mark_underruns.store(0, std::memory_order_relaxed);
    m_state.store(State::idle, std::memory_order_release);
}

void Renderer::arm(double start_time) noexcept {
    m_start_time.store(start_time, std::memory_order_relaxed);
    if (m_state.load(std::memory_order_relaxed) == State::idle)
        m_state.store(State::armed, std::memory_order_release);
}

void Renderer::start_now() noexcept {
    m_start_time.store(std::numeric_limits<double>::lowest(), std::memory_order_relaxed);
}

void Renderer::end_input() noexcept {
    m_input_ended.store(true, std::memory_order_release);
}

void Renderer::mark(std::int64_t frame) noexcept {
    m_mark_reached.store(false, std::memory_order_relaxed);
    m_mark.store(frame, std::memory_order_release);
}

void Renderer::request_stop() noexcept {
    m_stop.store(true, std::memory_order_release);
}

void Renderer::set_latency_frames(std::size_t frames) noexcept {
    m_latency_frames.store(frames, std::memory_order_relaxed);
}

Renderer::Progress Renderer::progress() const noexcept {
    Progress progress;
    progress.started = m_started.load(std::memory_order_acquire);
    progress.first_frame_time = m_first_frame_time.load(std::memory_order_relaxed);
    progress.span_frames = m_span_frames.load(std::memory_order_relaxed);
    progress.frames_played = m_frames_played.load(std::memory_order_relaxed);
    progress.underruns = m_underruns.load(std::memory_order_relaxed);
    progress.stopped = m_stopped.load(std::memory_order_relaxed);
    progress.renders = m_renders.load(std::memory_order_relaxed);
    progress.mark_reached = m_mark_reached.load(std::memory_order_acquire);
    progress.mark_span = m_mark_span.load(std::memory_order_relaxed);
    progress.mark_underruns = m_mark_underruns.load(std::memory_order_relaxed);
    return progress;
}

bool Renderer::starved(std::size_t frames) const noexcept {
    const State state = m_state.load(std::memory_order_acquire);
    if (state != State::armed && state != State::playing)
        return false;
    if (m_input_ended.load(std::memory_order_acquire))
        return false;
    return m_ring.readable_frames() < frames;
}

Renderer::Span Renderer::render(float *out, std::size_t frames, double dac_time) noexcept {
    Span span;
    const State entry = m_state.load(std::memory_order_acquire);
    State state = entry;
    std::size_t position = 0; // frames of `out` already filled

    if (state == State::armed) {
        if (m_stop.load(std::memory_order_acquire)) {
            finish(true);
            state = State::finished;
        } else {
            // The frame whose DAC time is nearest the instant; the first frame if late.
            const double lead_frames =
                (m_start_time.load(std::memory_order_relaxed) - dac_time) * m_config.rate;
            const std::size_t offset =
                lead_frames <= 0.0
                    ? 0
                    : static_cast<std::size_t>(std::min(std::llround(std::min(lead_frames, 1e15)),
                                                        static_cast<long long>(frames)));
            if (offset < frames) {
                silence(out, 0, offset);
                m_first_frame_time.store(dac_time + static_cast<double>(offset) / m_config.rate,
                                         std::memory_order_relaxed);
                m_started.store(true, std::memory_order_release);
                m_state.store(State::playing, std::memory_order_release);
                state = State::playing;
                position = offset;
                span.first_frame = offset;
            }
        }
    }

    if (state == State::playing) {
        position = play(out, position, frames, span);
        state = m_state.load(std::memory_order_relaxed);
    }

    if (state == State::tail) {
        m_tail_frames += frames - position;
        // Done once the device has played the last frame and one period more: the
        // output latency plus this buffer's worth of silence has been rendered after it.
        if (m_tail_frames >= m_latency_frames.load(std::memory_order_relaxed) + frames)
            finish(m_stopped.load(std::memory_order_relaxed));
    }

    silence(out, position, frames);
    m_renders.fetch_add(1, std::memory_order_release);
    // Wake the feeder when there is something for it: a new state, or room for a refill
    // (half the ring). Not after every buffer: each wake-up is a system call or two, and
    // the feeder also looks every 50 ms.
    if (entry != State::idle && entry != State::finished &&
        (m_state.load(std::memory_order_relaxed) != entry ||
         m_ring.readable_frames() * 2 <= m_config.ring_frames))
        m_wakeup->notify();
    return span;
}

std::size_t Renderer::play(float *out, std::size_t position, std::size_t frames,
                           Span &span) noexcept {
    // Loaded before reading: everything the feeder wrote before ending is then visible.
    const bool input_ended = m_input_ended.load(std::memory_order_acquire);
    if (!m_fading && m_stop.load(std::memory_order_acquire)) {
        m_fading = true;
        m_fade_left = std::max<std::size_t>(m_config.fade_frames, 1);
    }

    const std::size_t wanted =
        m_fading ? std::min(frames - position, m_fade_left) : frames - position;
    float *destination = out + position * m_config.channels;
    const std::size_t got = m_ring.read(destination, wanted);
    const std::int64_t played_before = m_frames_played.load(std::memory_order_relaxed);
    if (const std::int64_t mark = m_mark.load(std::memory_order_acquire);
        mark >= played_before && mark < played_before + static_cast<std::int64_t>(got) &&
        !m_mark_reached.load(std::memory_order_relaxed)) {
        m_mark_span.store(m_span_frames.load(std::memory_order_relaxed) + (mark - played_before),
                          std::memory_order_relaxed);
        m_mark_underruns.store(m_underruns.load(std::memory_order_relaxed),
                               std::memory_order_relaxed);
        m_mark_reached.store(true, std::memory_order_release);
    }

    if (m_fading) {
        const float step =
            1.0f / static_cast<float>(std::max<std::size_t>(m_config.fade_frames, 1));
        for (std::size_t frame = 0; frame < got; ++frame) {
            const float gain = static_cast<float>(m_fade_left - frame) * step;
            for (unsigned channel = 0; channel < m_config.channels; ++channel)
                destination[frame * m_config.channels + channel] *= gain;
        }
    }
    m_frames_played.fetch_add(static_cast<std::int64_t>(got), std::memory_order_relaxed);

    if (input_ended && m_ring.readable_frames() == 0) {
        // The item's last frame is in this buffer (faded, if a stop came first).
        m_span_frames.fetch_add(static_cast<std::int64_t>(got), std::memory_order_relaxed);
        span.frames = position + got - span.first_frame;
        span.item_ended = true;
        end_item(m_fading);
        return position + got;
    }

    if (got < wanted) {
        silence(out, position + got, position + wanted);
        m_underruns.fetch_add(1, std::memory_order_relaxed);
    }
    m_span_frames.fetch_add(static_cast<std::int64_t>(wanted), std::memory_order_relaxed);
    span.frames = position + wanted - span.first_frame;
    if (m_fading) {
        m_fade_left -= wanted;
        if (m_fade_left == 0) {
            span.item_ended = true;
            end_item(true);
        }
    }
    return position + wanted;
}

void Renderer::end_item(bool stopped) noexcept {
    m_stopped.store(stopped, std::memory_order_relaxed);
    m_tail_frames = 0;
    m_state.store(State::tail, std::memory_order_release);
}

void Renderer::finish(bool stopped) noexcept {
    m_stopped.store(stopped, std::memory_order_relaxed);
    m_state.store(State::finished, std::memory_order_release);
}

void Renderer::silence(float *out, std::size_t from, std::size_t to) const noexcept {
    if (to > from)
        std::fill(out + from * m_config.channels, out + to * m_config.channels, 0.0f);
}

} // namespace loa::playout
