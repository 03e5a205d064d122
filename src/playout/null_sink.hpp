#pragma once
// `--output null`: plays into nothing, in real time (or as fast as a ManualClock goes).
#include "playout/paced_thread.hpp"
#include "playout/sink.hpp"

#include <memory>

namespace loa::playout {

/// 48 kHz stereo, paced on the Clock like a device, output discarded. `loa simulate`
/// runs the real engine through it.
class NullSink final : public Sink {
public:
    explicit NullSink(Clock &clock) : m_clock(clock) {}

    std::string name() const override { return "null"; }
    unsigned rate() const noexcept override { return 48000; }
    unsigned channels() const noexcept override { return 2; }
    std::size_t latency_frames() const noexcept override { return 0; }
    void start(Renderer &renderer) override;
    StreamClockReading read_clock() const override { return m_thread->read_clock(); }
    void armed() override { m_thread->armed(); }
    std::string failure() const override { return m_thread->failure(); }

private:
    Clock &m_clock;
    std::unique_ptr<PacedThread> m_thread;
};

} // namespace loa::playout
