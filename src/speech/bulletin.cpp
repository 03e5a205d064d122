#include "speech/bulletin.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "speech/espeak_voice.hpp"
#include "speech/external_voice.hpp"
#include "speech/levelling.hpp"
#include "speech/normalise.hpp"

namespace loa::speech {

Bulletin make_bulletin(const BulletinRequest &request) {
    check_voice(request.voice);
    NormaliseOptions options;
    options.dialect = request.voice == "vi-VN-x-south" ? Dialect::south : Dialect::north;
    options.times = request.times;
    Bulletin bulletin;
    bulletin.spoken = normalise(request.text, options);
    if (bulletin.spoken.empty())
        throw InputError(_("the text has nothing to read aloud; write the notice in words"));
    if (request.command) {
        auto external =
            speak_with_command(*request.command, bulletin.spoken, request.timeout, request.scratch);
        if (external.speech && !external.speech->samples.empty())
            bulletin.speech = std::move(*external.speech);
        else
            bulletin.problem =
                i18n::format(_("the [tts] command {1} failed: {2}; espeak-ng read the notice "
                               "instead (check the command in station.toml)"),
                             quote(*request.command), external.problem);
    }
    if (bulletin.speech.samples.empty())
        bulletin.speech = speak_with_espeak(bulletin.spoken, request.voice, request.rate_wpm);
    level_speech(bulletin.speech, request.target_lufs);
    return bulletin;
}

} // namespace loa::speech
