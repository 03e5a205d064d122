#pragma once
// Which loudspeaker each channel of a multichannel file is meant for. Import measures
// loudness by it (centre, surround and LFE count differently) and playout downmixes by
// it, so both read a file's channels the same way.
#include <span>

namespace loa {

/// The order of channels in a frame. WAV, FLAC and MP3 use WAVE's (FL, FR, C, LFE, ...);
/// Ogg Vorbis and Opus the Vorbis I specification's (FL, C, FR, ...).
enum class ChannelOrder { wave, vorbis };

enum class Speaker {
    front_left,
    front_right,
    centre, ///< also a mono file's only channel
    lfe,
    side_left, ///< the surround pair of 4.0, 5.1 and 6.1
    side_right,
    back_left, ///< 7.1's extra pair
    back_right,
    back_centre,
};

/// The order of a file libsndfile opened, from its SF_INFO::format: libsndfile hands
/// frames over in the file's own order, which for Ogg is the Vorbis one.
ChannelOrder channel_order_of(int sndfile_format) noexcept;

/// The speakers of a file with `channels` channels (1 to 8) in that order; empty for
/// any other count.
///
///   channels  WAVE order                  Vorbis order
///   1         C                           C
///   2         FL FR                       FL FR
///   3         FL FR C                     FL C FR
///   4         FL FR SL SR                 FL FR SL SR
///   5         FL FR C SL SR               FL C FR SL SR
///   6 (5.1)   FL FR C LFE SL SR           FL C FR SL SR LFE
///   7 (6.1)   FL FR C LFE BC SL SR        FL C FR SL SR BC LFE
///   8 (7.1)   FL FR C LFE BL BR SL SR     FL C FR SL SR BL BR LFE
std::span<const Speaker> speakers(ChannelOrder order, unsigned channels) noexcept;

} // namespace loa
