#include "library/true_peak.hpp"

#include <algorithm>
#include <cmath>

namespace loa::library {
namespace {

constexpr int filter_taps = 49;
constexpr std::size_t chunk_frames = 256;

} // namespace

TruePeakMeter::TruePeakMeter(int sample_rate, int channels)
    : m_channels(channels), m_factor(sample_rate < 96000    ? 4
                                     : sample_rate < 192000 ? 2
                                                            : 1) {
    if (m_factor > 1) {
        // libebur128's interp_create(): a Hann-windowed sinc, tap j feeding phase
        // j % factor at delay j / factor.
        m_taps_per_phase = static_cast<std::size_t>((filter_taps + m_factor - 1) / m_factor);
        m_phases.assign(static_cast<std::size_t>(m_factor),
                        std::vector<float>(m_taps_per_phase, 0.0f));
        for (int j = 0; j < filter_taps; ++j) {
            const double m = j - (filter_taps - 1) / 2.0;
            double c = 1.0;
            if (std::fabs(m) > 1e-9)
                c = std::sin(m * M_PI / m_factor) / (m * M_PI / m_factor);
            c *= 0.5 * (1 - std::cos(2 * M_PI * j / (filter_taps - 1)));
            if (std::fabs(c) > 1e-9)
                m_phases[static_cast<std::size_t>(j % m_factor)]
                        [static_cast<std::size_t>(j / m_factor)] = static_cast<float>(c);
        }
        for (const auto &phase : m_phases) {
            float sum = 0.0f;
            for (const float c : phase)
                sum += std::fabs(c);
            m_gain_bound = std::max(m_gain_bound, sum * 1.0001f);
        }
    }
    m_history.assign(static_cast<std::size_t>(channels),
                     std::vector<float>(m_taps_per_phase - 1, 0.0f));
    m_buffer.resize(m_taps_per_phase - 1 + chunk_frames);
}

void TruePeakMeter::add(const float *samples, std::int64_t frames) {
    const auto channels = static_cast<std::size_t>(m_channels);
    for (std::int64_t at = 0; at < frames; at += static_cast<std::int64_t>(chunk_frames)) {
        const auto count =
            static_cast<std::size_t>(std::min<std::int64_t>(chunk_frames, frames - at));
        add_block(samples + static_cast<std::size_t>(at) * channels, count);
    }
}

void TruePeakMeter::add_block(const float *samples, std::size_t frames) {
    const auto channels = static_cast<std::size_t>(m_channels);
    const std::size_t history = m_taps_per_phase - 1;
    for (std::size_t channel = 0; channel < channels; ++channel) {
        auto &past = m_history[channel];
        float *buffer = m_buffer.data();
        std::copy(past.begin(), past.end(), buffer);
        float largest = 0.0f;
        for (std::size_t i = 0; i < history; ++i)
            largest = std::max(largest, std::fabs(buffer[i]));
        for (std::size_t i = 0; i < frames; ++i) {
            const float x = samples[i * channels + channel];
            buffer[history + i] = x;
            largest = std::max(largest, std::fabs(x));
        }
        m_peak = std::max(m_peak, largest); // The sample peak is a floor.
        if (m_factor > 1 && largest * m_gain_bound > m_peak) {
            float peak = m_peak;
            for (std::size_t n = 0; n < frames; ++n) {
                const float *newest = buffer + history + n;
                for (const auto &phase : m_phases) {
                    float acc = 0.0f;
                    for (std::size_t k = 0; k < m_taps_per_phase; ++k)
                        acc += phase[k] * newest[-static_cast<std::ptrdiff_t>(k)];
                    peak = std::max(peak, std::fabs(acc));
                }
            }
            m_peak = peak;
        }
        std::copy(buffer + frames, buffer + frames + history, past.begin());
    }
}

} // namespace loa::library
