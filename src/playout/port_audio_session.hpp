#pragma once
// PortAudio initialised for as long as something needs it. PortAudio counts nested
// Pa_Initialize/Pa_Terminate calls itself, so every holder shares one initialisation;
// when the last one goes, the next session rescans the devices (a USB card plugged
// back in is found again).
#include <mutex>

namespace loa::playout {

class PortAudioSession {
public:
    /// Initialises PortAudio (30–180 ms the first time: keep it off the critical path),
    /// with ALSA's and JACK's stderr chatter silenced for the whole process, the JACK
    /// client named "loa", and ALSA's AC-3 encoder devices left out of the device scan.
    /// Throws Error if the sound system cannot start. Any thread.
    PortAudioSession();
    ~PortAudioSession();
    PortAudioSession(const PortAudioSession &) = delete;
    PortAudioSession &operator=(const PortAudioSession &) = delete;

    /// PortAudio's device and stream management is not thread-safe: hold this around
    /// Pa_Initialize/Terminate, device queries, and opening, starting and closing streams.
    static std::mutex &mutex() noexcept;
};

} // namespace loa::playout
