#include "common/temp_dir.hpp"

#include <sndfile.h>

#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

namespace loa::test {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "loa-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
        throw std::runtime_error("mkdtemp failed");
    m_path = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

std::filesystem::path sample_audio(const char *name) {
    return std::filesystem::path(LOA_SOURCE_DIR) / "audio" / name;
}

void write_tone(const std::filesystem::path &path, int rate, int channels, double seconds,
                double hz) {
    SF_INFO info{};
    info.samplerate = rate;
    info.channels = channels;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    SNDFILE *file = sf_open(path.c_str(), SFM_WRITE, &info);
    if (!file)
        throw std::runtime_error("cannot write " + path.string());
    const auto frames = static_cast<std::size_t>(seconds * rate);
    std::vector<short> samples(frames * static_cast<std::size_t>(channels));
    for (std::size_t i = 0; i < frames; ++i)
        for (int c = 0; c < channels; ++c)
            samples[i * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)] =
                static_cast<short>(10000 * std::sin(2 * M_PI * hz * static_cast<double>(i) / rate));
    sf_writef_short(file, samples.data(), static_cast<sf_count_t>(frames));
    sf_close(file);
}

} // namespace loa::test
