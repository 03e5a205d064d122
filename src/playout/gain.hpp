#pragma once
// Level adjustment of an item: loudness normalisation to the station's target, from
// what import measured, limited so the true peak stays at or below -1 dBTP.
#include <optional>
#include <span>

namespace loa::playout {

/// The gain correction for a mono recording sent to every channel of a stereo (or
/// wider) output: it sounds 10·log10(2) dB louder than its one-channel measurement.
inline constexpr double mono_spread_db = -3.0103;

/// The highest true peak an item may reach after its gain, in dBTP.
inline constexpr double true_peak_ceiling_dbtp = -1.0;

/// The gain that brings an item measured at `loudness_lufs` (with true peak
/// `true_peak_dbtp`) to `target_lufs`: never more than `max_boost_db` up, and reduced
/// so that the true peak stays at or below true_peak_ceiling_dbtp (gain reduction, not
/// a limiter: the waveform is never reshaped). An item without a measurement (silence,
/// or too short to measure) gets no boost, only the peak limit.
double loudness_gain_db(double target_lufs, std::optional<double> loudness_lufs,
                        std::optional<double> true_peak_dbtp, double max_boost_db) noexcept;

/// The linear factor for `gain_db` decibels: exactly 1 at 0 dB.
float linear_gain(double gain_db) noexcept;

/// Multiplies `samples` by `factor` in place. Does nothing when the factor is exactly 1,
/// so an item at 0 dB stays bit-exact.
void apply_gain(std::span<float> samples, float factor) noexcept;

} // namespace loa::playout
