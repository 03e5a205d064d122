#include "playout/channel_map.hpp"

#include <stdexcept>

namespace loa::playout {

ChannelMap::ChannelMap(unsigned from_channels, unsigned to_channels)
    : m_from(from_channels), m_to(to_channels) {
    if (from_channels == 0 || to_channels == 0)
        throw std::invalid_argument("ChannelMap needs at least one channel on each side");
}

void ChannelMap::apply(const float *in, std::size_t frames, float *out) const noexcept {
    for (std::size_t frame = 0; frame < frames; ++frame, in += m_from, out += m_to) {
        if (m_from == 1) {
            for (unsigned channel = 0; channel < m_to; ++channel)
                out[channel] = in[0];
        } else if (m_to == 1) {
            out[0] = (in[0] + in[1]) * 0.5f;
        } else {
            for (unsigned channel = 0; channel < m_to; ++channel)
                out[channel] = channel < m_from ? in[channel] : 0.0f;
        }
    }
}

std::span<const float> ChannelMap::process(std::span<const float> input) {
    if (identity())
        return input;
    const std::size_t frames = input.size() / m_from;
    m_output.resize(frames * m_to);
    apply(input.data(), frames, m_output.data());
    return m_output;
}

} // namespace loa::playout
