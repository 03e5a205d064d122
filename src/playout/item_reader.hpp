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
/// after it, so the resampler works on as few as possible.
///
/// Boundary fades: the first and the last boundary_fade_seconds of what it produces are
/// faded in and out linearly (frame k of n = boundary_fade_frames gets (k+1)/(n+1), so
/// the ramps are strictly monotone and the first sample is not forced to zero); in
/// between, a 0 dB item is bit-exact. A resumed item (start_offset) fades in at the
/// resume point. The end is not known from headers (MP3's lie), so the last fade's
/// frames are held back until the decoder reports the end. Feeder thread.
class ItemReader {
public:
    static constexpr double boundary_fade_seconds = 0.010;

    /// Opens the file and moves to the item's start_offset. Throws InputError naming it
    /// if it cannot be read.
    ItemReader(const PlayItem &item, unsigned rate, unsigned channels);

    /// Frames of each boundary fade at `rate`.
    static std::size_t boundary_fade_frames(unsigned rate) noexcept;

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
    std::vector<float> m_pending;   ///< converted frames held back for the fade-out
    std::vector<float> m_block;     ///< sink-format frames not yet in the ring
    std::size_t m_block_offset = 0; ///< samples of m_block already pushed
    bool m_decoder_done = false;
    std::int64_t m_frames_produced = 0;
    std::size_t m_fade_frames;
    std::int64_t m_frames_converted = 0; ///< frames into m_pending so far
};

} // namespace loa::playout
