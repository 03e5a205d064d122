#include "playout/gain.hpp"

#include <cmath>

namespace loa::playout {

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
