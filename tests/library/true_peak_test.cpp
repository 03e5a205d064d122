// The skipping true-peak meter gives libebur128's own figures.
#include "library/true_peak.hpp"

#include <ebur128.h>

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

namespace {

double libebur128_true_peak(const std::vector<float> &samples, int rate, int channels) {
    ebur128_state *state = ebur128_init(static_cast<unsigned>(channels),
                                        static_cast<unsigned long>(rate), EBUR128_MODE_TRUE_PEAK);
    ebur128_add_frames_float(state, samples.data(),
                             samples.size() / static_cast<std::size_t>(channels));
    double peak = 0.0;
    for (int c = 0; c < channels; ++c) {
        double value = 0.0;
        ebur128_true_peak(state, static_cast<unsigned>(c), &value);
        peak = std::max(peak, value);
    }
    ebur128_destroy(&state);
    return peak;
}

} // namespace

TEST_CASE("true peak matches libebur128 on speech-like bursts, inter-sample peaks and every rate") {
    const auto [rate, channels] = GENERATE(
        table<int, int>({{8000, 1}, {44100, 2}, {48000, 2}, {96000, 1}, {192000, 2}, {48000, 6}}));
    std::mt19937 random(1234);
    std::normal_distribution<float> noise(0.0f, 0.1f);
    std::vector<float> samples;
    const int frames = rate * 2;
    for (int i = 0; i < frames; ++i) {
        // Bursts of noise at changing levels, and a quarter-rate sine whose sample
        // points miss its crests (a true peak 3 dB above the sample peak).
        const float level = 0.2f + 0.8f * static_cast<float>((i / (rate / 10)) % 7) / 7.0f;
        for (int c = 0; c < channels; ++c) {
            const float crest = i > rate && i < rate + 4000
                                    ? 0.7f * static_cast<float>(std::sin(M_PI / 2 * i + M_PI / 4))
                                    : 0.0f;
            samples.push_back(std::clamp(level * noise(random) + crest, -1.0f, 1.0f));
        }
    }
    loa::library::TruePeakMeter meter(rate, channels);
    // Odd block sizes, as a decoder delivers them.
    for (std::size_t at = 0; at < samples.size();) {
        const std::size_t count =
            std::min<std::size_t>(static_cast<std::size_t>(channels) * 1531, samples.size() - at);
        meter.add(samples.data() + at, static_cast<std::int64_t>(count) / channels);
        at += count;
    }
    const double expected = libebur128_true_peak(samples, rate, channels);
    CHECK(20 * std::log10(meter.peak()) == Approx(20 * std::log10(expected)).margin(0.001));
}
