#pragma once
// Rate conversion with libsamplerate. A sound card (or JACK) runs at one rate;
// announcements arrive at any (espeak-ng writes 22,050 Hz).
#include <span>
#include <vector>

struct SRC_STATE_tag;

namespace loa::playout {

/// Converts interleaved float frames from one rate to another (sinc, medium quality),
/// streaming. When the rates are equal it is bypassed: the output is the input, bit for
/// bit. Feeder thread.
class Resampler {
public:
    /// Throws Error if libsamplerate cannot be set up.
    Resampler(unsigned from_rate, unsigned to_rate, unsigned channels);
    ~Resampler();
    Resampler(const Resampler &) = delete;
    Resampler &operator=(const Resampler &) = delete;

    bool bypassed() const noexcept { return m_state == nullptr; }

    /// Converts `input` (whole frames); with `end_of_input` it also flushes the filter's
    /// tail. The result is valid until the next call. Throws Error.
    std::span<const float> process(std::span<const float> input, bool end_of_input);

private:
    SRC_STATE_tag *m_state = nullptr;
    double m_ratio;
    unsigned m_channels;
    std::vector<float> m_output;
};

} // namespace loa::playout
