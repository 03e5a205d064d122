#pragma once
// A voice outside loa: station.toml's [tts] command, run by /bin/sh with the text on
// its standard input; it must write a WAV on its standard output and exit 0 within
// its time. Its standard error goes to loa's. The caller falls back to espeak-ng
// when it does not (bulletin.hpp).
#include "speech/speech.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace loa::speech {

struct ExternalSpeech {
    std::optional<Speech> speech;
    std::string problem; ///< What went wrong when there is no speech.
};

/// Runs `command` on `text`; its output goes through a temporary file in `scratch`.
/// Killed (its whole process group) after `timeout`. Throws nothing for what the
/// command does; throws Error if the process cannot be started at all.
ExternalSpeech speak_with_command(const std::string &command, const std::string &text,
                                  std::chrono::milliseconds timeout,
                                  const std::filesystem::path &scratch);

} // namespace loa::speech
