#pragma once
// A real station database with a few finished plays, for the log's tests.
#include "common/temp_dir.hpp"
#include "lib/sqlite/database.hpp"
#include "playlog/play_log.hpp"
#include "station/home.hpp"

#include <memory>

namespace loa::test {

struct LogFixture {
    TempDir dir;
    station::Home home{dir.path()};
    std::unique_ptr<sqlite::Database> db;
    std::unique_ptr<playlog::PlayLog> log;
    /// 06:00 on 20 July 2020 in Vietnam.
    const TimePoint six =
        std::chrono::sys_days{std::chrono::year{2020} / 7 / 20} - std::chrono::hours(1);

    LogFixture() {
        home.initialise({});
        db = home.open_database();
        log = std::make_unique<playlog::PlayLog>(*db, "KG-01", TimeZone::load("Asia/Ho_Chi_Minh"));
    }

    playlog::PlayRecord item(std::int64_t position,
                             const std::string &announcement = "lua-dao") const {
        playlog::PlayRecord r;
        r.slot = "sang";
        r.position = position;
        r.announcement = announcement;
        r.title = "Cảnh giác lừa đảo qua mạng";
        r.campaign = "chong-lua-dao-2020";
        return r;
    }

    /// Plays item `position` to completion, `position` minutes after six.
    void play(std::int64_t position) {
        const auto at = six + std::chrono::minutes(position);
        const auto id = log->begin(item(position), six, at).play_id;
        log->finish(id, {PlayStatus::completed, at + std::chrono::milliseconds(3),
                         at + std::chrono::seconds(42), std::nullopt, 0});
    }
};

} // namespace loa::test
