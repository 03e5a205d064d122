#pragma once
// Audio files made by the tests themselves, in a temporary directory.
#include "common/temp_dir.hpp"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace loa::playout::test {

/// A fresh directory under the system's temporary one, removed with its contents.
using TemporaryDirectory = loa::test::TempDir;

/// Interleaved 16-bit samples with a rate and channel count.
struct Pcm16 {
    unsigned rate = 48000;
    unsigned channels = 2;
    std::vector<short> samples;
    std::size_t frames() const { return samples.size() / channels; }
};

/// Deterministic noise over the full 16-bit range, including -32768 and 32767.
Pcm16 noise(unsigned rate, unsigned channels, std::size_t frames, std::uint32_t seed = 1);

/// A sine of `frequency` Hz at `amplitude` (of full scale) on every channel.
Pcm16 sine(unsigned rate, unsigned channels, std::size_t frames, double frequency,
           double amplitude);

/// Writes `pcm` as a 16-bit PCM WAV file (libsndfile).
void write_wav(const std::filesystem::path &path, const Pcm16 &pcm);

/// Writes `pcm` in a libsndfile format (SF_FORMAT_OGG | SF_FORMAT_VORBIS, say), its
/// channels written as they are (libsndfile does not reorder them for any format).
void write_audio(const std::filesystem::path &path, const Pcm16 &pcm, int format);

/// Reads a 16-bit PCM WAV file back exactly (libsndfile).
Pcm16 read_wav(const std::filesystem::path &path);

} // namespace loa::playout::test
