#pragma once
// Rate conversion with libsoxr. A sound card (or JACK) runs at one rate; announcements
// arrive at any (espeak-ng writes 22,050 Hz).
//
// Why soxr and not libsamplerate: measured here, converting a minute of 44.1 kHz stereo
// to 48 kHz takes libsamplerate 0.78 s at SRC_SINC_MEDIUM_QUALITY (~47 s of CPU per
// hour of audio, on a cheap station PC a real load) and soxr 0.05 s at SOXR_HQ, whose
// quality (20-bit, flat to 0.91 of Nyquist) is the higher of the two.
#include <span>
#include <vector>

struct soxr;

namespace loa::playout {

/// Converts interleaved float frames from one rate to another (soxr "high quality"),
/// streaming. When the rates are equal it is bypassed: the output is the input, bit for
/// bit. Feeder thread.
class Resampler {
public:
    /// Throws Error if libsoxr cannot be set up.
    Resampler(unsigned from_rate, unsigned to_rate, unsigned channels);
    ~Resampler();
    Resampler(const Resampler &) = delete;
    Resampler &operator=(const Resampler &) = delete;

    bool bypassed() const noexcept { return m_state == nullptr; }

    /// Converts `input` (whole frames); with `end_of_input` it also flushes the filter's
    /// tail. The result is valid until the next call. Throws Error.
    std::span<const float> process(std::span<const float> input, bool end_of_input);

private:
    soxr *m_state = nullptr;
    double m_ratio;
    unsigned m_channels;
    std::vector<float> m_output;
};

} // namespace loa::playout
