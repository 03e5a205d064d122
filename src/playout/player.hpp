#pragma once
// The playout module: plays one item at a time, so that its first sample leaves the
// sound card at a given wall-clock instant.
//
// How it works. The Player opens its sink (sound card, WAV file or null) once and keeps
// it running on silence. play() runs on the caller's thread, which is the feeder: it
// decodes, resamples, maps channels and applies gain (ItemReader) into a preallocated
// ring, then — shortly before the instant — lets the caller log "started", reads the
// sink's stream clock against the wall clock, and arms the Renderer with the instant in
// stream time. The sink's own thread (PortAudio's callback, or a thread paced on the
// Clock) calls Renderer::render, which places the first sample at the frame whose DAC
// time is the instant, plays the ring out, pads underruns with silence, and after the
// last frame plays out the output latency plus one period before declaring the item
// finished. The feeder keeps the ring full, watches for stop(), a dead device (no
// render for 2 s) and decoding errors, and never waits unboundedly.
//
// Gapless items. An item with PlayItem::followed returns as soon as its last frame is in
// the ring (and its first has been rendered), with ended_at the instant that last frame
// will leave the device. A play() whose start_at is that instant (or earlier) appends
// its frames to the same ring without a pause, so the two items are sample-contiguous
// (each still has its 10 ms boundary fades). A play() with a later start_at first lets
// the chain end (plays out its tail). Only an item that is not followed waits for the
// output latency, so the last tail is never cut.
//
// Idle sound card. A PortAudio stream calls back in real time for as long as it runs.
// After `idle_close` without a play (default 10 s), a housekeeping thread stops and
// closes it; play() opens it again as it begins, which the engine does its preroll
// (1.5 s) before the instant, and then waits until the arming point (0.3 s plus the
// output latency before the instant): when play() comes that early, the stream has run
// on silence for more than a second when the first sample is placed, so alignment is as
// with a stream that never stopped (measured: tests/bench/playout_start_bench.sh with
// LOA_BENCH_SPACING=14). WAV and null outputs render only around items and are never closed.
//
// A missing or lost sound card. With `wait_for_device`, a device that cannot be opened
// at start is not fatal: the housekeeping thread tries again after 1, 2, 5, 10, 30 and
// then every 60 s, reporting each attempt through on_message, and reports when it is
// back. A play() while it is missing tries once to open it and otherwise returns failed
// with the reason. A device that fails mid-play ends that play as failed; the retries
// begin again.
#include "core/clock.hpp"
#include "core/wakeup.hpp"
#include "playout/output_spec.hpp"
#include "playout/play_item.hpp"
#include "playout/play_result.hpp"
#include "playout/sink.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace loa::playout {

class ItemReader;
class Renderer;
class Sink;

struct PlayerOptions {
    /// Operator messages about the sound card (lost, each retry, back again). Called from
    /// the player's housekeeping thread or from play(), with none of the player's locks
    /// held (so it may call device_available()): it must be thread-safe.
    std::function<void(const std::string &)> on_message;
    /// A sound card with no play for this long is closed (its stream stops).
    std::chrono::milliseconds idle_close{10'000};
    /// A sound card that cannot be opened at construction is retried in the background
    /// instead of throwing.
    bool wait_for_device = false;
};

class Player {
public:
    /// Opens the output and starts it running on silence (so the device is warm before
    /// any instant). Throws Error with an operator-readable message if the device cannot
    /// be opened ("no sound device found: ..." or "sound device 'X' not found; `loa
    /// devices` lists them") unless options.wait_for_device, or if the WAV file cannot
    /// be created.
    Player(const OutputSpec &spec, Clock &clock, PlayerOptions options = {});
    /// Closes the output. Not while play() runs.
    ~Player();
    Player(const Player &) = delete;
    Player &operator=(const Player &) = delete;

    /// The output's name: the sound device's, "wav:PATH" or "null" (before a sound card
    /// was ever opened: what the output spec names). Owner thread.
    std::string device_name() const;
    /// Any thread: false while the sound card is missing and being retried.
    bool device_available() const;
    /// The output's frames per second and channels; 0 before it was ever opened. Owner
    /// thread.
    unsigned rate() const;
    unsigned channels() const;

    /// Plays `item` so that its first sample leaves the device at `start_at`, or as soon
    /// as possible if that has passed. Owner thread; one play at a time.
    ///
    /// First it opens and decodes the start of the file (throwing InputError naming it
    /// if it cannot be decoded; nothing was played). Then it waits until shortly before
    /// `start_at` (about 0.3 s plus the output latency) and calls `before_first_sample()`
    /// (the caller commits its "started" row there; if it throws, nothing plays and the
    /// exception propagates). Then it arms playback and blocks until the last sample has
    /// left the device, or stop() ended it.
    ///
    /// If stop() comes before `before_first_sample()`, that is not called and the result
    /// is `interrupted` with nothing played. If the output has failed (and cannot be
    /// reopened), the result is `failed` with the reason, without calling it either.
    PlayResult play(const PlayItem &item, TimePoint start_at,
                    const std::function<void()> &before_first_sample);

    /// Any thread: ends the current play as interrupted (a fade of stop_fade_seconds,
    /// linear, per sample) and makes play() return, with PlayResult::position where it
    /// stopped. Without a current play it does nothing.
    void stop() noexcept;

    static constexpr double stop_fade_seconds = 0.25;

private:
    /// What play() knows about the item in progress, for its result.
    struct Current {
        PlayItem item;
        bool continued = false;       ///< appended to a gapless chain
        std::int64_t first_frame = 0; ///< its first frame, counted since the chain began
        std::int64_t frames = 0;      ///< its frames queued so far
    };

    PlayResult play_locked(const PlayItem &item, TimePoint start_at,
                           const std::function<void()> &before_first_sample);
    void open_output();
    void discard_output() noexcept;
    void close_idle_output() noexcept;
    void end_chain() noexcept;
    void settle() noexcept;
    bool wait_until_arming(TimePoint start_at);
    PlayResult feed(ItemReader &reader, bool input_complete, TimePoint start_at);
    PlayResult result(PlayOutcome outcome, const std::string &error) const;
    PlayResult abandon(const std::string &reason);
    PlayResult not_played(PlayOutcome outcome, const std::string &error) const;
    /// Operator messages go out through on_message with no lock held; these two change
    /// the device state (caller holds m_mutex) and return what to say (maybe nothing).
    void say(const std::string &message) const;
    std::string device_lost(const std::string &reason);
    std::string device_back();
    void housekeep();

    const OutputSpec m_spec;
    Clock &m_clock;
    const PlayerOptions m_options;
    Current m_current;
    StreamClockReading m_reading;    ///< taken as the chain's first item was armed
    bool m_chain = false;            ///< the last item was followed and its chain still plays
    TimePoint m_chain_end;           ///< when the chain's queued frames end
    std::int64_t m_chain_frames = 0; ///< frames queued since the chain began
    /// The feeder's door (the thread in play()): the render step and stop() notify it;
    /// it sleeps on it, on the clock, until the arming point. Shared with every renderer.
    const std::shared_ptr<Wakeup> m_wakeup = std::make_shared<Wakeup>();
    std::unique_ptr<Renderer> m_renderer;
    std::unique_ptr<Sink> m_sink; ///< After m_renderer: destroyed (stopped) first.
    std::string m_device_name;
    unsigned m_rate = 0;
    unsigned m_channels = 0;
    std::atomic<bool> m_stop_requested{false}; ///< Set by stop(), cleared by play().

    // The housekeeping thread (sound cards only) and play() take turns with the output:
    // the thread touches m_sink/m_renderer only while no play() runs.
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_busy = false;        ///< Protected by #m_mutex: play() runs.
    bool m_quit = false;        ///< Protected by #m_mutex.
    bool m_device_down = false; ///< Protected by #m_mutex: retrying in the background.
    std::size_t m_attempts = 0; ///< Protected by #m_mutex: failed opens in a row.
    std::chrono::steady_clock::time_point m_next_attempt; ///< Protected by #m_mutex.
    std::chrono::steady_clock::time_point m_idle_since;   ///< Protected by #m_mutex.
    std::thread m_housekeeper; ///< Last: starts after everything above exists.
};

} // namespace loa::playout
