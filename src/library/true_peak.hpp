#pragma once
// True peak (ITU-R BS.1770-4 annex 2): the highest magnitude of the signal
// oversampled 4x (2x at 96 kHz and up, 1x at 192 kHz), with the same 49-tap
// windowed-sinc interpolator as libebur128, so the figures match it.
//
// Interpolating every sample is most of the cost of measuring a file. A block can
// only raise the peak if its largest sample times the filter's gain bound (the
// largest sum of |coefficients| of any phase) exceeds the peak found so far, so
// blocks that cannot are skipped: the result is the same, computed in a fraction
// of the time for ordinary speech and music.
#include <cstdint>
#include <vector>

namespace loa::library {

class TruePeakMeter {
public:
    TruePeakMeter(int sample_rate, int channels);

    /// Adds `frames` interleaved frames.
    void add(const float *samples, std::int64_t frames);
    /// Linear true peak over every channel so far (at least the sample peak).
    double peak() const noexcept { return m_peak; }

private:
    void add_block(const float *samples, std::size_t frames);

    int m_channels;
    int m_factor;
    std::size_t m_taps_per_phase = 1;
    std::vector<std::vector<float>>
        m_phases; ///< m_phases[f][k]: coefficient of x[n-k] for output phase f.
    float m_gain_bound = 1.0f;
    std::vector<std::vector<float>>
        m_history;               ///< Per channel: the last m_taps_per_phase-1 samples.
    std::vector<float> m_buffer; ///< One channel's history and block, contiguous.
    float m_peak = 0.0f;
};

} // namespace loa::library
