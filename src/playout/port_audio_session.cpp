#include "playout/port_audio_session.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

#include <alsa/asoundlib.h>
#include <jack/jack.h>
#include <pa_jack.h>
#include <portaudio.h>

#include <string>
#include <string_view>

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

/// PortAudio's device scan opens every device of the ALSA configuration to learn its
/// channels and rates. One kind cannot be a station's output: "a52" (libasound2-plugins)
/// encodes AC-3 for the digital input of a home-cinema receiver, and merely opening it
/// loads libavcodec and some sixty codec libraries into the player: 13.6 MB, as much as
/// the rest of loa. Such devices are taken out of ALSA's configuration in memory (the
/// files stay as they are) before each scan, so they are neither opened nor listed.
/// Only before a scan: while PortAudio is initialised, streams may use the configuration.
void leave_out_encoder_devices() {
    snd_config_t *devices = nullptr;
    if (snd_config_update() < 0 || snd_config == nullptr ||
        snd_config_search(snd_config, "pcm", &devices) < 0)
        return; // PortAudio will report a configuration it cannot read
    snd_config_iterator_t i, next;
    snd_config_for_each(i, next, devices) {
        snd_config_t *device = snd_config_iterator_entry(i);
        snd_config_t *type = nullptr;
        const char *name = nullptr;
        if (snd_config_search(device, "type", &type) >= 0 &&
            snd_config_get_string(type, &name) >= 0 && std::string_view(name) == "a52")
            snd_config_delete(device);
    }
}

} // namespace

PortAudioSession::PortAudioSession() {
    silence_sound_libraries();
    std::lock_guard lock(mutex());
    if (Pa_GetHostApiCount() == paNotInitialized) // this session's Pa_Initialize scans
        leave_out_encoder_devices();
    if (const PaError error = Pa_Initialize(); error != paNoError)
        throw Error(i18n::format(_("the sound system (PortAudio) failed to start: {1}"),
                                 Pa_GetErrorText(error)));
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
