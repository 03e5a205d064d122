#include "speech/levelling.hpp"

#include "library/signal_meter.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>

namespace loa::speech {
namespace {

std::optional<double> loudness_of(const Speech &speech) {
    library::SignalMeter meter(speech.sample_rate, 1);
    meter.add(speech.samples.data(), static_cast<std::int64_t>(speech.samples.size()));
    return meter.levels().loudness_lufs;
}

/// The smallest of `values` within `radius` of each index (a sliding-window minimum).
std::vector<float> window_minimum(const std::vector<float> &values, std::size_t radius) {
    std::vector<float> out(values.size());
    std::deque<std::size_t> window; // indexes of increasing values
    std::size_t next = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        for (; next < values.size() && next <= i + radius; ++next) {
            while (!window.empty() && values[window.back()] >= values[next])
                window.pop_back();
            window.push_back(next);
        }
        while (window.front() + radius < i)
            window.pop_front();
        out[i] = values[window.front()];
    }
    return out;
}

/// The mean of `values` within `radius` of each index.
std::vector<float> window_mean(const std::vector<float> &values, std::size_t radius) {
    std::vector<double> sums(values.size() + 1, 0.0);
    for (std::size_t i = 0; i < values.size(); ++i)
        sums[i + 1] = sums[i] + values[i];
    std::vector<float> out(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        const std::size_t from = i >= radius ? i - radius : 0;
        const std::size_t to = std::min(values.size(), i + radius + 1);
        out[i] = static_cast<float>((sums[to] - sums[from]) / static_cast<double>(to - from));
    }
    return out;
}

} // namespace

void limit_peaks(Speech &speech, float ceiling) {
    auto &samples = speech.samples;
    std::vector<float> needed(samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const float magnitude = std::fabs(samples[i]);
        needed[i] = magnitude > ceiling ? ceiling / magnitude : 1.0f;
    }
    // Every gain within `radius` of a peak is at most what the peak needs, so their
    // mean over the same radius is too: at the peak itself the gain is low enough.
    const auto radius = static_cast<std::size_t>(speech.sample_rate / 500);
    const auto smooth = window_mean(window_minimum(needed, radius), radius);
    const float recovery =
        1.0f - std::exp(-1.0f / (0.040f * static_cast<float>(speech.sample_rate)));
    float gain = 1.0f;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        gain = std::min(smooth[i], gain + (1.0f - gain) * recovery);
        samples[i] = std::clamp(samples[i] * gain, -ceiling, ceiling);
    }
}

void level_speech(Speech &speech, double target_lufs) {
    const float ceiling = static_cast<float>(std::pow(10.0, peak_ceiling_dbfs / 20.0));
    for (int pass = 0; pass < 5; ++pass) {
        const auto loudness = loudness_of(speech);
        if (!loudness || (pass > 0 && std::fabs(target_lufs - *loudness) < 0.1))
            return;
        const auto factor = static_cast<float>(std::pow(10.0, (target_lufs - *loudness) / 20.0));
        for (auto &sample : speech.samples)
            sample *= factor;
        limit_peaks(speech, ceiling);
    }
}

} // namespace loa::speech
