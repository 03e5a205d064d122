#include "core/channel_layout.hpp"

#include <array>
#include <vector>

namespace loa {
namespace {

using enum Speaker;
using Layout = std::vector<Speaker>;

const std::array<Layout, 9> wave_layouts{{
    {},
    {centre},
    {front_left, front_right},
    {front_left, front_right, centre},
    {front_left, front_right, side_left, side_right},
    {front_left, front_right, centre, side_left, side_right},
    {front_left, front_right, centre, lfe, side_left, side_right},
    {front_left, front_right, centre, lfe, back_centre, side_left, side_right},
    {front_left, front_right, centre, lfe, back_left, back_right, side_left, side_right},
}};

const std::array<Layout, 9> vorbis_layouts{{
    {},
    {centre},
    {front_left, front_right},
    {front_left, centre, front_right},
    {front_left, front_right, side_left, side_right},
    {front_left, centre, front_right, side_left, side_right},
    {front_left, centre, front_right, side_left, side_right, lfe},
    {front_left, centre, front_right, side_left, side_right, back_centre, lfe},
    {front_left, centre, front_right, side_left, side_right, back_left, back_right, lfe},
}};

} // namespace

std::span<const Speaker> speakers(ChannelOrder order, unsigned channels) noexcept {
    if (channels >= wave_layouts.size())
        return {};
    return order == ChannelOrder::vorbis ? vorbis_layouts[channels] : wave_layouts[channels];
}

} // namespace loa
