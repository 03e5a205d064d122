#pragma once
// station.toml: who the station is and how it plays. Read strictly: an unknown
// key or a wrong type is an error naming the file, line and column.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace loa::station {

struct QuietHours {
    std::chrono::seconds begin{22 * 3600}; ///< Station-local time of day.
    std::chrono::seconds end{5 * 3600};    ///< May be earlier than begin (spans midnight).
    /// True when `time_of_day` falls inside [begin, end).
    bool contains(std::chrono::seconds time_of_day) const noexcept;
};

struct StationConfig {
    std::string code;
    std::string name;
    std::string timezone = "Asia/Ho_Chi_Minh";
    std::string reports_to;
    std::string output_device = "default";
    double loudness_target_lufs = -16.0;
    double max_boost_db = 12.0;
    std::optional<QuietHours> quiet_hours = QuietHours{};
    int max_session_minutes = 45;
};

/// Reads and validates station.toml. Throws InputError "FILE:LINE:COL: message".
StationConfig load_station_config(const std::filesystem::path &path);

/// The text of a new station.toml, every key commented for the operator.
std::string render_station_config(const StationConfig &config);

} // namespace loa::station
