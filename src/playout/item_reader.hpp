#pragma once
// The feeder's pipeline for one item: decode → resample → map channels → gain.
#include "playout/channel_map.hpp"
#include "playout/decoder.hpp"
#include "playout/play_item.hpp"
#include "playout/resampler.hpp"

#include <cstdint>
#include <vector>

namespace loa::playout {

class RingBuffer;

/// One PlayItem as the sink wants it (its rate and channels), produced block by block
/// into the Renderer's ring. Channels are reduced before resampling and multiplied
/// after it, so the resampler works on as few as possible. Feeder thread.
class ItemReader {
public:
    /// Opens the file. Throws InputError naming it if it cannot be read.
    ItemReader(const PlayItem &item, unsigned rate, unsigned channels);

    /// Pushes as many frames as fit into `ring`. Returns true once the whole item has
    /// been pushed. Throws InputError naming the file if decoding fails.
    bool fill(RingBuffer &ring);

    /// Frames produced so far, at the sink's rate.
    std::int64_t frames_produced() const noexcept { return m_frames_produced; }
    const std::filesystem::path &file() const noexcept { return m_decoder.file(); }

private:
    void next_block();

    Decoder m_decoder;
    ChannelMap m_reduce;
    Resampler m_resampler;
    ChannelMap m_expand;
    float m_gain;
    std::vector<float> m_decoded;
    std::vector<float> m_block;     ///< sink-format frames not yet in the ring
    std::size_t m_block_offset = 0; ///< samples of m_block already pushed
    bool m_decoder_done = false;
    std::int64_t m_frames_produced = 0;
};

} // namespace loa::playout
