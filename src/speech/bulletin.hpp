#pragma once
// A typed notice made into speech at the station's loudness: the text normalised
// (normalise.hpp), read by station.toml's [tts] command when there is one or else by
// espeak-ng in process, and levelled (levelling.hpp). When the command fails (exit
// status, no or a damaged WAV, too slow) espeak-ng reads it instead and the bulletin
// says what went wrong, for the caller to report.
#include "speech/speech.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace loa::speech {

struct BulletinRequest {
    std::string text; ///< As typed (UTF-8).
    std::string voice =
        "vi"; ///< One of espeak_voices(); vi-VN-x-south reads numbers the south's way.
    int rate_wpm = 150;
    int times = 1;                      ///< How many times it is said (2: an emergency, repeated).
    std::optional<std::string> command; ///< station.toml's [tts] command.
    std::chrono::milliseconds timeout{30000}; ///< How long the command may take.
    double target_lufs = -16.0;
    std::filesystem::path scratch; ///< A folder for the command's output.
};

struct Bulletin {
    Speech speech;
    std::string spoken;                 ///< The words read, after normalisation.
    std::optional<std::string> problem; ///< Why the [tts] command was not used, when it failed.
};

/// Makes the speech of `request`. Throws InputError for an unknown voice or a text
/// with nothing to read, Error when espeak-ng fails.
Bulletin make_bulletin(const BulletinRequest &request);

} // namespace loa::speech
