#include "library/audio_probe.hpp"

#include "core/error.hpp"

#include <sndfile.h>

#include <memory>
#include <vector>

namespace loa::library {
namespace {

struct SndfileCloser {
    void operator()(SNDFILE *file) const noexcept { sf_close(file); }
};

std::string format_name(int format) {
    SF_FORMAT_INFO major{};
    major.format = format & SF_FORMAT_TYPEMASK;
    SF_FORMAT_INFO sub{};
    sub.format = format & SF_FORMAT_SUBMASK;
    std::string name = sf_command(nullptr, SFC_GET_FORMAT_INFO, &major, sizeof major) == 0 && major.name
                           ? major.name
                           : "unknown";
    if (sf_command(nullptr, SFC_GET_FORMAT_INFO, &sub, sizeof sub) == 0 && sub.name)
        name += std::string(", ") + sub.name;
    return name;
}

} // namespace

std::int64_t AudioInfo::duration_ms() const noexcept {
    return sample_rate > 0 ? frames * 1000 / sample_rate : 0;
}

AudioInfo probe_audio(const std::filesystem::path &path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw InputError(quote(path) + ": no such file; check the name and folder");
    if (std::filesystem::is_directory(path, ec))
        throw InputError(quote(path) + " is a folder; give the audio files inside it");
    if (std::filesystem::file_size(path, ec) == 0)
        throw InputError(quote(path) + " is empty (0 bytes); copy the recording again");
    SF_INFO info{};
    std::unique_ptr<SNDFILE, SndfileCloser> file(sf_open(path.c_str(), SFM_READ, &info));
    if (!file)
        throw InputError(quote(path) + " is not audio that loa can read (" + sf_strerror(nullptr) +
                         "); convert it to WAV, FLAC, OGG or MP3");
    AudioInfo audio;
    audio.format = format_name(info.format);
    audio.sample_rate = info.samplerate;
    audio.channels = info.channels;
    if (info.samplerate < 8000 || info.samplerate > 192000 || info.channels < 1 || info.channels > 8)
        throw InputError(quote(path) + ": " + std::to_string(info.channels) + " channels at " +
                         std::to_string(info.samplerate) +
                         " Hz is not supported (8-192 kHz, 1-8 channels); convert the file");
    std::vector<float> block(static_cast<std::size_t>(4096 * info.channels));
    for (;;) {
        const sf_count_t got = sf_readf_float(file.get(), block.data(), 4096);
        if (got <= 0)
            break;
        audio.frames += got;
    }
    if (sf_error(file.get()) != SF_ERR_NO_ERROR)
        throw InputError(quote(path) + " is damaged (" + sf_strerror(file.get()) +
                         "); copy the recording again from its source");
    if (audio.frames == 0)
        throw InputError(quote(path) + " contains no sound (0 samples); copy the recording again");
    return audio;
}

} // namespace loa::library
