#include "playout/item_reader.hpp"

#include "audio_files.hpp"
#include "playout/ring_buffer.hpp"

#include <catch2/catch.hpp>
#include <sndfile.h>

#include <chrono>
#include <cmath>
#include <string>
#include <vector>

using namespace loa::playout;
using namespace loa::playout::test;

namespace {

/// Everything `reader` produces, through a small ring.
std::vector<float> drain(ItemReader &reader, unsigned channels) {
    RingBuffer ring(1000, channels);
    std::vector<float> all;
    std::vector<float> block(1000 * channels);
    bool complete = false;
    while (!complete || ring.readable_frames() > 0) {
        complete = complete || reader.fill(ring);
        const std::size_t frames = ring.read(block.data(), 1000);
        all.insert(all.end(), block.begin(), block.begin() + static_cast<long>(frames * channels));
    }
    return all;
}

} // namespace

TEST_CASE("ItemReader passes a 48 kHz stereo file through bit-exactly between its fades",
          "[item_reader]") {
    TemporaryDirectory directory;
    const Pcm16 pcm = noise(48000, 2, 12345);
    write_wav(directory / "in.wav", pcm);
    ItemReader reader({directory / "in.wav", 0.0}, 48000, 2);
    const std::vector<float> out = drain(reader, 2);
    REQUIRE(out.size() == pcm.samples.size());
    const std::size_t fade = ItemReader::boundary_fade_frames(48000);
    REQUIRE(fade == 480);
    bool exact = true;
    for (std::size_t i = fade * 2; i < out.size() - fade * 2; ++i)
        exact = exact && out[i] == static_cast<float>(pcm.samples[i]) / 32768.0f;
    CHECK(exact);
    // The fades: frame k of 480 at (k+1)/481, from the start and from the end.
    for (std::size_t k = 0; k < fade; ++k) {
        const float in_gain = static_cast<float>(static_cast<double>(k + 1) / 481.0);
        const std::size_t last = out.size() / 2 - 1 - k;
        CHECK(out[k * 2] == static_cast<float>(pcm.samples[k * 2]) / 32768.0f * in_gain);
        CHECK(out[last * 2] == static_cast<float>(pcm.samples[last * 2]) / 32768.0f * in_gain);
    }
    CHECK(reader.frames_produced() == 12345);
}

TEST_CASE("ItemReader resamples mono 22050 Hz to both channels at 48 kHz", "[item_reader]") {
    TemporaryDirectory directory;
    write_wav(directory / "voice.wav", sine(22050, 1, 22050, 440.0, 0.5));
    ItemReader reader({directory / "voice.wav", 0.0}, 48000, 2);
    const std::vector<float> out = drain(reader, 2);
    CHECK(std::abs(static_cast<long>(out.size() / 2) - 48000) <= 2);
    bool same = true;
    for (std::size_t i = 0; i + 1 < out.size(); i += 2)
        same = same && out[i] == out[i + 1];
    CHECK(same);
}

TEST_CASE("ItemReader averages stereo into a mono output and applies gain", "[item_reader]") {
    TemporaryDirectory directory;
    Pcm16 pcm{48000, 2, {}};
    for (int i = 0; i < 4800; ++i) {
        pcm.samples.push_back(16384);
        pcm.samples.push_back(0);
    }
    write_wav(directory / "in.wav", pcm);
    ItemReader reader({directory / "in.wav", -6.020599913}, 48000, 1);
    const std::vector<float> out = drain(reader, 1);
    REQUIRE(out.size() == 4800);
    CHECK(out[480] == Approx(0.125f));
    CHECK(out[4799 - 480] == Approx(0.125f));
}

TEST_CASE("ItemReader starts at the item's start offset", "[item_reader]") {
    TemporaryDirectory directory;
    const Pcm16 pcm = noise(48000, 2, 48000, 5);
    write_wav(directory / "in.wav", pcm);
    PlayItem item{directory / "in.wav"};
    item.start_offset = std::chrono::milliseconds(500);
    ItemReader reader(item, 48000, 2);
    const std::vector<float> out = drain(reader, 2);
    REQUIRE(out.size() == 24000 * 2);
    // Past its fade-in, frame k is the file's frame 24000 + k.
    CHECK(out[1000 * 2] == static_cast<float>(pcm.samples[25000 * 2]) / 32768.0f);
    CHECK(out[1000 * 2] != 0.0f);
}

TEST_CASE("ItemReader downmixes a 5.1 Ogg Vorbis file by the Vorbis channel order",
          "[item_reader]") {
    // A tone on one channel of six, the rest silent. In Ogg (FL C FR SL SR LFE) channel 1
    // is the centre, heard equally left and right, and channel 5 the LFE, dropped; read in
    // WAVE's order they would be the right front and the right surround.
    TemporaryDirectory directory;
    const auto energy = [](const std::vector<float> &stereo, unsigned side) {
        double sum = 0.0;
        for (std::size_t i = side; i < stereo.size(); i += 2)
            sum += static_cast<double>(stereo[i]) * stereo[i];
        return sum;
    };
    // 32 kHz: libvorbisenc 1.3.7 leaks in its 5.1 setup at 44.1 and 48 kHz (ASan).
    const Pcm16 tone = sine(32000, 1, 32000, 1000.0, 0.5);
    for (const unsigned channel : {1u, 5u}) {
        Pcm16 pcm{32000, 6, std::vector<short>(tone.samples.size() * 6, 0)};
        for (std::size_t frame = 0; frame < tone.samples.size(); ++frame)
            pcm.samples[frame * 6 + channel] = tone.samples[frame];
        const auto file = directory / ("tone" + std::to_string(channel) + ".ogg");
        write_audio(file, pcm, SF_FORMAT_OGG | SF_FORMAT_VORBIS);
        ItemReader reader({file, 0.0}, 48000, 2);
        const std::vector<float> out = drain(reader, 2);
        REQUIRE(out.size() >= 2 * 47000);
        const double left = energy(out, 0);
        const double right = energy(out, 1);
        INFO("tone on channel " << channel << ": left " << left << ", right " << right);
        if (channel == 1) {
            CHECK(left > 100.0); // a 0.5 sine for a second, downmixed: ~1500
            CHECK(left == Approx(right).epsilon(0.02));
        } else {
            CHECK(left < 1.0);
            CHECK(right < 1.0);
        }
    }
}
