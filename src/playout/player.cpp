#include "playout/player.hpp"

#include "core/error.hpp"
#include "playout/item_reader.hpp"
#include "playout/null_sink.hpp"
#include "playout/port_audio_sink.hpp"
#include "playout/renderer.hpp"
#include "playout/wav_sink.hpp"

#include <chrono>
#include <cmath>

namespace loa::playout {
namespace {

using namespace std::chrono_literals;
using std::chrono::steady_clock;

constexpr double k_ring_seconds = 2.0;  ///< how far ahead the feeder decodes
constexpr double k_fade_seconds = 0.15; ///< stop()'s fade-out
constexpr auto k_arming_lead = 300ms;   ///< before the instant, plus the output latency
constexpr auto k_poll = 50ms;           ///< longest the feeder sleeps between checks
constexpr auto k_stall_limit = 2s;      ///< no render for this long: the device is gone
constexpr auto k_late_start_grace = 1s; ///< armed this long past the instant: start now

std::unique_ptr<Sink> make_sink(const OutputSpec &spec, Clock &clock) {
    switch (spec.kind) {
    case OutputSpec::Kind::wav:
        return std::make_unique<WavSink>(spec.target, clock);
    case OutputSpec::Kind::null:
        return std::make_unique<NullSink>(clock);
    case OutputSpec::Kind::device:
        break;
    }
    return std::make_unique<PortAudioSink>(spec.target, clock);
}

TimePoint::duration seconds_to_duration(double seconds) {
    return std::chrono::duration_cast<TimePoint::duration>(
        std::chrono::round<std::chrono::nanoseconds>(std::chrono::duration<double>(seconds)));
}

TimePoint::duration frames_to_duration(std::int64_t frames, unsigned rate) {
    const std::int64_t ns =
        frames / rate * 1'000'000'000 + (frames % rate * 1'000'000'000 + rate / 2) / rate;
    return std::chrono::duration_cast<TimePoint::duration>(std::chrono::nanoseconds(ns));
}

double duration_to_seconds(TimePoint::duration duration) {
    return std::chrono::duration<double>(duration).count();
}

} // namespace

Player::Player(const OutputSpec &spec, Clock &clock) : m_spec(spec), m_clock(clock) {
    open_output();
}

Player::~Player() = default;

std::string Player::device_name() const {
    return m_device_name;
}

unsigned Player::rate() const {
    return m_rate;
}

unsigned Player::channels() const {
    return m_channels;
}

void Player::stop() noexcept {
    m_stop_requested.store(true);
    m_wakeup->notify();
}

void Player::open_output() {
    std::unique_ptr<Renderer> renderer; // declared first: destroyed after a failed sink
    std::unique_ptr<Sink> sink = make_sink(m_spec, m_clock);
    const unsigned rate = sink->rate();
    renderer = std::make_unique<Renderer>(
        Renderer::Config{rate, sink->channels(), static_cast<std::size_t>(k_ring_seconds * rate),
                         static_cast<std::size_t>(k_fade_seconds * rate), sink->latency_frames()},
        m_wakeup);
    sink->start(*renderer);
    m_device_name = sink->name();
    m_rate = rate;
    m_channels = sink->channels();
    m_renderer = std::move(renderer);
    m_sink = std::move(sink);
}

PlayResult Player::play(const PlayItem &item, TimePoint start_at,
                        const std::function<void()> &before_first_sample) {
    m_stop_requested.store(false);
    if (m_sink && !m_sink->failure().empty())
        discard_output(); // it died between plays: reopen before logging a start
    if (!m_sink) {
        try {
            open_output();
        } catch (const Error &error) {
            return not_played(PlayOutcome::failed, error.what());
        }
    }

    ItemReader reader(item, m_sink->rate(), m_sink->channels());
    m_renderer->reset();
    const bool input_complete = reader.fill(m_renderer->ring());
    if (input_complete && reader.frames_produced() == 0)
        throw InputError(quote(item.file) +
                         ": contains no audio; import it again with `loa import`");

    if (!wait_until_arming(start_at))
        return not_played(PlayOutcome::interrupted, "");
    before_first_sample();

    const StreamClockReading reading = m_sink->read_clock();
    m_renderer->set_latency_frames(m_sink->latency_frames());
    if (input_complete)
        m_renderer->end_input();
    m_renderer->arm(reading.stream_seconds + duration_to_seconds(start_at - reading.wall));
    m_sink->armed();
    try {
        return feed(reader, input_complete, start_at, reading);
    } catch (...) {
        settle();
        throw;
    }
}

bool Player::wait_until_arming(TimePoint start_at) {
    const auto latency =
        frames_to_duration(static_cast<std::int64_t>(m_sink->latency_frames()), m_rate);
    const TimePoint arm_at = start_at - k_arming_lead - latency;
    bool woken = false;
    bool stopped = false;
    while (!(stopped = m_stop_requested.load())) {
        const TimePoint now = m_clock.now();
        if (now >= arm_at)
            break;
        // Short sleeps, so that stop() is seen without waking every sleeper of the clock.
        woken = m_clock.sleep_until(std::min(arm_at, now + k_poll)) || woken;
    }
    if (woken)
        m_clock.wake(); // it was meant for our caller, who could not see it while we waited
    return !stopped;
}

PlayResult Player::feed(ItemReader &reader, bool input_complete, TimePoint start_at,
                        const StreamClockReading &reading) {
    std::string decode_error;
    bool stop_sent = false;
    std::uint64_t heartbeat = m_renderer->progress().renders;
    auto heartbeat_at = steady_clock::now();

    while (m_renderer->state() != Renderer::State::finished) {
        if (!input_complete) {
            try {
                input_complete = reader.fill(m_renderer->ring());
            } catch (const Error &error) {
                decode_error = error.what(); // play what was decoded, then report failed
                input_complete = true;
            }
            if (input_complete)
                m_renderer->end_input();
        }
        if (!stop_sent && m_stop_requested.load()) {
            m_renderer->request_stop();
            stop_sent = true;
        }
        if (m_renderer->state() == Renderer::State::armed &&
            m_clock.now() > start_at + k_late_start_grace)
            m_renderer->start_now(); // the stream clock misled us; start late, not never

        if (const std::string failure = m_sink->failure(); !failure.empty())
            return abandon(failure, reading);
        const std::uint64_t renders = m_renderer->progress().renders;
        if (renders != heartbeat) {
            heartbeat = renders;
            heartbeat_at = steady_clock::now();
        } else if (steady_clock::now() - heartbeat_at > k_stall_limit) {
            return abandon("sound device '" + m_device_name + "' stopped responding", reading);
        }
        m_wakeup->wait_for(k_poll);
    }

    if (!decode_error.empty())
        return result(PlayOutcome::failed, decode_error, reading);
    const bool stopped = m_renderer->progress().stopped;
    return result(stopped ? PlayOutcome::interrupted : PlayOutcome::completed, "", reading);
}

PlayResult Player::result(PlayOutcome outcome, const std::string &error,
                          const StreamClockReading &reading) const {
    const Renderer::Progress progress = m_renderer->progress();
    if (!progress.started)
        return not_played(outcome, error);
    PlayResult result;
    result.outcome = outcome;
    result.started_at =
        reading.wall + seconds_to_duration(progress.first_frame_time - reading.stream_seconds);
    result.ended_at = result.started_at + frames_to_duration(progress.span_frames, m_rate);
    result.frames_played = progress.frames_played;
    result.underruns = progress.underruns;
    result.error = error;
    return result;
}

PlayResult Player::abandon(const std::string &reason, const StreamClockReading &reading) {
    PlayResult failed = result(PlayOutcome::failed, reason, reading);
    discard_output();
    // Reopen at once (a replugged card) so that the next play finds it ready.
    try {
        open_output();
    } catch (const Error &) {
        // play() tries again next time.
    }
    return failed;
}

void Player::settle() noexcept {
    // Only after an unexpected exception: the next reset() needs the render step done.
    m_renderer->request_stop();
    const auto give_up = steady_clock::now() + k_stall_limit;
    while (m_renderer->state() != Renderer::State::finished && steady_clock::now() < give_up)
        m_wakeup->wait_for(k_poll);
    if (m_renderer->state() != Renderer::State::finished)
        discard_output();
}

void Player::discard_output() noexcept {
    if (m_sink && !m_sink->abandon()) {
        // Leaked on purpose (see Sink::abandon): its driver may still call the renderer.
        static_cast<void>(m_sink.release());
        static_cast<void>(m_renderer.release());
    }
    m_sink.reset();
    m_renderer.reset();
}

PlayResult Player::not_played(PlayOutcome outcome, const std::string &error) const {
    PlayResult result;
    result.outcome = outcome;
    result.started_at = m_clock.now();
    result.ended_at = result.started_at;
    result.error = error;
    return result;
}

} // namespace loa::playout
