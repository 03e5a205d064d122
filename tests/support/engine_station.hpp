#pragma once
// The station the engine tests play on: a station home in a temporary folder, its
// real SQLite database, schedule store, library (tones imported by id) and play log,
// and a ManualClock that starts on Monday 2020-07-20 at 05:00 station time.
#include "common/temp_dir.hpp"
#include "core/clock.hpp"
#include "core/time_zone.hpp"
#include "lib/sqlite/database.hpp"
#include "library/library.hpp"
#include "playlog/play_log.hpp"
#include "station/home.hpp"
#include "station/schedule_store.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace loa::test {

inline const TimeZone &station_zone() {
    static const TimeZone zone = TimeZone::load("Asia/Ho_Chi_Minh");
    return zone;
}

/// 2020-07-20 (a Monday) at a station-local time.
inline TimePoint monday(int hh, int mm, int ss = 0) {
    using namespace std::chrono;
    return station_zone().from_local(year_month_day{year{2020}, month{7}, day{20}},
                                     hours{hh} + minutes{mm} + seconds{ss});
}

/// A schedule with one slot, "sang", daily at 06:00: two "tone" items, late = `late`.
inline std::string two_tones_at_six(const std::string &late) {
    return "version = 1\n[[slot]]\nid = \"sang\"\ndays = [\"daily\"]\nat = [\"06:00\"]\n"
           "play = [\"tone\", \"tone\"]\nlate = \"" +
           late + "\"\n";
}

struct EngineStation {
    TempDir dir;
    station::Home home{dir / "home"};
    std::unique_ptr<sqlite::Database> db;
    ManualClock clock{monday(5, 0)};
    std::unique_ptr<station::ScheduleStore> schedules;
    std::unique_ptr<library::Library> library;
    std::unique_ptr<playlog::PlayLog> log;

    EngineStation() {
        home.initialise({});
        db = home.open_database();
        schedules = std::make_unique<station::ScheduleStore>(*db);
        library = std::make_unique<library::Library>(*db, home.library_path());
        log = std::make_unique<playlog::PlayLog>(*db, "T-01", station_zone());
    }

    /// Imports a 440 Hz tone of `seconds` as `id`.
    void add_tone(const std::string &id, int channels, double seconds,
                  std::optional<std::string> title = std::nullopt) {
        const auto file = dir / (id + ".wav");
        write_tone(file, 48000, channels, seconds);
        library->import({file, id, std::move(title), {}, {}, {}}, "2020-07-20T05:00:00.000+07:00");
    }

    /// Activates `toml` as the schedule, loaded at `loaded_at`.
    void load(const std::string &toml, TimePoint loaded_at = monday(4, 0)) {
        schedules->activate("test.toml", toml, station_zone().format_iso(loaded_at), loaded_at);
    }

    std::vector<playlog::PlayRecord> rows() const { return log->query({}); }
};

} // namespace loa::test
