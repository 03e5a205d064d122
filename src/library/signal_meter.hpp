#pragma once
// Measures decoded audio as it streams past, block by block: integrated loudness and
// true peak per EBU R128 (loudness by libebur128, true peak by true_peak.hpp),
// sample peak, and the silence at either end.
// Memory does not grow with the length of the recording.
#include "core/channel_layout.hpp"
#include "library/true_peak.hpp"

#include <cstdint>
#include <memory>
#include <optional>

namespace loa::library {

/// Below this sample magnitude (-60 dBFS) a frame counts as silence.
inline constexpr float silence_threshold = 0.001f;

struct SignalLevels {
    std::optional<double> loudness_lufs;  ///< Integrated; none when all is gated away (silence).
    std::optional<double> true_peak_dbtp; ///< None for digital silence.
    std::optional<double> sample_peak_dbfs;
    std::int64_t leading_silence_frames = 0;
    std::int64_t trailing_silence_frames = 0;
    bool silent = false; ///< No frame at or above silence_threshold.
};

class SignalMeter {
public:
    /// Throws Error if libebur128 cannot be set up for this rate and channel count.
    SignalMeter(int sample_rate, int channels, ChannelOrder order = ChannelOrder::wave);
    ~SignalMeter();
    SignalMeter(const SignalMeter &) = delete;
    SignalMeter &operator=(const SignalMeter &) = delete;

    /// Adds `frames` interleaved frames. Throws Error on a libebur128 failure.
    void add(const float *samples, std::int64_t frames);
    /// What was measured so far.
    SignalLevels levels() const;

private:
    struct State; ///< Owns libebur128's state.
    std::unique_ptr<State> m_state;
    TruePeakMeter m_true_peak;
    int m_channels;
    std::int64_t m_frames = 0;
    std::int64_t m_first_sound = -1; ///< Frame index; -1 until sound is heard.
    std::int64_t m_last_sound = -1;
    float m_peak = 0.0f;
};

} // namespace loa::library
