#include "playout/ring_buffer.hpp"

#include <algorithm>
#include <stdexcept>

namespace loa::playout {

RingBuffer::RingBuffer(std::size_t capacity_frames, unsigned channels)
    : m_samples(capacity_frames * channels), m_capacity_frames(capacity_frames),
      m_channels(channels) {
    if (capacity_frames == 0 || channels == 0)
        throw std::invalid_argument("RingBuffer needs room for at least one frame");
}

std::size_t RingBuffer::write(const float *data, std::size_t frames) noexcept {
    const std::uint64_t written = m_written.load(std::memory_order_relaxed);
    const std::uint64_t read = m_read.load(std::memory_order_acquire);
    const std::size_t count =
        std::min<std::size_t>(frames, m_capacity_frames - static_cast<std::size_t>(written - read));
    const std::size_t start = static_cast<std::size_t>(written % m_capacity_frames);
    const std::size_t first = std::min(count, m_capacity_frames - start);
    std::copy_n(data, first * m_channels, m_samples.data() + start * m_channels);
    std::copy_n(data + first * m_channels, (count - first) * m_channels, m_samples.data());
    m_written.store(written + count, std::memory_order_release);
    return count;
}

std::size_t RingBuffer::read(float *out, std::size_t frames) noexcept {
    const std::uint64_t read = m_read.load(std::memory_order_relaxed);
    const std::uint64_t written = m_written.load(std::memory_order_acquire);
    const std::size_t count =
        std::min<std::size_t>(frames, static_cast<std::size_t>(written - read));
    const std::size_t start = static_cast<std::size_t>(read % m_capacity_frames);
    const std::size_t first = std::min(count, m_capacity_frames - start);
    std::copy_n(m_samples.data() + start * m_channels, first * m_channels, out);
    std::copy_n(m_samples.data(), (count - first) * m_channels, out + first * m_channels);
    m_read.store(read + count, std::memory_order_release);
    return count;
}

std::size_t RingBuffer::readable_frames() const noexcept {
    const std::uint64_t read = m_read.load(std::memory_order_acquire);
    return static_cast<std::size_t>(m_written.load(std::memory_order_acquire) - read);
}

std::size_t RingBuffer::writable_frames() const noexcept {
    return m_capacity_frames - readable_frames();
}

void RingBuffer::clear() noexcept {
    m_read.store(m_written.load(std::memory_order_acquire), std::memory_order_release);
}

} // namespace loa::playout
