#pragma once
// What an audio file holds, measured by decoding it to the end in one streaming
// pass (MP3 headers lie about length): format, length, loudness, peaks, silence.
#include "library/signal_meter.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace loa::library {

struct AudioInfo {
    std::string format;  ///< Container and codec, e.g. "FLAC 16 bit", "OGG Vorbis".
    int sample_rate = 0; ///< Hz.
    int channels = 0;
    std::int64_t frames = 0; ///< Decoded frames, counted to the end.
    SignalLevels levels;
    std::int64_t duration_ms() const noexcept;
    std::int64_t frames_to_ms(std::int64_t count) const noexcept;
};

/// Longest recording imported without --force: three hours.
inline constexpr std::int64_t max_seconds = std::int64_t{3} * 3600;

enum class LengthLimit { three_hours, none };

/// Opens and decodes `path` fully, in blocks. Throws InputError naming the file and
/// what to do when it is missing, a folder, unreadable, empty, not audio libsndfile
/// can read, in an unsupported codec, damaged or truncated, or (with
/// LengthLimit::three_hours) longer than max_seconds.
AudioInfo probe_audio(const std::filesystem::path &path,
                      LengthLimit limit = LengthLimit::three_hours);

} // namespace loa::library
