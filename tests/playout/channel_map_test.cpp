#include "playout/channel_map.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using loa::playout::ChannelMap;

TEST_CASE("ChannelMap sends mono to every output channel", "[channel_map]") {
    ChannelMap map(1, 2);
    const std::vector<float> in{0.25f, -0.5f};
    const auto out = map.process(in);
    CHECK(std::vector<float>(out.begin(), out.end()) ==
          std::vector<float>{0.25f, 0.25f, -0.5f, -0.5f});
}

TEST_CASE("ChannelMap passes equal channel counts through untouched", "[channel_map]") {
    ChannelMap map(2, 2);
    CHECK(map.identity());
    const std::vector<float> in{0.1f, 0.2f, 0.3f, 0.4f};
    const auto out = map.process(in);
    CHECK(out.data() == in.data());
    CHECK(out.size() == in.size());
}

TEST_CASE("ChannelMap averages stereo into a mono card", "[channel_map]") {
    ChannelMap map(2, 1);
    const std::vector<float> in{1.0f, 0.0f, 0.5f, -0.5f, -1.0f, -1.0f};
    const auto out = map.process(in);
    CHECK(std::vector<float>(out.begin(), out.end()) == std::vector<float>{0.5f, 0.0f, -1.0f});
}

TEST_CASE("ChannelMap downmixes 5.1 by the documented matrix", "[channel_map]") {
    // One frame per input channel, each with only that channel at full scale: the
    // output is the matrix's column. L R C LFE Ls Rs; a = -3 dB; rows sum to 1 + 2a.
    const double a = std::sqrt(0.5);
    const double norm = 1.0 + 2.0 * a;
    std::vector<float> in(6 * 6, 0.0f);
    for (int channel = 0; channel < 6; ++channel)
        in[static_cast<std::size_t>(channel * 6 + channel)] = 1.0f;
    const std::vector<double> left{1 / norm, 0, a / norm, 0, a / norm, 0};
    const std::vector<double> right{0, 1 / norm, a / norm, 0, 0, a / norm};

    ChannelMap to_stereo(6, 2);
    const auto stereo = to_stereo.process(in);
    REQUIRE(stereo.size() == 12);
    for (std::size_t channel = 0; channel < 6; ++channel) {
        CHECK(stereo[channel * 2] == Approx(left[channel]).margin(1e-7));
        CHECK(stereo[channel * 2 + 1] == Approx(right[channel]).margin(1e-7));
    }

    ChannelMap to_mono(6, 1);
    std::vector<float> mono(6);
    to_mono.apply(in.data(), 6, mono.data());
    for (std::size_t channel = 0; channel < 6; ++channel)
        CHECK(mono[channel] == Approx((left[channel] + right[channel]) / 2).margin(1e-7));

    // Full scale on every channel stays within full scale: a downmix never clips.
    const std::vector<float> loud(6, 1.0f);
    const auto sum = to_stereo.process(loud);
    CHECK(sum[0] == Approx(1.0f).margin(1e-6));
    CHECK(sum[1] == Approx(1.0f).margin(1e-6));
}

TEST_CASE("ChannelMap reads an Ogg file's 5.1 in the Vorbis order", "[channel_map]") {
    // FL C FR SL SR LFE: the same matrix as WAVE's L R C LFE Ls Rs, its columns moved.
    const double a = std::sqrt(0.5);
    const double norm = 1.0 + 2.0 * a;
    std::vector<float> in(6 * 6, 0.0f);
    for (int channel = 0; channel < 6; ++channel)
        in[static_cast<std::size_t>(channel * 6 + channel)] = 1.0f;
    const std::vector<double> left{1 / norm, a / norm, 0, a / norm, 0, 0};
    const std::vector<double> right{0, a / norm, 1 / norm, 0, a / norm, 0};

    ChannelMap map(6, 2, loa::ChannelOrder::vorbis);
    const auto stereo = map.process(in);
    REQUIRE(stereo.size() == 12);
    for (std::size_t channel = 0; channel < 6; ++channel) {
        INFO("input channel " << channel);
        CHECK(stereo[channel * 2] == Approx(left[channel]).margin(1e-7));
        CHECK(stereo[channel * 2 + 1] == Approx(right[channel]).margin(1e-7));
    }
}

TEST_CASE("ChannelMap downmixes 3 to 8 channels, every row normalised", "[channel_map]") {
    for (unsigned from = 3; from <= 8; ++from) {
        ChannelMap map(from, 2);
        const std::vector<float> loud(from, 1.0f);
        const auto out = map.process(loud);
        INFO(from << " channels");
        CHECK(out[0] == Approx(1.0f).margin(1e-6));
        CHECK(out[1] == Approx(1.0f).margin(1e-6));
        // The front left channel reaches only the left output, and the right only the right.
        std::vector<float> front_left(from, 0.0f);
        front_left[0] = 1.0f;
        const auto only_left = map.process(front_left);
        CHECK(only_left[0] > 0.3f);
        CHECK(only_left[1] == 0.0f);
    }
}
