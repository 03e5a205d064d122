#include "playout/gain.hpp"

#include <algorithm>
#include <cmath>

namespace loa::playout {

double loudness_gain_db(double target_lufs, std::optional<double> loudness_lufs,
                        std::optional<double> true_peak_dbtp, double max_boost_db) noexcept {
    double gain = 0.0;
    if (loudness_lufs && std::isfinite(*loudness_lufs))
        gain = std::min(target_lufs - *loudness_lufs, max_boost_db);
    if (true_peak_dbtp && std::isfinite(*true_peak_dbtp))
        gain = std::min(gain, true_peak_ceiling_dbtp - *true_peak_dbtp);
    return gain;
}

float linear_gain(double gain_db) noexcept {
    if (gain_db == 0.0)
        return 1.0f;
    return static_cast<float>(std::pow(10.0, gain_db / 20.0));
}

void apply_gain(std::span<float> samples, float factor) noexcept {
    if (factor == 1.0f)
        return;
    for (float &sample : samples)
        sample *= factor;
}

} // namespace loa::playout
