#pragma once
// Level adjustment of an item (later: the loudness normalisation computed at import).
#include <span>

namespace loa::playout {

/// The linear factor for `gain_db` decibels: exactly 1 at 0 dB.
float linear_gain(double gain_db) noexcept;

/// Multiplies `samples` by `factor` in place. Does nothing when the factor is exactly 1,
/// so an item at 0 dB stays bit-exact.
void apply_gain(std::span<float> samples, float factor) noexcept;

} // namespace loa::playout
