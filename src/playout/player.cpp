#include "playout/player.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "playout/item_reader.hpp"
#include "playout/null_sink.hpp"
#include "playout/port_audio_sink.hpp"
#include "playout/renderer.hpp"
#include "playout/wav_sink.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>

namespace loa::playout {
namespace {

using namespace std::chrono_literals;
using std::chrono::steady_clock;

std::string no_audio(const std::filesystem::path &file) {
    return i18n::format(_("{1}: contains no audio; import it again with `loa import`"),
                        quote(file));
}

constexpr double k_ring_seconds = 2.0;  ///< how far ahead the feeder decodes
constexpr auto k_arming_lead = 300ms;   ///< before the instant, plus the output latency
constexpr auto k_poll = 50ms;           ///< longest the feeder sleeps between checks
constexpr auto k_stall_limit = 2s;      ///< no render for this long: the device is gone
constexpr auto k_late_start_grace = 1s; ///< armed this long past the instant: start now
/// A start_at this close after a gapless chain's end continues it.
constexpr auto k_contiguous = 1ms;
/// Waits between attempts to open a missing sound card; the last one repeats.
constexpr std::array<std::chrono::seconds, 6> k_backoff{1s, 2s, 5s, 10s, 30s, 60s};

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

Player::Player(const OutputSpec &spec, Clock &clock, PlayerOptions options)
    : m_spec(spec), m_clock(clock), m_options(std::move(options)) {
    const bool card = m_spec.kind == OutputSpec::Kind::device;
    try {
        open_output();
    } catch (const Error &error) {
        if (!card || !m_options.wait_for_device)
            throw;
        m_device_name = m_spec.target.empty() ? "default" : m_spec.target;
        std::unique_lock lock(m_mutex);
        const std::string message = device_lost(error.what());
        lock.unlock();
        say(message);
    }
    if (card) {
        m_idle_since = steady_clock::now();
        m_housekeeper = std::thread([this] { housekeep(); });
    }
}

Player::~Player() {
    {
        const std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_changed.notify_all();
    if (m_housekeeper.joinable())
        m_housekeeper.join();
}

bool Player::device_available() const {
    const std::lock_guard lock(m_mutex);
    return !m_device_down;
}

std::string Player::device_name() const {
    const std::lock_guard lock(m_mutex);
    return m_device_name;
}

unsigned Player::rate() const {
    const std::lock_guard lock(m_mutex);
    return m_rate;
}

unsigned Player::channels() const {
    const std::lock_guard lock(m_mutex);
    return m_channels;
}

void Player::stop() noexcept {
    m_stop_requested.store(true);
    m_wakeup->notify();
}

void Player::say(const std::string &message) const {
    if (m_options.on_message && !message.empty())
        m_options.on_message(message);
}

std::string Player::device_lost(const std::string &reason) {
    const auto delay = k_backoff[std::min(m_attempts, k_backoff.size() - 1)];
    ++m_attempts;
    m_device_down = true;
    m_next_attempt = steady_clock::now() + delay;
    m_changed.notify_all();
    return i18n::format(_("{1}; trying the sound device again in {2} s (attempt {3})"), reason,
                        std::to_string(delay.count()), std::to_string(m_attempts + 1));
}

std::string Player::device_back() {
    const bool was_down = m_device_down;
    m_device_down = false;
    m_attempts = 0;
    return was_down ? i18n::format(_("sound device '{1}' is available again"), m_device_name) : "";
}

void Player::housekeep() {
    std::unique_lock lock(m_mutex);
    while (!m_quit) {
        if (m_busy) {
            m_changed.wait(lock);
            continue;
        }
        const auto now = steady_clock::now();
        if (m_device_down) {
            if (now < m_next_attempt) {
                m_changed.wait_until(lock, m_next_attempt);
                continue;
            }
            std::string message;
            try {
                open_output();
                m_idle_since = now;
                message = device_back();
            } catch (const Error &error) {
                message = device_lost(error.what());
            }
            lock.unlock(); // the message is said outside the lock
            say(message);
            lock.lock();
            continue;
        }
        if (m_sink) {
            const auto deadline = m_idle_since + m_options.idle_close;
            if (now < deadline) {
                m_changed.wait_until(lock, deadline);
                continue;
            }
            close_idle_output();
            continue;
        }
        m_changed.wait(lock);
    }
}

void Player::close_idle_output() noexcept {
    // A chain the caller never continued ends here too (its frames have long played).
    m_chain = false;
    if (!m_sink->failure().empty()) {
        discard_output();
        return;
    }
    m_sink.reset(); // stops the stream: no callback after this
    m_renderer.reset();
}

void Player::open_output() {
    std::unique_ptr<Renderer> renderer; // declared first: destroyed after a failed sink
    std::unique_ptr<Sink> sink = make_sink(m_spec, m_clock);
    const unsigned rate = sink->rate();
    renderer = std::make_unique<Renderer>(
        Renderer::Config{rate, sink->channels(), static_cast<std::size_t>(k_ring_seconds * rate),
                         static_cast<std::size_t>(stop_fade_seconds * rate),
                         sink->latency_frames()},
        m_wakeup);
    sink->start(*renderer);
    // Callers: the constructor, play() (while busy) or the housekeeper (holding m_mutex).
    m_device_name = sink->name();
    m_rate = rate;
    m_channels = sink->channels();
    m_renderer = std::move(renderer);
    m_sink = std::move(sink);
}

PlayResult Player::play(const PlayItem &item, TimePoint start_at,
                        const std::function<void()> &before_first_sample) {
    const i18n::InEnglish chained_text; // a failure here becomes a play row's reason
    {
        const std::lock_guard lock(m_mutex);
        m_busy = true;
    }
    struct Done {
        Player &player;
        ~Done() {
            {
                const std::lock_guard lock(player.m_mutex);
                player.m_busy = false;
                player.m_idle_since = steady_clock::now();
            }
            player.m_changed.notify_all();
        }
    } done{*this};
    const std::function<void()> in_callers_language = [&before_first_sample] {
        const i18n::ForPeople people; // the caller's step: its messages are for people
        before_first_sample();
    };
    return play_locked(item, start_at, in_callers_language);
}

PlayResult Player::play_locked(const PlayItem &item, TimePoint start_at,
                               const std::function<void()> &before_first_sample) {
    m_stop_requested.store(false);
    m_current = Current{item, false, 0, 0};
    if (m_chain && (!m_sink || !m_sink->failure().empty() || start_at > m_chain_end + k_contiguous))
        end_chain(); // not contiguous: the chain's last item plays out first
    if (m_sink && !m_sink->failure().empty())
        discard_output(); // it died between plays: reopen before logging a start
    if (!m_sink) {
        std::string message;
        try {
            open_output();
            const std::lock_guard lock(m_mutex);
            message = device_back();
        } catch (const Error &error) {
            if (m_spec.kind == OutputSpec::Kind::device) {
                const std::lock_guard lock(m_mutex);
                if (!m_device_down)
                    message = device_lost(error.what());
            }
            say(message);
            return not_played(PlayOutcome::failed, error.what());
        }
        say(message);
    }

    ItemReader reader(item, m_rate, m_channels);
    if (m_chain) {
        // Gapless: append to the ring the previous item is still playing from.
        m_current.continued = true;
        m_current.first_frame = m_chain_frames;
        m_chain = false; // until this item, if followed, extends it
        m_renderer->mark(m_chain_frames);
        const bool input_complete = reader.fill(m_renderer->ring());
        m_current.frames = reader.frames_produced();
        try {
            if (input_complete && reader.frames_produced() == 0)
                throw InputError(no_audio(item.file));
            before_first_sample();
        } catch (...) {
            end_chain();
            throw;
        }
        try {
            return feed(reader, input_complete, start_at);
        } catch (...) {
            settle();
            throw;
        }
    }

    m_renderer->reset();
    const bool input_complete = reader.fill(m_renderer->ring());
    m_current.frames = reader.frames_produced();
    if (input_complete && reader.frames_produced() == 0)
        throw InputError(no_audio(item.file));

    if (!wait_until_arming(start_at))
        return not_played(PlayOutcome::interrupted, "");
    before_first_sample();

    m_reading = m_sink->read_clock();
    m_renderer->set_latency_frames(m_sink->latency_frames());
    if (input_complete && !item.followed)
        m_renderer->end_input();
    m_renderer->arm(m_reading.stream_seconds + duration_to_seconds(start_at - m_reading.wall));
    m_sink->armed();
    try {
        return feed(reader, input_complete, start_at);
    } catch (...) {
        settle();
        throw;
    }
}

bool Player::wait_until_arming(TimePoint start_at) {
    const auto latency =
        frames_to_duration(static_cast<std::int64_t>(m_sink->latency_frames()), m_rate);
    const TimePoint arm_at = start_at - k_arming_lead - latency;
    // The feeder's door: stop() notifies it (as does the render step, which is idle here).
    while (!m_stop_requested.load() && m_clock.now() < arm_at)
        m_clock.sleep_until(arm_at, *m_wakeup);
    return !m_stop_requested.load();
}

PlayResult Player::feed(ItemReader &reader, bool input_complete, TimePoint start_at) {
    const bool followed = m_current.item.followed;
    std::string decode_error;
    bool stop_sent = false;
    bool input_ended = input_complete && !followed && !m_current.continued;
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
            m_current.frames = reader.frames_produced();
        }
        if (input_complete && !input_ended && (!followed || !decode_error.empty())) {
            m_renderer->end_input();
            input_ended = true;
        }
        if (!stop_sent && m_stop_requested.load()) {
            m_renderer->request_stop();
            stop_sent = true;
        }
        if (m_renderer->state() == Renderer::State::armed &&
            m_clock.now() > start_at + k_late_start_grace)
            m_renderer->start_now(); // the stream clock misled us; start late, not never

        if (const std::string failure = m_sink->failure(); !failure.empty())
            return abandon(failure);
        const Renderer::Progress progress = m_renderer->progress();
        if (followed && input_complete && !input_ended && !stop_sent &&
            (m_current.continued ? progress.mark_reached : progress.started)) {
            // Every frame is queued and the first has played: the next item continues.
            PlayResult queued = result(PlayOutcome::completed, "");
            m_chain = true;
            m_chain_frames = m_current.first_frame + m_current.frames;
            m_chain_end = queued.ended_at;
            return queued;
        }
        if (progress.renders != heartbeat) {
            heartbeat = progress.renders;
            heartbeat_at = steady_clock::now();
        } else if (steady_clock::now() - heartbeat_at > k_stall_limit) {
            return abandon(
                i18n::format(_("sound device '{1}' stopped responding"), m_sink->name()));
        }
        m_wakeup->wait_for(k_poll);
    }

    if (!decode_error.empty())
        return result(PlayOutcome::failed, decode_error);
    const bool stopped = m_renderer->progress().stopped;
    return result(stopped ? PlayOutcome::interrupted : PlayOutcome::completed, "");
}

PlayResult Player::result(PlayOutcome outcome, const std::string &error) const {
    const Renderer::Progress progress = m_renderer->progress();
    const bool started = m_current.continued ? progress.mark_reached : progress.started;
    if (!started)
        return not_played(outcome, error);
    // Stream positions count item frames plus underrun padding from the chain's start.
    const std::int64_t first_span = m_current.continued ? progress.mark_span : 0;
    const std::int64_t pads_before = first_span - m_current.first_frame;
    const std::int64_t pads = progress.span_frames - progress.frames_played - pads_before;
    const bool queued_only =
        m_renderer->state() != Renderer::State::finished && outcome == PlayOutcome::completed;
    const std::int64_t frames =
        queued_only ? m_current.frames
                    : std::clamp<std::int64_t>(progress.frames_played - m_current.first_frame, 0,
                                               m_current.frames);

    PlayResult result;
    result.outcome = outcome;
    result.started_at = m_reading.wall +
                        seconds_to_duration(progress.first_frame_time - m_reading.stream_seconds) +
                        frames_to_duration(first_span, m_rate);
    result.ended_at = result.started_at + frames_to_duration(frames + pads, m_rate);
    result.frames_played = frames;
    result.position = m_current.item.start_offset +
                      std::chrono::milliseconds(frames * 1000 / static_cast<std::int64_t>(m_rate));
    result.underruns = progress.underruns - (m_current.continued ? progress.mark_underruns : 0);
    result.error = error;
    return result;
}

PlayResult Player::abandon(const std::string &reason) {
    PlayResult failed = result(PlayOutcome::failed, reason);
    discard_output();
    if (m_spec.kind == OutputSpec::Kind::device) {
        std::unique_lock lock(m_mutex);
        const std::string message = device_lost(reason); // the housekeeper reopens it
        lock.unlock();
        say(message);
        return failed;
    }
    // Reopen at once so that the next play finds it ready.
    try {
        open_output();
    } catch (const Error &) {
        // play() tries again next time.
    }
    return failed;
}

void Player::end_chain() noexcept {
    m_chain = false;
    if (!m_renderer)
        return;
    m_renderer->end_input();
    // Its frames (at most the ring) and the output latency play out.
    const auto give_up =
        steady_clock::now() + 2 * k_stall_limit + seconds_to_duration(k_ring_seconds);
    while (m_renderer->state() != Renderer::State::finished && steady_clock::now() < give_up &&
           m_sink->failure().empty())
        m_wakeup->wait_for(k_poll);
    if (m_renderer->state() != Renderer::State::finished)
        discard_output();
}

void Player::settle() noexcept {
    // Only after an unexpected exception: the next reset() needs the render step done.
    m_chain = false;
    if (!m_renderer)
        return;
    m_renderer->request_stop();
    const auto give_up = steady_clock::now() + k_stall_limit;
    while (m_renderer->state() != Renderer::State::finished && steady_clock::now() < give_up)
        m_wakeup->wait_for(k_poll);
    if (m_renderer->state() != Renderer::State::finished)
        discard_output();
}

void Player::discard_output() noexcept {
    m_chain = false;
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
    result.position = m_current.item.start_offset;
    result.error = error;
    return result;
}

} // namespace loa::playout
