#pragma once
// The one queue between the feeder thread and the render step.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace loa::playout {

/// A preallocated single-producer/single-consumer ring of interleaved float frames.
/// write() belongs to one thread (the feeder), read() to one other (the render step);
/// both are wait-free, lock-free and never allocate.
class RingBuffer {
public:
    /// Allocates room for `capacity_frames` frames of `channels` samples.
    RingBuffer(std::size_t capacity_frames, unsigned channels);

    /// Producer: copies up to `frames` frames from `data`; returns how many fit.
    std::size_t write(const float *data, std::size_t frames) noexcept;
    /// Consumer: copies up to `frames` frames into `out`; returns how many there were.
    std::size_t read(float *out, std::size_t frames) noexcept;

    /// Either side; a snapshot that the other side may change at once.
    std::size_t readable_frames() const noexcept;
    std::size_t writable_frames() const noexcept;

    /// Drops everything readable. Only while the consumer is not reading.
    void clear() noexcept;

    std::size_t capacity_frames() const noexcept { return m_capacity_frames; }
    unsigned channels() const noexcept { return m_channels; }

private:
    std::vector<float> m_samples;
    std::size_t m_capacity_frames;
    unsigned m_channels;
    /// Frames ever written. Stored by the producer (release), loaded by the consumer.
    alignas(64) std::atomic<std::uint64_t> m_written{0};
    /// Frames ever read. Stored by the consumer (release), loaded by the producer.
    alignas(64) std::atomic<std::uint64_t> m_read{0};
};

} // namespace loa::playout
