#pragma once
// Reading an announcement's audio with libsndfile (WAV, FLAC, Ogg Vorbis/Opus, MP3).
#include "core/channel_layout.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>

struct sf_private_tag;

namespace loa::playout {

/// Streams float frames (full scale ±1.0) out of an audio file block by block, never
/// the whole file. Frame counts in headers are not trusted (MP3's are wrong): it reads
/// until libsndfile has no more. Feeder thread.
class Decoder {
public:
    /// Opens `file`. Throws InputError naming it if libsndfile cannot read it.
    explicit Decoder(const std::filesystem::path &file);
    ~Decoder();
    Decoder(const Decoder &) = delete;
    Decoder &operator=(const Decoder &) = delete;

    unsigned rate() const noexcept { return m_rate; }
    unsigned channels() const noexcept { return m_channels; }
    /// Which speaker each channel is for: the Vorbis order for Ogg, WAVE's otherwise.
    ChannelOrder channel_order() const noexcept { return m_channel_order; }
    const std::filesystem::path &file() const noexcept { return m_file; }
    /// Frames read so far, at the file's rate.
    std::int64_t frames_read() const noexcept { return m_frames_read; }

    /// Moves to `frame` (at the file's rate) from the start, for resuming an item. A frame
    /// at or past the end leaves nothing to read. Throws InputError naming the file if
    /// libsndfile cannot seek in it.
    void seek(std::int64_t frame);

    /// Reads up to `frames` interleaved frames into `out` (room for frames × channels()).
    /// Returns 0 only at the end. Throws InputError naming the file if decoding fails.
    std::size_t read(float *out, std::size_t frames);

private:
    std::filesystem::path m_file;
    sf_private_tag *m_handle = nullptr;
    unsigned m_rate = 0;
    unsigned m_channels = 0;
    ChannelOrder m_channel_order = ChannelOrder::wave;
    std::int64_t m_frames_read = 0;
    bool m_exhausted = false; ///< seek() went past the end
};

} // namespace loa::playout
