#include "playout/channel_map.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace loa::playout {
namespace {

constexpr float a = 0.70710678f; // -3 dB

/// The un-normalised stereo downmix rows of channel_map.hpp's table: left, then right.
std::vector<float> downmix_rows(unsigned from, ChannelOrder order) {
    std::vector<float> rows(std::size_t{2} * from, 0.0f);
    float *left = rows.data();
    float *right = rows.data() + from;
    const std::span<const Speaker> layout = speakers(order, std::min(from, 8u));
    for (std::size_t channel = 0; channel < layout.size(); ++channel) {
        switch (layout[channel]) {
        case Speaker::front_left:
            left[channel] = 1.0f;
            break;
        case Speaker::front_right:
            right[channel] = 1.0f;
            break;
        case Speaker::centre:
            left[channel] = right[channel] = a;
            break;
        case Speaker::lfe:
            break;
        case Speaker::side_left:
        case Speaker::back_left:
            left[channel] = a;
            break;
        case Speaker::side_right:
        case Speaker::back_right:
            right[channel] = a;
            break;
        case Speaker::back_centre:
            left[channel] = right[channel] = 0.5f;
            break;
        }
    }
    for (float *row : {left, right}) {
        const float sum = std::accumulate(row, row + from, 0.0f);
        for (unsigned channel = 0; channel < from; ++channel)
            row[channel] /= sum;
    }
    return rows;
}

} // namespace

ChannelMap::ChannelMap(unsigned from_channels, unsigned to_channels, ChannelOrder order)
    : m_from(from_channels), m_to(to_channels) {
    if (from_channels == 0 || to_channels == 0)
        throw std::invalid_argument("ChannelMap needs at least one channel on each side");
    if (from_channels > 2 && from_channels != to_channels)
        m_downmix = downmix_rows(from_channels, order);
}

void ChannelMap::apply(const float *in, std::size_t frames, float *out) const noexcept {
    for (std::size_t frame = 0; frame < frames; ++frame, in += m_from, out += m_to) {
        if (m_from == 1) {
            for (unsigned channel = 0; channel < m_to; ++channel)
                out[channel] = in[0];
            continue;
        }
        if (m_from == m_to) {
            for (unsigned channel = 0; channel < m_to; ++channel)
                out[channel] = in[channel];
            continue;
        }
        float left = in[0];
        float right = in[1];
        if (!m_downmix.empty()) {
            left = 0.0f;
            right = 0.0f;
            for (unsigned channel = 0; channel < m_from; ++channel) {
                left += m_downmix[channel] * in[channel];
                right += m_downmix[m_from + channel] * in[channel];
            }
        }
        if (m_to == 1) {
            out[0] = (left + right) * 0.5f;
            continue;
        }
        out[0] = left;
        out[1] = right;
        for (unsigned channel = 2; channel < m_to; ++channel)
            out[channel] = 0.0f;
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
