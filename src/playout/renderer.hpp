#pragma once
// The real-time render step, independent of PortAudio so that the sound-card sink, the
// WAV sink and the null sink all drive the same code.
//
// One item at a time goes through these states:
//   idle → armed (feeder: arm) → playing (render: the start instant is inside the buffer)
//        → tail (render: the last frame, or the end of a stop fade, was rendered)
//        → finished (render: the output latency and one more period of silence played out)
//        → idle (feeder: reset).
// Gapless items (PlayItem::followed) share one pass through these states: the feeder
// appends the next item's frames to the ring without reset() or end_input(), and marks
// where it begins (mark()); the render step records where in the stream that frame went.
// The render step only copies from the preallocated ring, pads silence, and stores
// atomics; it never allocates, locks, logs, does I/O or throws.
#include "playout/ring_buffer.hpp"
#include "core/wakeup.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace loa::playout {

class Renderer {
public:
    enum class State { idle, armed, playing, tail, finished };

    struct Config {
        unsigned rate;              ///< frames per second of the sink
        unsigned channels;          ///< samples per frame, interleaved
        std::size_t ring_frames;    ///< what the feeder can queue ahead
        std::size_t fade_frames;    ///< length of the fade-out that stop() asks for
        std::size_t latency_frames; ///< the sink's output latency, played out after the item
    };

    /// Where the item lies in one rendered buffer (its frames are contiguous).
    struct Span {
        std::size_t first_frame = 0; ///< index in the buffer of the item's first frame here
        std::size_t frames = 0;      ///< how many of the item's frames (including padding)
        bool item_ended = false;     ///< the item's last frame is in this buffer
    };

    /// What the render step has done with the current item. Feeder thread.
    struct Progress {
        bool started = false;           ///< its first frame was rendered
        double first_frame_time = 0.0;  ///< stream time (s) at which that frame leaves the sink
        std::int64_t span_frames = 0;   ///< device frames from first frame to now/last (with pads)
        std::int64_t frames_played = 0; ///< frames of the item's audio rendered
        std::uint64_t underruns = 0;    ///< renders that padded silence mid-item
        bool stopped = false;           ///< ended early by request_stop()
        std::uint64_t renders = 0;      ///< render() calls since construction (a heartbeat)
        bool mark_reached = false;      ///< the marked frame (see mark()) was rendered
        std::int64_t mark_span = 0;     ///< span_frames before the marked frame
        std::uint64_t mark_underruns = 0; ///< underruns before the marked frame
    };

    /// Preallocates everything. `wakeup` is notified after a render that changed the state
    /// or left the ring at most half full; it is
    /// shared so that it outlives a renderer the Player had to leak with a failed sink.
    Renderer(const Config &config, std::shared_ptr<Wakeup> wakeup);

    // Feeder thread.

    /// The ring the feeder fills for the current item.
    RingBuffer &ring() noexcept { return m_ring; }
    /// Back to idle with an empty ring and zeroed progress. Only when idle or finished.
    void reset() noexcept;
    /// Starts the item so its first frame leaves the sink at `start_time` (stream seconds),
    /// or at once if that has passed. Also while armed, to move the instant.
    void arm(double start_time) noexcept;
    /// Starts an armed item in the next render, whatever instant it was armed for.
    void start_now() noexcept;
    /// Everything of the item is in the ring: when it drains, the item ends.
    void end_input() noexcept;
    /// Marks the item frame `frame` (counted like Progress::frames_played, from the first
    /// frame since reset()) as the start of the next gapless item; Progress reports when
    /// it is rendered and where. Before its frames are written.
    void mark(std::int64_t frame) noexcept;
    /// Any thread: fade out and end the item (or end it unplayed if not started).
    void request_stop() noexcept;
    /// Updates the output latency played out after each item (sinks learn it late).
    void set_latency_frames(std::size_t frames) noexcept;

    State state() const noexcept { return m_state.load(std::memory_order_acquire); }
    Progress progress() const noexcept;
    /// True when rendering `frames` now would have to pad silence mid-item because the
    /// feeder is behind. Non-real-time sinks wait on this instead of underrunning.
    bool starved(std::size_t frames) const noexcept;

    unsigned rate() const noexcept { return m_config.rate; }
    unsigned channels() const noexcept { return m_config.channels; }

    // Render thread.

    /// Fills `out` (`frames` interleaved frames) whose first frame leaves the sink at
    /// stream time `dac_time` (seconds). Real-time safe.
    Span render(float *out, std::size_t frames, double dac_time) noexcept;

private:
    std::size_t play(float *out, std::size_t position, std::size_t frames, Span &span) noexcept;
    void end_item(bool stopped) noexcept;
    void finish(bool stopped) noexcept;
    void silence(float *out, std::size_t from, std::size_t to) const noexcept;

    const Config m_config;
    const std::shared_ptr<Wakeup> m_wakeup;
    RingBuffer m_ring;

    // Shared: written by one side, read by the other (see each setter).
    std::atomic<State> m_state{State::idle};
    std::atomic<double> m_start_time{0.0};     ///< set by the feeder before arming
    std::atomic<bool> m_input_ended{false};    ///< set by the feeder after its last write
    std::atomic<bool> m_stop{false};           ///< set by any thread, cleared by reset()
    std::atomic<std::size_t> m_latency_frames; ///< set by the feeder
    std::atomic<bool> m_started{false};        ///< the rest: set by the render step
    std::atomic<double> m_first_frame_time{0.0};
    std::atomic<std::int64_t> m_span_frames{0};
    std::atomic<std::int64_t> m_frames_played{0};
    std::atomic<std::uint64_t> m_underruns{0};
    std::atomic<bool> m_stopped{false};
    std::atomic<std::uint64_t> m_renders{0};
    std::atomic<std::int64_t> m_mark{-1};    ///< set by the feeder
    std::atomic<bool> m_mark_reached{false}; ///< the rest: set by the render step
    std::atomic<std::int64_t> m_mark_span{0};
    std::atomic<std::uint64_t> m_mark_underruns{0};

    // The render step's own; reset() touches them only while it ignores them
    // (idle/finished), and the state's release/acquire orders the two.
    bool m_fading = false;
    std::size_t m_fade_left = 0;
    std::size_t m_tail_frames = 0;
};

} // namespace loa::playout
