#pragma once
// How a file's channels reach the device's.
#include "core/channel_layout.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace loa::playout {

/// Mono goes to every output channel; equal counts pass through unchanged; into a mono
/// card, stereo is averaged ((L+R)/2). Into more output channels than the file has, the
/// extra ones are silent (after mono's copy to all).
///
/// A file with more than two channels is downmixed to stereo by where its channels are
/// meant to sound (core/channel_layout.hpp: WAVE's order for WAV, FLAC and MP3, the
/// Vorbis order for Ogg Vorbis and Opus): front left and right to their side, centre to
/// both at a = 0.7071 (-3 dB, as ITU-R BS.775), each surround or back channel to its side
/// at a, a back centre to both at ½, LFE dropped (as BS.775). In WAVE's order:
///
///   channels  order                    L' =                       R' =
///   3         L R C                    L + a·C                    R + a·C
///   4         L R Ls Rs                L + a·Ls                   R + a·Rs
///   5         L R C Ls Rs              L + a·C + a·Ls             R + a·C + a·Rs
///   6 (5.1)   L R C LFE Ls Rs          L + a·C + a·Ls             R + a·C + a·Rs
///   7 (6.1)   L R C LFE Cs Ls Rs       L + a·C + ½·Cs + a·Ls      R + a·C + ½·Cs + a·Rs
///   8 (7.1)   L R C LFE Lb Rb Ls Rs    L + a·C + a·Lb + a·Ls      R + a·C + a·Rb + a·Rs
///
/// Channels beyond eight are dropped. Each row is then divided by the sum of its coefficients (5.1:
/// 1 + 2a = 2.414, i.e. -7.7 dB), so that no input within full scale can sum beyond it: a downmix
/// never clips; the loudness gain brings the level back. That downmix then goes to a mono card as
/// (L'+R')/2. Feeder thread.
class ChannelMap {
public:
    ChannelMap(unsigned from_channels, unsigned to_channels,
               ChannelOrder order = ChannelOrder::wave);

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
    /// For more than two input channels: the stereo downmix, left row then right row
    /// (m_from coefficients each), normalised.
    std::vector<float> m_downmix;
    std::vector<float> m_output;
};

} // namespace loa::playout
