#include "playout/port_audio_sink.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "playout/device_info.hpp"
#include "playout/renderer.hpp"

#include <portaudio.h>
#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <mutex>

namespace loa::playout {
namespace {

constexpr double k_max_latency_seconds = 2.0; ///< beyond this a reported latency is garbage

std::string describe(PaError error) {
    std::string text = Pa_GetErrorText(error);
    if (error == paUnanticipatedHostError) {
        if (const PaHostErrorInfo *host = Pa_GetLastHostErrorInfo(); host && host->errorText)
            text += std::string(": ") + host->errorText;
    }
    return text;
}

/// Moves the calling thread (PortAudio's ALSA callback thread) to SCHED_FIFO, so a busy
/// PC (an update, a report export) cannot delay the sound card's buffers. PortAudio's
/// own switch for this (PaAlsa_EnableRealtimeScheduling) fails the stream when the
/// priority is refused and errno happens not to be EPERM; here a refusal changes
/// nothing and the thread stays as it was. Priority 40: below the kernel's interrupt
/// threads (50), above every normal program; the unit file allows it (LimitRTPRIO=95),
/// as does jackd's audio group (95) or root.
void raise_to_real_time() noexcept {
    sched_param param{};
    param.sched_priority = 40;
    pthread_setschedparam(pthread_self(), SCHED_FIFO, &param);
}

} // namespace

PortAudioSink::PortAudioSink(std::string_view target, Clock &clock) : m_clock(clock) {
    const std::vector<DeviceInfo> devices = list_devices();
    const DeviceInfo &device = select_device(devices, target);
    m_name = device.name;
    m_channels = device.max_output_channels >= 2 ? 2 : 1;

    std::lock_guard lock(PortAudioSession::mutex());
    const PaDeviceInfo *info = Pa_GetDeviceInfo(device.index);
    PaStreamParameters parameters{};
    parameters.device = device.index;
    parameters.channelCount = static_cast<int>(m_channels);
    parameters.sampleFormat = paFloat32;
    parameters.suggestedLatency = info->defaultHighOutputLatency;
    PaStream *stream = nullptr;
    const PaError error = Pa_OpenStream(&stream, nullptr, &parameters, info->defaultSampleRate,
                                        paFramesPerBufferUnspecified, paNoFlag, &on_callback, this);
    if (error != paNoError)
        throw Error(
            i18n::format(_("cannot open sound device '{1}': {2}"), m_name, describe(error)));
    m_stream = stream;
    Pa_SetStreamFinishedCallback(stream, &on_finished);

    const PaStreamInfo *stream_info = Pa_GetStreamInfo(stream);
    m_rate = static_cast<unsigned>(std::lround(stream_info->sampleRate));
    // PortAudio 19.6's JACK host API adds 2^32 - 256 frames (an unsigned underflow) to
    // the port's latency: 256 frames short for `system`, 24.8 hours for a port without
    // latency. The callbacks' DAC times are right; latency_frames() also uses them.
    m_latency_seconds = stream_info->outputLatency;
    if (!(m_latency_seconds >= 0.0 && m_latency_seconds <= k_max_latency_seconds))
        m_latency_seconds = 0.0;
    if (const PaHostApiInfo *api = Pa_GetHostApiInfo(info->hostApi)) {
        if (api->type == paJACK)
            m_wrap_seconds = 4294967296.0 / stream_info->sampleRate;
        // JACK's callback thread is the server's, at the priority it chose.
        m_raise_priority = api->type == paALSA;
    }
}

PortAudioSink::~PortAudioSink() {
    std::lock_guard lock(PortAudioSession::mutex());
    if (m_running)
        Pa_AbortStream(m_stream);
    Pa_CloseStream(m_stream);
}

void PortAudioSink::start(Renderer &renderer) {
    m_renderer = &renderer;
    std::lock_guard lock(PortAudioSession::mutex());
    if (const PaError error = Pa_StartStream(m_stream); error != paNoError)
        throw Error(
            i18n::format(_("cannot start sound device '{1}': {2}"), m_name, describe(error)));
    m_running = true;
}

std::size_t PortAudioSink::latency_frames() const noexcept {
    const double seconds =
        std::max(m_latency_seconds, m_seen_latency.load(std::memory_order_relaxed));
    return static_cast<std::size_t>(std::lround(seconds * m_rate));
}

StreamClockReading PortAudioSink::read_clock() const {
    // The tightest of a few brackets of Pa_GetStreamTime by the wall clock.
    StreamClockReading best;
    auto best_width = TimePoint::duration::max();
    for (int attempt = 0; attempt < 5; ++attempt) {
        const TimePoint before = m_clock.now();
        const double stream_seconds = Pa_GetStreamTime(m_stream);
        const TimePoint after = m_clock.now();
        if (after - before < best_width) {
            best_width = after - before;
            best = {stream_seconds, before + (after - before) / 2};
        }
    }
    if (m_wrap_seconds > 0.0) {
        // The callback's latest (unwrapped) DAC time is a little ahead of now.
        const double reference = m_last_dac_time.load(std::memory_order_relaxed);
        best.stream_seconds +=
            std::round((reference - best.stream_seconds) / m_wrap_seconds) * m_wrap_seconds;
    }
    return best;
}

std::string PortAudioSink::failure() const {
    if (m_finished.load())
        return i18n::format(_("sound device '{1}' stopped (disconnected?)"), m_name);
    const PaError active = Pa_IsStreamActive(m_stream);
    if (active < 0)
        return i18n::format(_("sound device '{1}' failed: {2}"), m_name, describe(active));
    if (active == 0)
        return i18n::format(_("sound device '{1}' stopped (disconnected?)"), m_name);
    return {};
}

int PortAudioSink::on_callback(const void *, void *output, unsigned long frames,
                               const PaStreamCallbackTimeInfo *time, unsigned long,
                               void *user) noexcept {
    auto &sink = *static_cast<PortAudioSink *>(user);
    if (sink.m_raise_priority) {
        sink.m_raise_priority = false;
        raise_to_real_time();
    }
    double dac_time = time->outputBufferDacTime;
    if (dac_time <= 0.0) { // a host API that gives no DAC time
        dac_time = time->currentTime + sink.m_latency_seconds;
    } else if (time->currentTime > 0.0) {
        const double latency = dac_time - time->currentTime;
        if (latency > sink.m_seen_latency.load(std::memory_order_relaxed) &&
            latency <= k_max_latency_seconds)
            sink.m_seen_latency.store(latency, std::memory_order_relaxed);
    }
    dac_time =
        sink.m_dac_filter.filter(sink.unwrap(dac_time), static_cast<double>(frames) / sink.m_rate);
    sink.m_last_dac_time.store(dac_time, std::memory_order_relaxed);
    sink.m_renderer->render(static_cast<float *>(output), frames, dac_time);
    return paContinue;
}

void PortAudioSink::on_finished(void *user) noexcept {
    static_cast<PortAudioSink *>(user)->m_finished.store(true);
}

double PortAudioSink::unwrap(double raw) noexcept {
    if (m_wrap_seconds <= 0.0)
        return raw;
    double unwrapped = raw + m_wrap_offset;
    if (unwrapped < m_last_unwrapped - m_wrap_seconds / 2) {
        m_wrap_offset += m_wrap_seconds;
        unwrapped += m_wrap_seconds;
    }
    m_last_unwrapped = unwrapped;
    return unwrapped;
}

} // namespace loa::playout
