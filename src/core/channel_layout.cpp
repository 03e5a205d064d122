#include "core/channel_layout.hpp"

#include <sndfile.h>

#include <array>

namespace loa {
namespace {

using enum Speaker;
/// Row n: the n speakers of an n-channel file (the rest of the row unused).
using Layouts = std::array<std::array<Speaker, 8>, 9>;

constexpr Layouts wave_layouts{{
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

constexpr Layouts vorbis_layouts{{
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

ChannelOrder channel_order_of(int sndfile_format) noexcept {
    return (sndfile_format & SF_FORMAT_TYPEMASK) == SF_FORMAT_OGG ? ChannelOrder::vorbis
                                                                  : ChannelOrder::wave;
}

std::span<const Speaker> speakers(ChannelOrder order, unsigned channels) noexcept {
    if (channels >= wave_layouts.size())
        return {};
    const Layouts &layouts = order == ChannelOrder::vorbis ? vorbis_layouts : wave_layouts;
    return {layouts[channels].data(), channels};
}

} // namespace loa
