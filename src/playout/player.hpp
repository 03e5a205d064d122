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
#include "core/clock.hpp"
#include "playout/output_spec.hpp"
#include "playout/play_item.hpp"
#include "playout/play_result.hpp"
#include "playout/wakeup.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace loa::playout {

class ItemReader;
class Renderer;
class Sink;
struct StreamClockReading;

class Player {
public:
    /// Opens the output and starts it running on silence (so the device is warm before
    /// any instant). Throws Error with an operator-readable message if the device cannot
    /// be opened ("no sound device found: ..." or "sound device 'X' not found; `loa
    /// devices` lists them"), or the WAV file cannot be created.
    Player(const OutputSpec &spec, Clock &clock);
    /// Closes the output. Not while play() runs.
    ~Player();
    Player(const Player &) = delete;
    Player &operator=(const Player &) = delete;

    /// The output's name: the sound device's, "wav:PATH" or "null". Owner thread.
    std::string device_name() const;
    /// The output's frames per second and channels. Owner thread.
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

    /// Any thread: ends the current play as interrupted (a 150 ms fade) and makes play()
    /// return. Without a current play it does nothing.
    void stop() noexcept;

private:
    void open_output();
    void discard_output() noexcept;
    void settle() noexcept;
    bool wait_until_arming(TimePoint start_at);
    PlayResult feed(ItemReader &reader, bool input_complete, TimePoint start_at,
                    const StreamClockReading &reading);
    PlayResult result(PlayOutcome outcome, const std::string &error,
                      const StreamClockReading &reading) const;
    PlayResult abandon(const std::string &reason, const StreamClockReading &reading);
    PlayResult not_played(PlayOutcome outcome, const std::string &error) const;

    const OutputSpec m_spec;
    Clock &m_clock;
    /// Render step → feeder; stop() → feeder. Shared with every renderer.
    const std::shared_ptr<Wakeup> m_wakeup = std::make_shared<Wakeup>();
    std::unique_ptr<Renderer> m_renderer;
    std::unique_ptr<Sink> m_sink; ///< After m_renderer: destroyed (stopped) first.
    std::string m_device_name;
    unsigned m_rate = 0;
    unsigned m_channels = 0;
    std::atomic<bool> m_stop_requested{false}; ///< Set by stop(), cleared by play().
};

} // namespace loa::playout
