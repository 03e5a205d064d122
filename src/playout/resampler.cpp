#include "playout/resampler.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

#include <soxr.h>

#include <string>

namespace loa::playout {

Resampler::Resampler(unsigned from_rate, unsigned to_rate, unsigned channels)
    : m_ratio(static_cast<double>(to_rate) / from_rate), m_channels(channels) {
    if (from_rate == to_rate)
        return;
    const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
    const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
    const soxr_runtime_spec_t runtime = soxr_runtime_spec(1); // the feeder's thread only
    soxr_error_t error = nullptr;
    m_state = soxr_create(from_rate, to_rate, channels, &error, &io, &quality, &runtime);
    if (!m_state)
        throw Error(i18n::format(_("cannot resample {1} Hz to {2} Hz: {3}"),
                                 std::to_string(from_rate), std::to_string(to_rate),
                                 error ? error : "libsoxr failed"));
}

Resampler::~Resampler() {
    if (m_state)
        soxr_delete(m_state);
}

std::span<const float> Resampler::process(std::span<const float> input, bool end_of_input) {
    if (bypassed())
        return input;

    const std::size_t input_frames = input.size() / m_channels;
    std::size_t consumed = 0; // input frames taken by soxr
    std::size_t produced = 0; // frames in m_output
    m_output.resize(
        static_cast<std::size_t>(static_cast<double>(input_frames + 64) * m_ratio + 64) *
        m_channels);
    while (true) {
        const std::size_t room = m_output.size() / m_channels - produced;
        const bool flushing = consumed == input_frames;
        if (flushing && !end_of_input)
            break;
        std::size_t used = 0;
        std::size_t made = 0;
        // Input null with length 0 asks soxr to flush its filter's tail.
        const float *in = flushing ? nullptr : input.data() + consumed * m_channels;
        if (const soxr_error_t error =
                soxr_process(m_state, in, flushing ? 0 : input_frames - consumed, &used,
                             m_output.data() + produced * m_channels, room, &made))
            throw Error(i18n::format(_("resampling failed: {1}"), error));
        consumed += used;
        produced += made;
        if (made == room)
            m_output.resize(m_output.size() * 2); // more may be waiting
        else if (flushing)
            break; // the tail is out
    }
    return {m_output.data(), produced * m_channels};
}

} // namespace loa::playout
