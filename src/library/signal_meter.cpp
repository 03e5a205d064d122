#include "library/signal_meter.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

#include <ebur128.h>

#include <cmath>
#include <string>

namespace loa::library {
namespace {

double to_db(double linear) {
    return 20.0 * std::log10(linear);
}

void check(int result, const char *what) {
    if (result != EBUR128_SUCCESS)
        throw Error(i18n::format(_("loudness measurement failed ({1}, libebur128 error {2})"), what,
                                 std::to_string(result)));
}

/// BS.1770's role for a speaker. LFE is not measured; every surround or back channel is
/// weighted 1.41, as ffmpeg's ebur128 does.
int role(Speaker speaker) {
    switch (speaker) {
    case Speaker::front_left:
        return EBUR128_LEFT;
    case Speaker::front_right:
        return EBUR128_RIGHT;
    case Speaker::centre:
        return EBUR128_CENTER;
    case Speaker::lfe:
        return EBUR128_UNUSED;
    case Speaker::side_left:
    case Speaker::back_left:
    case Speaker::back_centre:
        return EBUR128_LEFT_SURROUND;
    case Speaker::side_right:
    case Speaker::back_right:
        return EBUR128_RIGHT_SURROUND;
    }
    return EBUR128_UNUSED;
}

} // namespace

struct SignalMeter::State {
    explicit State(ebur128_state *s) noexcept : state(s) {}
    ~State() {
        if (state)
            ebur128_destroy(&state);
    }
    State(const State &) = delete;
    State &operator=(const State &) = delete;
    ebur128_state *state;
};

SignalMeter::SignalMeter(int sample_rate, int channels, ChannelOrder order)
    : m_state(std::make_unique<State>(ebur128_init(static_cast<unsigned>(channels),
                                                   static_cast<unsigned long>(sample_rate),
                                                   EBUR128_MODE_I))),
      m_true_peak(sample_rate, channels), m_channels(channels) {
    if (!m_state->state)
        throw Error(i18n::format(_("cannot measure loudness of {1} channels at {2} Hz"),
                                 std::to_string(channels), std::to_string(sample_rate)));
    if (channels < 1 || channels > 8)
        throw Error(
            i18n::format(_("cannot measure loudness of {1} channels"), std::to_string(channels)));
    const std::span<const Speaker> layout = speakers(order, static_cast<unsigned>(channels));
    for (std::size_t channel = 0; channel < layout.size(); ++channel)
        check(ebur128_set_channel(m_state->state, static_cast<unsigned>(channel),
                                  role(layout[channel])),
              "channel map");
}

SignalMeter::~SignalMeter() = default;

void SignalMeter::add(const float *samples, std::int64_t frames) {
    if (frames <= 0)
        return;
    check(ebur128_add_frames_float(m_state->state, samples, static_cast<std::size_t>(frames)),
          "add frames");
    m_true_peak.add(samples, frames);
    const auto channels = static_cast<std::size_t>(m_channels);
    const auto count = static_cast<std::size_t>(frames) * channels;
    float peak = m_peak;
    std::size_t first_loud = count;
    std::size_t last_loud = count;
    for (std::size_t i = 0; i < count; ++i) {
        const float magnitude = std::fabs(samples[i]);
        peak = magnitude > peak ? magnitude : peak;
        if (magnitude >= silence_threshold) {
            if (first_loud == count)
                first_loud = i;
            last_loud = i;
        }
    }
    m_peak = peak;
    if (last_loud != count) {
        if (m_first_sound < 0)
            m_first_sound = m_frames + static_cast<std::int64_t>(first_loud / channels);
        m_last_sound = m_frames + static_cast<std::int64_t>(last_loud / channels);
    }
    m_frames += frames;
}

SignalLevels SignalMeter::levels() const {
    SignalLevels levels;
    levels.silent = m_first_sound < 0;
    levels.leading_silence_frames = levels.silent ? m_frames : m_first_sound;
    levels.trailing_silence_frames = levels.silent ? m_frames : m_frames - 1 - m_last_sound;
    double loudness = 0.0;
    if (ebur128_loudness_global(m_state->state, &loudness) == EBUR128_SUCCESS &&
        std::isfinite(loudness))
        levels.loudness_lufs = loudness;
    const double true_peak = m_true_peak.peak();
    if (true_peak > 0.0)
        levels.true_peak_dbtp = to_db(true_peak);
    if (m_peak > 0.0f)
        levels.sample_peak_dbfs = to_db(m_peak);
    return levels;
}

} // namespace loa::library
