#pragma once
// The built-in voice: libespeak-ng in this process, offline, with its Vietnamese
// voices. espeak-ng keeps one global state, so calls are serialised by a lock of
// this module; it is set up on first use and kept for the life of the process.
#include "speech/speech.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace loa::speech {

/// The voices loa speaks with: vi (northern), vi-VN-x-central, vi-VN-x-south.
const std::vector<std::string_view> &espeak_voices();

/// Throws InputError naming `voice` and the voices there are, if it is not one.
void check_voice(std::string_view voice);

/// Words per minute espeak-ng accepts.
inline constexpr int min_rate_wpm = 80;
inline constexpr int max_rate_wpm = 450;
inline constexpr int default_rate_wpm = 150;

/// Reads `text` (UTF-8, already normalised) with `voice` at `rate_wpm`. Any thread.
/// Throws InputError for an unknown voice, Error when espeak-ng or its data fail.
Speech speak_with_espeak(const std::string &text, std::string_view voice, int rate_wpm);

} // namespace loa::speech
