#include "generated_audio.hpp"

#include <sndfile.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace loa::test {

Signal sine(int rate, double hz, double amplitude) {
    return [=](std::int64_t frame, int) {
        return static_cast<float>(amplitude *
                                  std::sin(2 * M_PI * hz * static_cast<double>(frame) / rate));
    };
}

bool write_audio(const std::filesystem::path &path, int format, int rate, int channels,
                 std::int64_t frames, const Signal &signal) {
    SF_INFO info{};
    info.samplerate = rate;
    info.channels = channels;
    info.format = format;
    if (!sf_format_check(&info))
        return false;
    SNDFILE *file = sf_open(path.c_str(), SFM_WRITE, &info);
    if (!file)
        return false;
    constexpr std::int64_t block = 4096;
    std::vector<float> samples(static_cast<std::size_t>(block * channels));
    for (std::int64_t at = 0; at < frames; at += block) {
        const std::int64_t count = std::min(block, frames - at);
        for (std::int64_t i = 0; i < count; ++i)
            for (int c = 0; c < channels; ++c)
                samples[static_cast<std::size_t>(i * channels + c)] = signal(at + i, c);
        sf_writef_float(file, samples.data(), count);
    }
    return sf_close(file) == 0;
}

std::string sndfile_cannot_write(const std::filesystem::path &path) {
    return std::string(sf_version_string()) + " cannot write " + path.filename().string() +
           ": the library tests need libsndfile 1.1 or later built with MP3 (LAME, mpg123) "
           "and Opus, as Debian 12's libsndfile1 1.2 is";
}

std::optional<double> ffmpeg_loudness(const std::filesystem::path &path) {
    // The per-frame metadata carries the integrated figure with full precision; the
    // last one printed is the whole file's.
    const std::string command =
        "ffmpeg -nostdin -hide_banner -nostats -i '" + path.string() +
        "' -af ebur128=metadata=1,ametadata=mode=print:key=lavfi.r128.I:file=- "
        "-f null - 2>/dev/null | grep -o 'lavfi.r128.I=.*' | tail -n 1";
    std::unique_ptr<FILE, int (*)(FILE *)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe)
        return std::nullopt;
    char line[256] = {};
    if (!std::fgets(line, sizeof line, pipe.get()))
        return std::nullopt;
    return std::stod(std::string(line).substr(std::string("lavfi.r128.I=").size()));
}

} // namespace loa::test
