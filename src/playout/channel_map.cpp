#include "playout/channel_map.hpp"

#include <numeric>
#include <stdexcept>

namespace loa::playout {
namespace {

constexpr float a = 0.70710678f; // -3 dB

/// The un-normalised stereo downmix rows of channel_map.hpp's table: left, then right.
std::vector<float> downmix_rows(unsigned from) {
    std::vector<float> rows(2 * from, 0.0f);
    float *left = rows.data();
    float *right = rows.data() + from;
    left[0] = 1.0f;
    right[1] = 1.0f;
    const auto both = [&](unsigned channel, float weight) {
        left[channel] = weight;
        right[channel] = weight;
    };
    const auto sides = [&](unsigned l, unsigned r) {
        left[l] = a;
        right[r] = a;
    };
    switch (from) {
    case 3: both(2, a); break;
    case 4: sides(2, 3); break;
    case 5: both(2, a); sides(3, 4); break;
    case 6: both(2, a); sides(4, 5); break;
    case 7: both(2, a); both(4, 0.5f); sides(5, 6); break;
    default: both(2, a); sides(4, 5); sides(6, 7); break; // 7.1 and beyond
    }
    for (float *row : {left, right}) {
        const float sum = std::accumulate(row, row + from, 0.0f);
        for (unsigned channel = 0; channel < from; ++channel)
            row[channel] /= sum;
    }
    return rows;
}

} // namespace

ChannelMap::ChannelMap(unsigned from_channels, unsigned to_channels)
    : m_from(from_channels), m_to(to_channels) {
    if (from_channels == 0 || to_channels == 0)
        throw std::invalid_argument("ChannelMap needs at least one channel on each side");
    if (from_channels > 2 && from_channels != to_channels)
        m_downmix = downmix_rows(from_channels);
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
