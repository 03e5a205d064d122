#pragma once
// The sound card, through PortAudio (ALSA on a station; JACK on test machines).
#include "playout/dac_time_filter.hpp"
#include "playout/port_audio_session.hpp"
#include "playout/sink.hpp"

#include <atomic>
#include <string_view>

struct PaStreamCallbackTimeInfo;

namespace loa::playout {

/// Opens a device at its default rate, in 2 channels if it has them (else 1), float32,
/// with PortAudio's buffer size and its "high" (safe) latency. The stream runs from
/// start() until destruction, on silence between items, so the device is warm and every
/// start can be aligned to a frame. Stream time is PortAudio's (the DAC times the
/// callback receives); JACK's wraps every 2^32 frames (24.8 h at 48 kHz) and is
/// unwrapped here.
class PortAudioSink final : public Sink {
public:
    /// Opens the device `target` names ("default", an index, or a name or part of one).
    /// Throws Error with an operator-readable message ("no sound device found: ...",
    /// "sound device 'X' not found; `loa devices` lists them", or why it cannot open).
    PortAudioSink(std::string_view target, Clock &clock);
    /// Aborts and closes the stream: no callback runs after it.
    ~PortAudioSink() override;

    std::string name() const override { return m_name; }
    unsigned rate() const noexcept override { return m_rate; }
    unsigned channels() const noexcept override { return m_channels; }
    /// The larger of PortAudio's figure and what the callbacks' DAC times show.
    std::size_t latency_frames() const noexcept override;
    void start(Renderer &renderer) override;
    StreamClockReading read_clock() const override;
    std::string failure() const override;
    /// Returns false: PortAudio 19.6 waits up to 10 minutes to stop a stream whose JACK
    /// server died, and a wedged ALSA driver may call back late. So a failed sink is
    /// never destroyed, and PortAudio stays initialised for the rest of the process
    /// (a card that comes back under the same ALSA name still reopens).
    bool abandon() noexcept override { return false; }

private:
    static int on_callback(const void *input, void *output, unsigned long frames,
                           const PaStreamCallbackTimeInfo *time, unsigned long flags,
                           void *user) noexcept;
    static void on_finished(void *user) noexcept;
    double unwrap(double raw) noexcept;

    PortAudioSession m_session; ///< First: PortAudio outlives the stream.
    Clock &m_clock;
    std::string m_name;
    unsigned m_rate = 0;
    unsigned m_channels = 0;
    double m_latency_seconds = 0.0; ///< PortAudio's figure, if believable
    void *m_stream = nullptr;       ///< PaStream
    bool m_running = false;
    Renderer *m_renderer = nullptr; ///< Set before the stream starts.
    double m_wrap_seconds = 0.0;    ///< Span of a wrapping stream clock; 0 if it does not.
    bool m_raise_priority = false;  ///< Callback thread: on its first call, ALSA only.
    double m_wrap_offset = 0.0;     ///< Callback thread.
    double m_last_unwrapped = 0.0;  ///< Callback thread.
    DacTimeFilter m_dac_filter;     ///< Callback thread.
    std::atomic<double> m_last_dac_time{0.0}; ///< Stored by the callback, read by read_clock().
    std::atomic<double> m_seen_latency{0.0};  ///< Largest DAC minus current time; callback.
    std::atomic<bool> m_finished{false};      ///< Stored by PortAudio when the stream ends.
};

} // namespace loa::playout
