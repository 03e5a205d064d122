#pragma once
// The unattended player's decision loop.
//
// The engine runs on one thread. Each step it reads the active schedule version
// (reloading when an operator loaded a new one), expands the occurrences from
// its "settled" watermark up to just ahead of now, and handles each in time
// order: every item of an occurrence ends with exactly one outcome row —
// played (completed, interrupted, failed), missed (too late for the slot's
// `late` policy), or skipped (quiet hours). The play log's unique index, not
// only this code, refuses a second outcome for the same item. Between events the
// engine sleeps on absolute wall-clock time until the next occurrence's pre-roll
// (at most one second, so a newly loaded schedule is seen within a second).
// Only the Clock it is given tells it the time.
#include "core/clock.hpp"
#include "core/time_zone.hpp"
#include "schedule/schedule.hpp"
#include "station/station_config.hpp"

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace loa::library {
class Library;
}
namespace loa::playlog {
class PlayLog;
}
namespace loa::playout {
class Player;
}
namespace loa::station {
class ScheduleStore;
}

namespace loa::engine {

struct EngineSettings {
    TimeZone zone;
    std::optional<station::QuietHours> quiet_hours;
    /// Every announcement is played at this loudness (station.toml), boosted at most
    /// max_boost_db and never above -1 dBTP true peak (playout::loudness_gain_db).
    double loudness_target_lufs = -16.0;
    double max_boost_db = 12.0;
    /// How long before an instant the engine wakes to open and pre-fill the item.
    std::chrono::milliseconds preroll{1500};
    /// How far back, at most, occurrences are examined after a start or a reload.
    std::chrono::hours lookback{24 * 7};
};

class Engine {
public:
    /// Every reference must outlive the engine.
    Engine(Clock &clock, station::ScheduleStore &schedules, library::Library &library,
           playlog::PlayLog &log, playout::Player &player, EngineSettings settings);

    /// Human-readable progress lines ("06:15:00 playing ..."), for the console.
    /// Set before run(). Called on the engine thread.
    void on_message(std::function<void(std::string_view)> callback) { m_say = std::move(callback); }

    /// Finalises rows a crash left `started`, then loops until stop(). Engine thread.
    void run();

    /// Handles everything due now and returns when the engine next has work.
    /// Engine thread; run() calls it in a loop, tests call it directly.
    TimePoint step();

    /// Any thread: ends the current play as interrupted and makes run() return.
    void stop() noexcept;

private:
    void reload_if_changed(TimePoint now);
    void handle(const schedule::Occurrence &occurrence);
    /// Plays one item; returns when its last sample has left the device.
    TimePoint play_item(const schedule::Occurrence &occurrence, std::size_t position,
                        TimePoint planned_start);
    void say(const std::string &message) const;

    Clock &m_clock;
    station::ScheduleStore &m_schedules;
    library::Library &m_library;
    playlog::PlayLog &m_log;
    playout::Player &m_player;
    EngineSettings m_settings;
    std::function<void(std::string_view)> m_say;

    // Engine thread only.
    long long m_schedule_version = 0;
    std::optional<schedule::Schedule> m_schedule;
    std::string m_schedule_sha256;
    TimePoint m_settled_until{}; ///< Every occurrence before this instant has been handled.

    std::atomic<bool> m_stopping{false};
};

} // namespace loa::engine
