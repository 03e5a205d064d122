#pragma once
// Where rendered frames go. A sink owns the thread that calls Renderer::render: a
// PortAudio callback, or a thread paced on the Clock for the WAV and null sinks.
#include "core/clock.hpp"

#include <cstddef>
#include <string>

namespace loa::playout {

class Renderer;

/// A sink's stream clock (the time base of Renderer::render's dac_time) and the wall
/// clock, read together.
struct StreamClockReading {
    double stream_seconds = 0.0;
    TimePoint wall;
};

class Sink {
public:
    virtual ~Sink() = default;

    /// The device's name (or "wav:PATH", "null") for messages and `loa status`.
    virtual std::string name() const = 0;
    virtual unsigned rate() const noexcept = 0;
    virtual unsigned channels() const noexcept = 0;
    /// Frames between rendering a frame and its leaving the device.
    virtual std::size_t latency_frames() const noexcept = 0;

    /// Starts calling renderer.render(), on silence until an item is armed. Called once;
    /// `renderer` must outlive the sink. Throws Error.
    virtual void start(Renderer &renderer) = 0;

    /// Reads the stream clock and the wall clock together. Feeder thread.
    virtual StreamClockReading read_clock() const = 0;

    /// The renderer was just armed (a paced sink renders only around items). Feeder thread.
    virtual void armed() {}

    /// Why the sink stopped working, or empty while it works. Feeder thread.
    virtual std::string failure() const = 0;

    /// The sink failed and is being dropped. Returns true if it may be destroyed now;
    /// false if its driver might hang in teardown or still call back (then the Player
    /// leaks it and its renderer on purpose: a little memory per failure, never a hang
    /// or a use-after-free). Feeder thread.
    virtual bool abandon() noexcept { return true; }
};

} // namespace loa::playout
