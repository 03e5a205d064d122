#include "playout/item_reader.hpp"

#include "playout/gain.hpp"
#include "playout/ring_buffer.hpp"

#include <algorithm>

namespace loa::playout {
namespace {

constexpr std::size_t k_block_frames = 4096;

} // namespace

ItemReader::ItemReader(const PlayItem &item, unsigned rate, unsigned channels)
    : m_decoder(item.file),
      m_reduce(m_decoder.channels(), std::min(m_decoder.channels(), channels)),
      m_resampler(m_decoder.rate(), rate, m_reduce.to_channels()),
      m_expand(m_reduce.to_channels(), channels), m_gain(linear_gain(item.gain_db)),
      m_decoded(k_block_frames * m_decoder.channels()) {}

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
    m_block.assign(converted.begin(), converted.end());
    m_block_offset = 0;
    apply_gain(m_block, m_gain);
    m_frames_produced += static_cast<std::int64_t>(m_block.size() / m_expand.to_channels());
}

} // namespace loa::playout
