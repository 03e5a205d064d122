// Every format, rate, channel count and sample format the library promises to read,
// generated here with libsndfile, measured by import and checked against the
// signal that was written (and against ffmpeg's ebur128, when ffmpeg is there).
#include "common/temp_dir.hpp"
#include "generated_audio.hpp"
#include "library/audio_probe.hpp"

#include <sndfile.h>

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

namespace {

struct Format {
    const char *name;
    int format;
    bool lossless; ///< Frame count exact to the sample.
};

const Format formats[] = {
    {"wav-u8", SF_FORMAT_WAV | SF_FORMAT_PCM_U8, true},
    {"wav-16", SF_FORMAT_WAV | SF_FORMAT_PCM_16, true},
    {"wav-24", SF_FORMAT_WAV | SF_FORMAT_PCM_24, true},
    {"wav-32", SF_FORMAT_WAV | SF_FORMAT_PCM_32, true},
    {"wav-float", SF_FORMAT_WAV | SF_FORMAT_FLOAT, true},
    {"wav-double", SF_FORMAT_WAV | SF_FORMAT_DOUBLE, true},
    {"wav-alaw", SF_FORMAT_WAV | SF_FORMAT_ALAW, true},
    {"wav-ulaw", SF_FORMAT_WAV | SF_FORMAT_ULAW, true},
    {"flac-16", SF_FORMAT_FLAC | SF_FORMAT_PCM_16, true},
    {"flac-24", SF_FORMAT_FLAC | SF_FORMAT_PCM_24, true},
    {"vorbis", SF_FORMAT_OGG | SF_FORMAT_VORBIS, false},
    {"opus", SF_FORMAT_OGG | SF_FORMAT_OPUS, false},
    {"mp3", SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III, false},
};

std::string extension(int format) {
    switch (format & SF_FORMAT_TYPEMASK) {
    case SF_FORMAT_FLAC:
        return ".flac";
    case SF_FORMAT_OGG:
        return (format & SF_FORMAT_SUBMASK) == SF_FORMAT_OPUS ? ".opus" : ".ogg";
    case SF_FORMAT_MPEG:
        return ".mp3";
    default:
        return ".wav";
    }
}

/// Opus encodes at 8, 12, 16, 24 or 48 kHz only; MP3 at MPEG's rates up to 48 kHz.
bool codec_takes_rate(int format, int rate) {
    if ((format & SF_FORMAT_SUBMASK) == SF_FORMAT_OPUS)
        return rate == 8000 || rate == 12000 || rate == 16000 || rate == 24000 || rate == 48000;
    if ((format & SF_FORMAT_TYPEMASK) == SF_FORMAT_MPEG)
        return rate <= 48000;
    return true;
}

} // namespace

TEST_CASE("every format, rate and channel count imports with exact length and level") {
    loa::test::TempDir dir;
    const auto [rate, channels] = GENERATE(table<int, int>({{8000, 1},
                                                            {11025, 2},
                                                            {16000, 1},
                                                            {22050, 2},
                                                            {44100, 2},
                                                            {48000, 6},
                                                            {96000, 8},
                                                            {192000, 1},
                                                            {48000, 3},
                                                            {32000, 4},
                                                            {32000, 6},
                                                            {24000, 5},
                                                            {44100, 7}}));
    const std::int64_t frames = rate * 3 + 17; // Not a whole block, not a whole second.
    const double amplitude = 0.25;             // -12 dBFS.
    for (const auto &format : formats) {
        if (!codec_takes_rate(format.format, rate))
            continue;
        if ((format.format & SF_FORMAT_TYPEMASK) == SF_FORMAT_MPEG && channels > 2)
            continue; // MP3 has no more than two channels.
        if ((format.format & SF_FORMAT_SUBMASK) == SF_FORMAT_VORBIS && channels == 6 &&
            rate >= 44100)
            continue; // libvorbisenc 1.3.7 leaks in its 5.1 setup at these rates (ASan); 32 kHz is
                      // tested.
        const auto file = dir / (std::string(format.name) + "-" + std::to_string(rate) + "-" +
                                 std::to_string(channels) + extension(format.format));
        INFO(file.filename().string());
        const bool written = loa::test::write_audio(file, format.format, rate, channels, frames,
                                                    loa::test::sine(rate, 997.0, amplitude));
        // Debian 12's libsndfile writes every format here (MP3 and Opus too), and no
        // case has more than 8 channels: a file it cannot write fails the test (the
        // other formats are still tried, so one run names every one it cannot write).
        if (!written) {
            FAIL_CHECK(loa::test::sndfile_cannot_write(file));
            continue;
        }
        const auto audio = loa::library::probe_audio(file);
        CHECK(audio.sample_rate == rate);
        CHECK(audio.channels == channels);
        if (format.lossless)
            CHECK(audio.frames == frames);
        else
            CHECK(std::abs(audio.frames - frames) < rate / 10 + 2048);
        REQUIRE(audio.levels.sample_peak_dbfs);
        if (format.lossless) // Lossy codecs at low bit rates move peaks by dBs.
            CHECK(std::abs(*audio.levels.sample_peak_dbfs - 20 * std::log10(amplitude)) < 0.3);
        REQUIRE(audio.levels.true_peak_dbtp);
        CHECK(*audio.levels.true_peak_dbtp >= *audio.levels.sample_peak_dbfs - 0.01);
        CHECK_FALSE(audio.levels.silent);
        CHECK(audio.levels.leading_silence_frames < rate / 100 + 1024);
        REQUIRE(audio.levels.loudness_lufs);
        // For a WAV of 3 or 4 channels without a channel mask ffmpeg guesses 2.1 and
        // 4.0; loa takes L R C and quad (WAVE's defaults, FLAC's order). Compare the rest.
        if ((format.format & SF_FORMAT_TYPEMASK) != SF_FORMAT_WAV ||
            (channels != 3 && channels != 4)) {
            if (const auto reference = loa::test::ffmpeg_loudness(file))
                CHECK(std::abs(*audio.levels.loudness_lufs - *reference) <= 0.1);
        }
    }
}

TEST_CASE("EBU's reference: a 1 kHz stereo sine at -23 dBFS measures -23.0 LUFS") {
    loa::test::TempDir dir;
    const int rate = GENERATE(44100, 48000);
    const auto file = dir / "ebu-1k.wav";
    REQUIRE(loa::test::write_audio(file, SF_FORMAT_WAV | SF_FORMAT_FLOAT, rate, 2, rate * 20,
                                   loa::test::sine(rate, 1000.0, std::pow(10.0, -23.0 / 20.0))));
    const auto audio = loa::library::probe_audio(file);
    REQUIRE(audio.levels.loudness_lufs);
    CHECK(*audio.levels.loudness_lufs == Approx(-23.0).margin(0.1));
    CHECK(*audio.levels.true_peak_dbtp == Approx(-23.0).margin(0.1));
}

TEST_CASE("silence at either end is measured to the sample") {
    loa::test::TempDir dir;
    const int rate = 48000;
    const auto tone = loa::test::sine(rate, 440.0, 0.5);
    const auto file = dir / "gaps.flac";
    REQUIRE(loa::test::write_audio(file, SF_FORMAT_FLAC | SF_FORMAT_PCM_16, rate, 2, rate * 4,
                                   [&](std::int64_t frame, int channel) {
                                       return frame >= rate && frame < rate * 3
                                                  ? tone(frame - rate + 12, channel)
                                                  : 0.0f;
                                   }));
    const auto audio = loa::library::probe_audio(file);
    CHECK(audio.frames_to_ms(audio.levels.leading_silence_frames) == 1000);
    CHECK(audio.frames_to_ms(audio.levels.trailing_silence_frames) == 1000);
    CHECK_FALSE(audio.levels.silent);
}

TEST_CASE("a file that is silence from start to end has no loudness and is marked silent") {
    loa::test::TempDir dir;
    const auto file = dir / "silence.wav";
    REQUIRE(loa::test::write_audio(file, SF_FORMAT_WAV | SF_FORMAT_PCM_16, 16000, 1, 16000 * 5,
                                   [](std::int64_t, int) { return 0.0f; }));
    const auto audio = loa::library::probe_audio(file);
    CHECK(audio.levels.silent);
    CHECK_FALSE(audio.levels.loudness_lufs);
    CHECK_FALSE(audio.levels.sample_peak_dbfs);
    CHECK(audio.levels.leading_silence_frames == 16000 * 5);
}
