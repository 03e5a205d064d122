#include "playout/item_reader.hpp"

#include "playout/gain.hpp"
#include "playout/ring_buffer.hpp"

#include <algorithm>
#include <cmath>

namespace loa::playout {
namespace {

constexpr std::size_t k_block_frames = 4096;

} // namespace

ItemReader::ItemReader(const PlayItem &item, unsigned rate, unsigned channels)
    : m_decoder(item.file), m_reduce(m_decoder.channels(), std::min(m_decoder.channels(), channels),
                                     m_decoder.channel_order()),
      m_resampler(m_decoder.rate(), rate, m_reduce.to_channels()),
      m_expand(m_reduce.to_channels(), channels), m_gain(linear_gain(item.gain_db)),
      m_decoded(k_block_frames * m_decoder.channels()), m_fade_frames(boundary_fade_frames(rate)) {
    if (item.start_offset.count() > 0)
        m_decoder.seek(item.start_offset.count() * static_cast<std::int64_t>(m_decoder.rate()) /
                       1000);
}

std::size_t ItemReader::boundary_fade_frames(unsigned rate) noexcept {
    return static_cast<std::size_t>(std::lround(boundary_fade_seconds * rate));
}

bool ItemReader::fill(RingBuffer &ring) {
    const unsigned channels = m_expand.to_channels();
    while (true) {
        if (m_block_offset == m_block.size()) {
            if (m_decoder_done)
                return true;
            next_block();
            continue;
        }
        const std::size_t frames = (m_block.size() - m_block_offset) / channels;
        const std::size_t written = ring.write(m_block.data() + m_block_offset, frames);
        m_block_offset += written * channels;
        if (written < frames)
            return false;
    }
}

void ItemReader::next_block() {
    const std::size_t frames = m_decoder.read(m_decoded.data(), k_block_frames);
    m_decoder_done = frames == 0;
    const std::span<const float> decoded(m_decoded.data(), frames * m_decoder.channels());
    const std::span<const float> converted =
        m_expand.process(m_resampler.process(m_reduce.process(decoded), m_decoder_done));
    const unsigned channels = m_expand.to_channels();

    const std::size_t old_size = m_pending.size();
    m_pending.insert(m_pending.end(), converted.begin(), converted.end());
    const std::span<float> added(m_pending.data() + old_size, converted.size());
    apply_gain(added, m_gain);
    const double steps = static_cast<double>(m_fade_frames + 1);
    for (std::size_t frame = 0; frame < added.size() / channels; ++frame) {
        const auto at = m_frames_converted + static_cast<std::int64_t>(frame);
        if (at >= static_cast<std::int64_t>(m_fade_frames))
            break;
        const auto gain = static_cast<float>(static_cast<double>(at + 1) / steps);
        for (unsigned channel = 0; channel < channels; ++channel)
            added[frame * channels + channel] *= gain;
    }
    m_frames_converted += static_cast<std::int64_t>(added.size() / channels);

    const std::size_t pending_frames = m_pending.size() / channels;
    std::size_t keep = std::min(m_fade_frames, pending_frames);
    if (m_decoder_done) {
        // The last frames: fade them out, the very last at 1/(n+1).
        for (std::size_t from_end = 1; from_end <= keep; ++from_end) {
            const auto gain = static_cast<float>(static_cast<double>(from_end) / steps);
            float *frame = m_pending.data() + (pending_frames - from_end) * channels;
            for (unsigned channel = 0; channel < channels; ++channel)
                frame[channel] *= gain;
        }
        keep = 0;
    }
    const auto emit = static_cast<std::ptrdiff_t>((pending_frames - keep) * channels);
    m_block.assign(m_pending.begin(), m_pending.begin() + emit);
    m_pending.erase(m_pending.begin(), m_pending.begin() + emit);
    m_block_offset = 0;
    m_frames_produced += static_cast<std::int64_t>(m_block.size() / channels);
}

} // namespace loa::playout
