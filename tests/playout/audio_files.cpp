#include "audio_files.hpp"

#include <sndfile.h>

#include <cmath>
#include <cstdlib>
#include <numbers>
#include <stdexcept>
#include <string>

namespace loa::playout::test {

Pcm16 noise(unsigned rate, unsigned channels, std::size_t frames, std::uint32_t seed) {
    Pcm16 pcm{rate, channels, std::vector<short>(frames * channels)};
    std::uint32_t state = seed;
    for (short &sample : pcm.samples) {
        state = state * 1664525u + 1013904223u; // LCG: deterministic on every platform
        sample = static_cast<short>(static_cast<std::int32_t>(state >> 16) - 32768);
    }
    if (pcm.samples.size() >= 2) {
        pcm.samples[0] = -32768;
        pcm.samples[1] = 32767;
    }
    return pcm;
}

Pcm16 sine(unsigned rate, unsigned channels, std::size_t frames, double frequency,
           double amplitude) {
    Pcm16 pcm{rate, channels, std::vector<short>(frames * channels)};
    for (std::size_t frame = 0; frame < frames; ++frame) {
        const double value = amplitude * std::sin(2.0 * std::numbers::pi * frequency *
                                                  static_cast<double>(frame) / rate);
        for (unsigned channel = 0; channel < channels; ++channel)
            pcm.samples[frame * channels + channel] =
                static_cast<short>(std::lround(value * 32767.0));
    }
    return pcm;
}

void write_wav(const std::filesystem::path &path, const Pcm16 &pcm) {
    write_audio(path, pcm, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
}

void write_audio(const std::filesystem::path &path, const Pcm16 &pcm, int format) {
    SF_INFO info{};
    info.samplerate = static_cast<int>(pcm.rate);
    info.channels = static_cast<int>(pcm.channels);
    info.format = format;
    SNDFILE *file = sf_open(path.c_str(), SFM_WRITE, &info);
    if (!file)
        throw std::runtime_error("cannot write " + path.string() + ": " + sf_strerror(nullptr));
    const auto frames = static_cast<sf_count_t>(pcm.frames());
    const sf_count_t written = sf_writef_short(file, pcm.samples.data(), frames);
    sf_close(file);
    if (written != frames)
        throw std::runtime_error("short write to " + path.string());
}

Pcm16 read_wav(const std::filesystem::path &path) {
    SF_INFO info{};
    SNDFILE *file = sf_open(path.c_str(), SFM_READ, &info);
    if (!file)
        throw std::runtime_error("cannot read " + path.string() + ": " + sf_strerror(nullptr));
    Pcm16 pcm{static_cast<unsigned>(info.samplerate), static_cast<unsigned>(info.channels),
              std::vector<short>(static_cast<std::size_t>(info.frames * info.channels))};
    const sf_count_t read = sf_readf_short(file, pcm.samples.data(), info.frames);
    sf_close(file);
    pcm.samples.resize(static_cast<std::size_t>(read * info.channels));
    return pcm;
}

} // namespace loa::playout::test
