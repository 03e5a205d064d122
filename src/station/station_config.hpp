#pragma once
// station.toml: who the station is and how it plays. Read strictly: an unknown
// key or a wrong type is an error naming the file, line and column.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace loa::station {

struct QuietHours {
    std::chrono::seconds begin{22 * 3600}; ///< Station-local time of day.
    std::chrono::seconds end{5 * 3600};    ///< May be earlier than begin (spans midnight).
    /// True when `time_of_day` falls inside [begin, end).
    bool contains(std::chrono::seconds time_of_day) const noexcept;
};

/// [tts]: how typed notices (loa say) are read aloud.
struct TtsSettings {
    /// A program that reads the text on its standard input and writes a WAV on its
    /// standard output, used instead of espeak-ng; none: espeak-ng reads.
    std::optional<std::string> command;
    int timeout_seconds = 30;     ///< The longest the command may take.
    bool repeat_emergency = true; ///< An emergency notice is said twice.
};

struct StationConfig {
    std::string code;
    std::string name;
    std::string timezone = "Asia/Ho_Chi_Minh";
    std::string reports_to;
    /// What the player writes (console, log reasons, answers): "vi" or "en"; empty
    /// when station.toml has no `language`, and the environment's locale decides.
    std::string language;

    std::string output_device = "default";
    double loudness_target_lufs = -16.0;
    double max_boost_db = 12.0;
    std::optional<QuietHours> quiet_hours = QuietHours{};
    int max_session_minutes = 45;
    TtsSettings tts;
};

/// Reads and validates station.toml. Throws InputError "FILE:LINE:COL: message", or
/// "cannot read FILE: why" when it is missing, a folder, not a file or unreadable.
StationConfig load_station_config(const std::filesystem::path &path);

/// Validates the text of a station.toml; `path` names it in messages. Every setting
/// must be within its range (loudness -40..-5 LUFS, boost 0..30 dB, session 1..1440
/// minutes, quiet hours with different start and end, a [tts] command
/// that is not empty, its timeout 1..600 s). Throws InputError.
StationConfig parse_station_config(std::string_view text, const std::filesystem::path &path);

/// The text of a new station.toml, every key commented for the operator.
std::string render_station_config(const StationConfig &config);

} // namespace loa::station
