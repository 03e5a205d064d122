#pragma once
// Audio files written by the tests themselves with libsndfile (nothing committed).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace loa::test {

/// Sample value of `channel` at `frame`, in [-1, 1].
using Signal = std::function<float(std::int64_t frame, int channel)>;

/// A `hz` sine at `amplitude` (linear, 1 = full scale) in every channel.
Signal sine(int rate, double hz, double amplitude);

/// Writes `frames` frames of `signal` as libsndfile `format` (SF_FORMAT_*). Returns
/// false if this libsndfile cannot write that format at that rate and channel count.
bool write_audio(const std::filesystem::path &path, int format, int rate, int channels,
                 std::int64_t frames, const Signal &signal);

/// Why a test fails when write_audio could not write `path`: this libsndfile's
/// version, and that the tests need libsndfile 1.1 or later with MP3 and Opus.
std::string sndfile_cannot_write(const std::filesystem::path &path);

/// ffmpeg's ebur128 integrated loudness of `path`, or none when ffmpeg is missing.
std::optional<double> ffmpeg_loudness(const std::filesystem::path &path);

} // namespace loa::test
