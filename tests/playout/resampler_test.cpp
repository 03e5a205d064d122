#include "playout/resampler.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <numbers>
#include <vector>

using loa::playout::Resampler;

namespace {

std::vector<float> sine(unsigned rate, std::size_t frames, double frequency) {
    std::vector<float> samples(frames);
    for (std::size_t i = 0; i < frames; ++i)
        samples[i] =
            static_cast<float>(0.5 * std::sin(2 * std::numbers::pi * frequency * i / rate));
    return samples;
}

/// Streams `input` through `resampler` in blocks, flushing at the end.
std::vector<float> run(Resampler &resampler, const std::vector<float> &input, std::size_t block) {
    std::vector<float> output;
    for (std::size_t offset = 0;; offset += block) {
        const std::size_t count =
            offset < input.size() ? std::min(block, input.size() - offset) : 0;
        const auto out = resampler.process({input.data() + offset, count}, count == 0);
        output.insert(output.end(), out.begin(), out.end());
        if (count == 0)
            return output;
    }
}

} // namespace

TEST_CASE("Resampler is bypassed bit-exactly when the rates match", "[resampler]") {
    Resampler resampler(48000, 48000, 2);
    CHECK(resampler.bypassed());
    std::vector<float> input{0.1f, -0.2f, 1.0f, -1.0f, 3.0e-8f, 0.0f};
    const auto output = resampler.process(input, false);
    CHECK(output.data() == input.data());
    REQUIRE(output.size() == input.size());
    CHECK(std::memcmp(output.data(), input.data(), input.size() * sizeof(float)) == 0);
    CHECK(resampler.process({}, true).empty());
}

TEST_CASE("Resampler converts 22050 Hz to 48000 Hz keeping length and pitch", "[resampler]") {
    Resampler resampler(22050, 48000, 1);
    CHECK_FALSE(resampler.bypassed());
    const std::vector<float> output = run(resampler, sine(22050, 22050, 1000.0), 4096);

    // One second in, one second out (soxr's tail flushed, give or take a frame).
    CHECK(std::abs(static_cast<long>(output.size()) - 48000) <= 2);
    // Still 1 kHz: count rising zero crossings away from the edges.
    int crossings = 0;
    for (std::size_t i = 4800; i < 43200; ++i)
        crossings += output[i - 1] < 0.0f && output[i] >= 0.0f;
    CHECK(std::abs(crossings - 800) <= 1);
    // Level kept (a 0.5 sine) in the middle.
    float peak = 0.0f;
    for (std::size_t i = 4800; i < 43200; ++i)
        peak = std::max(peak, std::abs(output[i]));
    CHECK(peak == Approx(0.5f).margin(0.01));
}

TEST_CASE("Resampler keeps interleaved channels apart", "[resampler]") {
    Resampler resampler(44100, 48000, 2);
    std::vector<float> input(2 * 44100);
    for (std::size_t i = 0; i < 44100; ++i) {
        input[2 * i] = 0.25f;
        input[2 * i + 1] = -0.25f;
    }
    const std::vector<float> output = run(resampler, input, 1000);
    CHECK(std::abs(static_cast<long>(output.size() / 2) - 48000) <= 2);
    CHECK(output[2 * 24000] == Approx(0.25f).margin(1e-3));
    CHECK(output[2 * 24000 + 1] == Approx(-0.25f).margin(1e-3));
}
