#include "playout/device_info.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "playout/port_audio_session.hpp"

#include <portaudio.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace loa::playout {
namespace {

std::string lower(std::string_view text) {
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return result;
}

[[noreturn]] void not_found(std::string_view target) {
    throw Error(i18n::format(_("sound device '{1}' not found; `loa devices` lists them"), target));
}

} // namespace

std::vector<DeviceInfo> list_devices() {
    PortAudioSession session;
    std::lock_guard lock(PortAudioSession::mutex());
    std::vector<DeviceInfo> devices;
    const PaDeviceIndex default_index = Pa_GetDefaultOutputDevice();
    const PaDeviceIndex count = Pa_GetDeviceCount();
    for (PaDeviceIndex index = 0; index < count; ++index) {
        const PaDeviceInfo *info = Pa_GetDeviceInfo(index);
        if (!info || info->maxOutputChannels <= 0)
            continue;
        const PaHostApiInfo *api = Pa_GetHostApiInfo(info->hostApi);
        devices.push_back({index, info->name, api ? api->name : "", info->maxOutputChannels,
                           info->defaultSampleRate, index == default_index});
    }
    return devices;
}

const DeviceInfo &select_device(const std::vector<DeviceInfo> &devices, std::string_view target) {
    if (devices.empty())
        throw Error(i18n::format(_("{1}: the sound system lists no output device at all; check "
                                   "that the sound card is connected and that this user may use "
                                   "it (group 'audio')"),
                                 target.empty() || target == "default"
                                     ? std::string(_("no sound device found"))
                                     : i18n::format(_("sound device '{1}' not found"), target)));

    if (target.empty() || target == "default") {
        const auto found = std::find_if(devices.begin(), devices.end(),
                                        [](const DeviceInfo &device) { return device.is_default; });
        if (found == devices.end())
            throw Error(_("no sound device found: there is no default output device; name one "
                          "from `loa devices` in station.toml's [output] device"));
        return *found;
    }

    int index = -1;
    const auto [end, error] = std::from_chars(target.data(), target.data() + target.size(), index);
    if (error == std::errc() && end == target.data() + target.size()) {
        const auto found =
            std::find_if(devices.begin(), devices.end(),
                         [index](const auto &device) { return device.index == index; });
        if (found == devices.end())
            not_found(target);
        return *found;
    }

    const std::string wanted = lower(target);
    std::vector<const DeviceInfo *> matches;
    for (const DeviceInfo &device : devices) {
        const std::string name = lower(device.name);
        if (name == wanted)
            return device;
        if (name.find(wanted) != std::string::npos)
            matches.push_back(&device);
    }
    if (matches.empty())
        not_found(target);
    if (matches.size() > 1) {
        std::string names;
        for (const DeviceInfo *device : matches)
            names += (names.empty() ? "'" : ", '") + device->name + "' (" +
                     std::to_string(device->index) + ")";
        throw Error(i18n::format(_("sound device '{1}' is ambiguous: it matches {2}; give more of "
                                   "the name or the index"),
                                 target, names));
    }
    return *matches.front();
}

} // namespace loa::playout
