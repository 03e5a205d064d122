#include "speech/espeak_voice.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <mutex>

namespace loa::speech {
namespace {

std::mutex espeak_lock; ///< Guards every call into espeak-ng (one global state).
int espeak_rate = 0;    ///< Its sample rate once set up; under espeak_lock.

// espeak-ng's loudness at 100 clips speech peaks at full scale; this leaves them
// below it, and levelling brings the whole to the station's target.
constexpr int espeak_volume = 60;

int on_samples(short *wav, int count, espeak_EVENT *events) {
    if (wav == nullptr || count <= 0)
        return 0;
    auto *out = static_cast<std::vector<float> *>(events->user_data);
    for (int i = 0; i < count; ++i)
        out->push_back(static_cast<float>(wav[i]) / 32768.0f);
    return 0;
}

/// Sets espeak-ng up once; returns its sample rate. Under espeak_lock.
int set_up() {
    if (espeak_rate > 0)
        return espeak_rate;
    const int rate =
        espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 500, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0)
        throw Error(_("espeak-ng cannot start: its voice data is missing or damaged; install "
                      "the espeak-ng-data package again (apt install --reinstall espeak-ng-data)"));
    espeak_SetSynthCallback(on_samples);
    espeak_rate = rate;
    return rate;
}

} // namespace

const std::vector<std::string_view> &espeak_voices() {
    static const std::vector<std::string_view> voices{"vi", "vi-VN-x-central", "vi-VN-x-south"};
    return voices;
}

void check_voice(std::string_view voice) {
    const auto &voices = espeak_voices();
    if (std::find(voices.begin(), voices.end(), voice) == voices.end())
        throw InputError(i18n::format(_("unknown voice '{1}': write vi (northern), "
                                        "vi-VN-x-central or vi-VN-x-south"),
                                      std::string(voice)));
}

Speech speak_with_espeak(const std::string &text, std::string_view voice, int rate_wpm) {
    check_voice(voice);
    const std::lock_guard lock(espeak_lock);
    Speech speech;
    speech.sample_rate = set_up();
    const std::string name(voice);
    if (espeak_SetVoiceByName(name.c_str()) != EE_OK)
        throw Error(i18n::format(_("espeak-ng has no voice '{1}': install the espeak-ng-data "
                                   "package again (apt install --reinstall espeak-ng-data)"),
                                 name));
    espeak_SetParameter(espeakRATE, std::clamp(rate_wpm, min_rate_wpm, max_rate_wpm), 0);
    espeak_SetParameter(espeakVOLUME, espeak_volume, 0);
    speech.samples.reserve(static_cast<std::size_t>(speech.sample_rate) * 60);
    const auto status = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                     espeakCHARS_UTF8, nullptr, &speech.samples);
    if (status != EE_OK || espeak_Synchronize() != EE_OK)
        throw Error(_("espeak-ng failed to read the text; try again, or reinstall espeak-ng-data"));
    return speech;
}

} // namespace loa::speech
