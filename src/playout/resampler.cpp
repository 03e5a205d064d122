#include "playout/resampler.hpp"

#include "core/error.hpp"

#include <samplerate.h>

#include <string>

namespace loa::playout {

Resampler::Resampler(unsigned from_rate, unsigned to_rate, unsigned channels)
    : m_ratio(static_cast<double>(to_rate) / from_rate), m_channels(channels) {
    if (from_rate == to_rate)
        return;
    int error = 0;
    m_state = src_new(SRC_SINC_MEDIUM_QUALITY, static_cast<int>(channels), &error);
    if (!m_state)
        throw Error("cannot resample " + std::to_string(from_rate) + " Hz to " +
                    std::to_string(to_rate) + " Hz: " + src_strerror(error));
}

Resampler::~Resampler() {
    if (m_state)
        src_delete(m_state);
}

std::span<const float> Resampler::process(std::span<const float> input, bool end_of_input) {
    if (bypassed())
        return input;

    const long input_frames = static_cast<long>(input.size() / m_channels);
    SRC_DATA data{};
    data.data_in = input.data();
    data.input_frames = input_frames;
    data.src_ratio = m_ratio;
    data.end_of_input = end_of_input ? 1 : 0;

    std::size_t produced = 0; // frames in m_output
    m_output.resize(static_cast<std::size_t>((input_frames + 64) * m_ratio + 64) * m_channels);
    while (true) {
        const std::size_t room = m_output.size() / m_channels - produced;
        data.data_out = m_output.data() + produced * m_channels;
        data.output_frames = static_cast<long>(room);
        if (const int error = src_process(m_state, &data); error != 0)
            throw Error(std::string("resampling failed: ") + src_strerror(error));
        produced += static_cast<std::size_t>(data.output_frames_gen);
        data.data_in += data.input_frames_used * m_channels;
        data.input_frames -= data.input_frames_used;
        const bool flushed = !end_of_input || data.output_frames_gen == 0;
        if (data.input_frames == 0 && flushed)
            break;
        if (static_cast<std::size_t>(data.output_frames_gen) == room)
            m_output.resize(m_output.size() * 2);
        else if (data.input_frames_used == 0 && data.output_frames_gen == 0)
            throw Error("resampling failed: libsamplerate made no progress");
    }
    return {m_output.data(), produced * m_channels};
}

} // namespace loa::playout
