#pragma once
// The unattended player's decision loop.
//
// The engine runs on one thread. Each step it reads the active schedule version
// (reloading when an operator loaded a new one), collects the occurrences due from
// its "settled" watermark up to just ahead of now (DueList), and handles them:
// on-demand requests first (RequestQueue), then the due occurrence of highest
// priority (equal priorities in time order). For each item it gathers the facts and
// asks the decision core (decision.hpp, pure: play, play late, miss, skip, fail,
// wait or yield), then carries the answer out (engine_items.cpp). Every play and
// every row goes through PlayAttempts (play_attempt.hpp), the path `loa play` with
// no player and `loa simulate` take too, and every play-log call through LogPort.
// Every item of an occurrence ends with exactly one outcome row —
// played (completed, interrupted, failed), missed (too late for the slot's `late`
// policy, with the reason: the player was not running, the clock jumped, the sound
// device failed), or skipped (quiet hours). An occurrence is known by its slot and
// civil date-time, an item by that and its position, so a reload or a restart
// never replays what already has its outcome; the play log's unique index, not only
// this code, refuses a second one.
//
// An emergency (requested, or an emergency slot between two items) preempts the
// current item at once: that attempt is logged interrupted, and after the emergency
// the item resumes where it stopped or restarts, as its slot's `on_interrupt` says.
// Between events the engine sleeps on absolute wall-clock time until the next
// occurrence's pre-roll (or the next heartbeat), and nothing else: reload(),
// request_play() and stop() wake it through its own Wakeup. While an item plays, the
// play runs on a thread of its own and the engine thread waits at the same Wakeup
// (AttendedOutput), so a request is looked up and answered on the engine thread —
// the only one that uses the engine's database connection — within moments. Only
// the Clock it is given tells it the time.
#include "core/clock.hpp"
#include "core/time_zone.hpp"
#include "core/vocabulary.hpp"
#include "engine/attended_output.hpp"
#include "engine/decision.hpp"
#include "engine/due_list.hpp"
#include "engine/engine_status.hpp"
#include "engine/log_port.hpp"
#include "engine/output.hpp"
#include "engine/play_attempt.hpp"
#include "engine/progress_line.hpp"
#include "engine/remembered_library.hpp"
#include "engine/request_queue.hpp"
#include "schedule/schedule.hpp"
#include "station/station_config.hpp"

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>

namespace loa::library {
class Library;
struct Announcement;
} // namespace loa::library
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
    /// How often, at least, the heartbeat callback runs while the loop is healthy
    /// (the systemd watchdog). None: no heartbeat, and the engine sleeps until its
    /// next event however far away.
    std::optional<std::chrono::milliseconds> heartbeat_interval{};
};

/// An item of an occurrence: its slot, the occurrence's civil date and time of day
/// (values, not their text), and the item's position.
using ItemKey = std::tuple<std::string, std::chrono::sys_days, std::chrono::seconds, std::size_t>;

class Engine {
public:
    /// Every reference must outlive the engine.
    Engine(Clock &clock, station::ScheduleStore &schedules, library::Library &library,
           playlog::PlayLog &log, playout::Player &player, EngineSettings settings);
    /// The same on any output (`loa simulate` gives a VirtualOutput).
    Engine(Clock &clock, station::ScheduleStore &schedules, library::Library &library,
           playlog::PlayLog &log, Output &output, EngineSettings settings);
    ~Engine();
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    /// Human-readable progress lines ("06:15:00 playing ..."), for the console.
    /// Set before run(). Called on the engine thread.
    void on_message(std::function<void(std::string_view)> callback) { m_say = std::move(callback); }
    /// Called from the engine loop while it is healthy, at least every
    /// EngineSettings::heartbeat_interval (and between items). Set before run().
    void on_heartbeat(std::function<void()> callback) { m_heartbeat = std::move(callback); }

    /// Finalises rows a crash left `started`, then loops until stop(). Engine thread.
    void run();

    /// Handles what is due now (one occurrence, or one request) and returns when the
    /// engine next has work. Engine thread; run() calls it in a loop, tests call it
    /// directly.
    TimePoint step();

    /// Any thread: ends the current play as interrupted and makes run() return.
    void stop() noexcept;

    /// Any thread: a snapshot of what the engine is doing, for `loa status`.
    EngineStatus status() const;

    /// Any thread: asks for `announcement` on demand. The engine thread looks it up
    /// (between items, or while one plays) and answers through the future: refused
    /// when the library has no such id, or accepted. An accepted emergency preempts the
    /// current item at once (it resumes or restarts afterwards, by its slot's
    /// on_interrupt); a normal or priority play starts after the current item, before
    /// the rest of its occurrence. An asker that stops waiting withdraws it
    /// (AskedPlay::withdraw) and it never runs.
    std::shared_ptr<AskedPlay> request_play(const std::string &announcement, Priority priority);

    /// Any thread: re-read the active schedule now (SIGHUP, `loa schedule load`).
    void reload() noexcept;

private:
    /// Where an item an emergency stopped continues.
    struct Resume {
        std::chrono::milliseconds position{0};
        std::int64_t interrupted_play_id = 0;
    };
    /// What one attempt came to, for the item loop.
    struct Attempt {
        bool preempted = false; ///< An emergency stopped it.
        bool finished = false;  ///< It has its outcome (anything but "try again").
        TimePoint ended_at;
        std::chrono::milliseconds position{0};
        std::int64_t play_id = 0;
    };
    /// One item of a due occurrence in the current pass.
    struct ItemTurn {
        Due &due;
        std::size_t position;
        TimePoint planned;                         ///< If everything before played on time.
        std::optional<TimePoint> next_start;       ///< After the previous item played.
        const library::Announcement *announcement; ///< None: not in the library.
    };

    // engine.cpp: the loop.
    void reload_if_changed(TimePoint now);
    TimePoint next_wake(TimePoint now);
    /// When step() should run again after handling something: now, or later if an
    /// item was held back for an imminent emergency.
    TimePoint after_work();
    /// While the engine thread is inside a play: a thread that keeps the heartbeat
    /// going for at most `expected` (so a play that hangs stops it). None without one.
    std::optional<std::jthread> beat_while_playing(std::chrono::steady_clock::duration expected);
    void note_clock(TimePoint now);
    /// Publishes the log's waiting rows in the status, and says when rows start to
    /// wait for the database and when they are all written.
    void note_log(TimePoint now);
    void heartbeat();
    void problem(const std::string &message);
    void publish_idle(TimePoint now);
    void set_state(EngineState state);
    void say(TimePoint at, const std::string &message);

    /// Answers every request waiting in the inbox. Engine thread.
    void answer_requests() noexcept;
    RequestAnswer answer(const AskedPlay &asked);

    // engine_items.cpp: the executor of decisions.
    /// Plays (or logs) the remaining items of `due`; false if it stopped for a request.
    bool handle(Due &due);
    /// The late decision for `due`, taken once for its first item still to play.
    void decide_late(Due &due, TimePoint planned, TimePoint now);
    /// Carries out `turn`'s decision: false when the occurrence stops here for now.
    bool play_turn(ItemTurn &turn);
    Decision decide(const ItemTurn &turn, TimePoint now);
    void record_unplayed(const ItemTurn &turn, const Decision &decision);
    void play_request(Request request);
    Attempt attempt(const library::Announcement &announcement, PlannedPlay plan);
    AttemptHooks hooks_for(const library::Announcement &announcement, const PlannedPlay &plan,
                           const std::string &what);
    /// True when an emergency stopped the play of `plan` (requested, or scheduled at stop_at).
    bool preempted(const PlannedPlay &plan) const;
    void note_attempt(const std::string &id, const std::string &what, const AttemptResult &result);

    Clock &m_clock;
    station::ScheduleStore &m_schedules;
    RememberedLibrary m_known; ///< The library, as it answered last while loa.db cannot be read.
    std::unique_ptr<Output> m_own_output; ///< When built on a Player.
    Output &m_output;
    EngineSettings m_settings;
    StationPolicy m_policy;
    LogPort m_log;
    Wakeup m_wakeup; ///< The engine thread's door: stop(), reload(), request_play() and a play
                     ///< notify it.
    AttendedOutput m_attended; ///< m_output, with the engine thread answering while it plays.
    PlayAttempts m_attempts;
    std::function<void(std::string_view)> m_say;
    std::function<void()> m_heartbeat;

    // Engine thread only.
    long long m_schedule_version = 0;
    bool m_schedules_unreadable = false; ///< Said once while loa.db cannot be read.
    std::optional<schedule::Schedule> m_schedule;
    std::string m_schedule_sha256;
    std::string m_schedule_file;
    DueList m_due;
    std::map<ItemKey, Resume> m_resume;
    DeviceState m_device;
    std::optional<TimePoint> m_expected_wake; ///< When step() said it would next run.
    std::optional<TimePoint> m_last_now;
    std::optional<TimePoint> m_hold_until; ///< Nothing starts before an imminent emergency.
    TimePoint m_next_heartbeat{};
    ProgressLines m_lines;

    RequestQueue m_requests;

    // Any thread.
    RequestInbox m_inbox;
    std::atomic<bool> m_on_air{false};
    std::atomic<bool> m_on_air_emergency{false};
    std::atomic<bool> m_preempting{false};
    std::atomic<bool> m_reload_requested{false};
    std::atomic<bool> m_stopping{false};
    mutable std::mutex m_status_mutex;
    EngineStatus m_status;                        ///< Guarded by m_status_mutex.
    std::optional<std::string> m_said_log_notice; ///< The play log's last repair, said once.
};

} // namespace loa::engine
