// libFuzzer target: any bytes as a station.toml. It must be accepted or refused
// with an InputError naming the file; no input may crash, hang or trip a
// sanitizer (issue 18: a deeply dotted header overflowed toml++'s stack), and
// what is accepted must be within the documented ranges.
#include "core/error.hpp"
#include "station/station_config.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

void require(bool condition) {
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    loa::station::StationConfig config;
    try {
        config = loa::station::parse_station_config(text, "station.toml");
    } catch (const loa::InputError &error) {
        require(std::string_view(error.what()).find("station.toml") != std::string_view::npos);
        return 0;
    }
    require(!config.code.empty());
    require(std::isfinite(config.loudness_target_lufs) && config.loudness_target_lufs >= -40 &&
            config.loudness_target_lufs <= -5);
    require(std::isfinite(config.max_boost_db) && config.max_boost_db >= 0 &&
            config.max_boost_db <= 30);
    require(config.max_session_minutes >= 1 && config.max_session_minutes <= 1440);
    require(!config.quiet_hours || config.quiet_hours->begin != config.quiet_hours->end);
    // What loa init would write from it reads back (throws, and so aborts, if not).
    const auto again = loa::station::parse_station_config(
        loa::station::render_station_config(config), "rendered.toml");
    require(again.code == config.code && again.name == config.name &&
            again.timezone == config.timezone && again.reports_to == config.reports_to &&
            again.output_device == config.output_device);
    return 0;
}
