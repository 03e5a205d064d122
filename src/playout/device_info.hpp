#pragma once
// The sound devices PortAudio can play to, and how an operator's device name picks one.
#include <string>
#include <string_view>
#include <vector>

namespace loa::playout {

struct DeviceInfo {
    int index; ///< PortAudio's device index (valid until PortAudio rescans)
    std::string name;
    std::string host_api; ///< "ALSA", "JACK Audio Connection Kit", ...
    int max_output_channels;
    double default_rate; ///< Hz; the player opens the device at this rate
    bool is_default;     ///< PortAudio's default output device
};

/// PortAudio's output devices, in its order. ALSA/JACK stderr chatter is silenced.
/// Throws Error if the sound system cannot start. Any thread.
std::vector<DeviceInfo> list_devices();

/// The device an operator's `target` names: "default" (or empty), an index, an exact
/// name, or a case-insensitive part of one name. Throws Error with an operator-readable
/// message if none or several match, or if `devices` is empty.
const DeviceInfo &select_device(const std::vector<DeviceInfo> &devices, std::string_view target);

} // namespace loa::playout
