#pragma once
// What libsndfile says about an audio file, measured by decoding it to the end
// (MP3 headers lie about length).
#include <cstdint>
#include <filesystem>
#include <string>

namespace loa::library {

struct AudioInfo {
    std::string format;       ///< Container and codec, e.g. "FLAC 16 bit", "OGG Vorbis".
    int sample_rate = 0;      ///< Hz.
    int channels = 0;
    std::int64_t frames = 0;  ///< Decoded frames, counted to the end.
    std::int64_t duration_ms() const noexcept;
};

/// Opens and decodes `path` fully. Throws InputError naming the file and what to
/// do when it is not audio libsndfile can read, is empty or is damaged.
AudioInfo probe_audio(const std::filesystem::path &path);

} // namespace loa::library
