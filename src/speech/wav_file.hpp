#pragma once
// Speech to and from WAV files (libsndfile): what `loa say` stores and what a
// [tts] command writes.
#include "speech/speech.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace loa::speech {

/// Writes `speech` as a 16-bit mono WAV. Throws Error naming the file.
void write_wav(const std::filesystem::path &path, const Speech &speech);

/// What reading a voice's WAV gave: the speech (mixed to mono), or why there is none.
struct WavReading {
    std::optional<Speech> speech;
    std::string problem; ///< When no speech: "no WAV", "no sound"... in the reader's language.
};

/// Reads the audio a voice wrote to `path`.
WavReading read_wav(const std::filesystem::path &path);

} // namespace loa::speech
