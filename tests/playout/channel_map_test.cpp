#include "playout/channel_map.hpp"

#include <catch2/catch.hpp>

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

TEST_CASE("ChannelMap keeps the first two of more channels", "[channel_map]") {
    ChannelMap to_stereo(6, 2);
    const std::vector<float> in{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    const auto stereo = to_stereo.process(in);
    CHECK(std::vector<float>(stereo.begin(), stereo.end()) == std::vector<float>{1, 2, 7, 8});

    ChannelMap to_mono(6, 1);
    std::vector<float> mono(2);
    to_mono.apply(in.data(), 2, mono.data());
    CHECK(mono == std::vector<float>{1.5f, 7.5f});
}
