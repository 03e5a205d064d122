#pragma once
// How a file's channels reach the device's.
#include <cstddef>
#include <span>
#include <vector>

namespace loa::playout {

/// Mono goes to every output channel; equal counts pass through unchanged; into a mono
/// card, stereo is averaged ((L+R)/2). A file with more channels than the card uses its
/// first two (front left and right) and drops the rest: announcements are mono or
/// stereo, and a proper 5.1 downmix is not worth its code here. Feeder thread.
class ChannelMap {
public:
    ChannelMap(unsigned from_channels, unsigned to_channels);

    unsigned from_channels() const noexcept { return m_from; }
    unsigned to_channels() const noexcept { return m_to; }
    /// Input and output are the same: process() returns its input.
    bool identity() const noexcept { return m_from == m_to; }

    /// Maps `frames` frames from `in` into `out` (room for frames × to_channels()).
    void apply(const float *in, std::size_t frames, float *out) const noexcept;

    /// Maps whole frames into an internal buffer, valid until the next call.
    std::span<const float> process(std::span<const float> input);

private:
    unsigned m_from;
    unsigned m_to;
    std::vector<float> m_output;
};

} // namespace loa::playout
