#include "playout/port_audio_session.hpp"

#include "core/error.hpp"

#include <alsa/asoundlib.h>
#include <jack/jack.h>
#include <pa_jack.h>
#include <portaudio.h>

#include <string>

namespace loa::playout {
namespace {

// Without these, Pa_Initialize on a machine with no card prints ~100 lines of ALSA
// configuration errors and JACK "cannot connect to server" notices. PortAudio reports
// real failures through PaError, so nothing useful is lost.
void ignore_alsa(const char *, int, const char *, int, const char *, ...) {}
void ignore_jack(const char *) {}

void silence_sound_libraries() {
    static std::once_flag once;
    std::call_once(once, [] {
        snd_lib_error_set_handler(ignore_alsa);
        jack_set_error_function(ignore_jack);
        jack_set_info_function(ignore_jack);
        PaJack_SetClientName("loa");
    });
}

} // namespace

PortAudioSession::PortAudioSession() {
    silence_sound_libraries();
    std::lock_guard lock(mutex());
    if (const PaError error = Pa_Initialize(); error != paNoError)
        throw Error(std::string("the sound system (PortAudio) failed to start: ") +
                    Pa_GetErrorText(error));
}

PortAudioSession::~PortAudioSession() {
    std::lock_guard lock(mutex());
    Pa_Terminate();
}

std::mutex &PortAudioSession::mutex() noexcept {
    static std::mutex instance;
    return instance;
}

} // namespace loa::playout
