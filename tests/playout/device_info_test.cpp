#include "playout/device_info.hpp"

#include "core/clock.hpp"
#include "core/error.hpp"
#include "playout/player.hpp"

#include <catch2/catch.hpp>

using loa::Error;
using namespace loa::playout;

namespace {

const std::vector<DeviceInfo> k_devices{
    {0, "HDA Intel PCH: ALC887-VD Analog (hw:0,0)", "ALSA", 2, 44100.0, false},
    {3, "USB Audio Device: - (hw:1,0)", "ALSA", 2, 48000.0, false},
    {7, "default", "ALSA", 128, 44100.0, true},
    {9, "system", "JACK Audio Connection Kit", 2, 48000.0, false},
};

} // namespace

TEST_CASE("select_device finds the default, an index, a name or part of one", "[devices]") {
    CHECK(select_device(k_devices, "default").index == 7);
    CHECK(select_device(k_devices, "").index == 7);
    CHECK(select_device(k_devices, "3").index == 3);
    CHECK(select_device(k_devices, "usb").index == 3);
    CHECK(select_device(k_devices, "SYSTEM").index == 9);
    CHECK(select_device(k_devices, "ALC887").index == 0);
}

TEST_CASE("select_device explains what it cannot find", "[devices]") {
    CHECK_THROWS_WITH(select_device(k_devices, "Behringer"),
                      "sound device 'Behringer' not found; `loa devices` lists them");
    CHECK_THROWS_WITH(select_device(k_devices, "5"), Catch::Contains("not found"));
    CHECK_THROWS_WITH(select_device(k_devices, "hw:"), Catch::Contains("ambiguous") &&
                                                           Catch::Contains("(hw:0,0)") &&
                                                           Catch::Contains("(hw:1,0)"));
    CHECK_THROWS_WITH(select_device({}, "default"), Catch::StartsWith("no sound device found: "));
    std::vector<DeviceInfo> no_default(k_devices.begin(), k_devices.begin() + 2);
    CHECK_THROWS_WITH(select_device(no_default, "default"),
                      Catch::StartsWith("no sound device found: "));
}

TEST_CASE("list_devices lists only output devices, quietly", "[devices][portaudio]") {
    const std::vector<DeviceInfo> devices = list_devices();
    for (const DeviceInfo &device : devices) {
        CHECK(device.max_output_channels > 0);
        CHECK(device.default_rate > 0.0);
    }
}

TEST_CASE("Player refuses a sound device that is not there", "[devices][portaudio]") {
    loa::SystemClock clock;
    CHECK_THROWS_AS(Player({OutputSpec::Kind::device, "no such card 4711"}, clock), Error);
    CHECK_THROWS_WITH(Player({OutputSpec::Kind::device, "no such card 4711"}, clock),
                      Catch::StartsWith("sound device 'no such card 4711' not found"));
}
