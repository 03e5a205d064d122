#pragma once
// Synthesised speech brought to the station's loudness before it is stored, so the
// play's loudness normalisation needs no boost the true-peak limit would refuse.
// Voices give speech whose peaks stand 19-20 dB above its loudness; at -16 LUFS
// they would pass 0 dBFS, and the player's gain (playout/gain.hpp) only ever turns
// an item down to keep its true peak at -1 dBTP. So the speech is turned up to the
// target and a look-ahead peak limiter holds its peaks under peak_ceiling_dbfs;
// what limiting takes off the loudness is made up in up to four more passes.
#include "speech/speech.hpp"

namespace loa::speech {

/// The highest sample after levelling, in dBFS: leaves the true peak, which lies
/// between samples, under the player's -1 dBTP.
inline constexpr double peak_ceiling_dbfs = -2.0;

/// Brings `speech` to `target_lufs` (integrated, EBU R128), its samples at or below
/// peak_ceiling_dbfs. Silence is left as it is. Throws Error if it cannot be measured.
void level_speech(Speech &speech, double target_lufs);

/// Holds every sample at or below `ceiling` (linear) with a gain that falls before a
/// peak (look-ahead, 2 ms) and recovers after it (40 ms), never reshaping a wave
/// that stays under the ceiling.
void limit_peaks(Speech &speech, float ceiling);

} // namespace loa::speech
