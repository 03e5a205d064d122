#include "speech/wav_file.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

#include <sndfile.h>

#include <memory>

namespace loa::speech {
namespace {

struct CloseFile {
    void operator()(SNDFILE *file) const noexcept { sf_close(file); }
};
using File = std::unique_ptr<SNDFILE, CloseFile>;

} // namespace

void write_wav(const std::filesystem::path &path, const Speech &speech) {
    SF_INFO info{};
    info.samplerate = speech.sample_rate;
    info.channels = 1;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    const File file(sf_open(path.c_str(), SFM_WRITE, &info));
    if (!file)
        throw Error(i18n::format(_("cannot write {1}: {2}"), quote(path), sf_strerror(nullptr)));
    const auto frames = static_cast<sf_count_t>(speech.samples.size());
    if (sf_writef_float(file.get(), speech.samples.data(), frames) != frames)
        throw Error(i18n::format(_("cannot write {1}: {2}"), quote(path), sf_strerror(file.get())));
}

WavReading read_wav(const std::filesystem::path &path) {
    SF_INFO info{};
    const File file(sf_open(path.c_str(), SFM_READ, &info));
    if (!file)
        return {std::nullopt, _("it wrote no WAV on its standard output")};
    if (info.frames <= 0 || info.channels <= 0)
        return {std::nullopt, _("its WAV holds no sound")};
    std::vector<float> frames(static_cast<std::size_t>(info.frames) *
                              static_cast<std::size_t>(info.channels));
    const sf_count_t got = sf_readf_float(file.get(), frames.data(), info.frames);
    if (got <= 0)
        return {std::nullopt, _("its WAV is damaged")};
    Speech speech;
    speech.sample_rate = info.samplerate;
    speech.samples.resize(static_cast<std::size_t>(got));
    for (std::size_t i = 0; i < speech.samples.size(); ++i) {
        float sum = 0.0f;
        for (int c = 0; c < info.channels; ++c)
            sum +=
                frames[i * static_cast<std::size_t>(info.channels) + static_cast<std::size_t>(c)];
        speech.samples[i] = sum / static_cast<float>(info.channels);
    }
    return {std::move(speech), {}};
}

} // namespace loa::speech
