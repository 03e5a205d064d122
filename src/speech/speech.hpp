#pragma once
// Synthesised speech: mono samples in [-1, 1] at their own rate, as a voice gives them.
#include <cstdint>
#include <vector>

namespace loa::speech {

struct Speech {
    int sample_rate = 0;        ///< Hz.
    std::vector<float> samples; ///< Mono.
    double seconds() const noexcept {
        return sample_rate > 0 ? static_cast<double>(samples.size()) / sample_rate : 0.0;
    }
};

} // namespace loa::speech
