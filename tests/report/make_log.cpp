// Writes a few plays through PlayLog into an initialised station home, so the
// command-line tests have a real log: make_log HOME. Also stores the schedule
// version that planned them (loaded the day before), for planned versus aired.
#include "lib/sqlite/database.hpp"
#include "playlog/play_log.hpp"
#include "station/home.hpp"
#include "station/schedule_store.hpp"

#include <cstdio>

int main(int argc, char **argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_log HOME\n");
        return 2;
    }
    using namespace std::chrono_literals;
    loa::station::Home home(argv[1]);
    auto db = home.open_database();
    loa::playlog::PlayLog log(*db, home.load_config().code,
                              loa::TimeZone::load("Asia/Ho_Chi_Minh"));
    const loa::TimePoint six = std::chrono::sys_days{std::chrono::year{2020} / 7 / 20} - 1h;
    const auto zone = loa::TimeZone::load("Asia/Ho_Chi_Minh");
    const loa::TimePoint loaded = six - 24h;
    loa::station::ScheduleStore(*db).activate(
        "lich-thang-7.toml",
        "version = 1\n[[slot]]\nid = \"sang\"\ndays = [\"daily\"]\nat = [\"06:00\"]\n"
        "play = [\"chuong\", \"lua-dao-qua-mang\", \"campuchia-mo-cua\"]\n",
        zone.format_iso(loaded), loaded);
    const char *ids[] = {"chuong", "lua-dao-qua-mang", "campuchia-mo-cua"};
    for (int day = 0; day < 3; ++day) {
        const auto at = six + std::chrono::days(day);
        for (int position = 0; position < 3; ++position) {
            loa::playlog::PlayRecord r;
            r.slot = "sang";
            r.position = position;
            r.announcement = ids[position];
            r.title = "Cảnh giác lừa đảo, \"chiếm đoạt\" tài sản";
            r.campaign = "chong-lua-dao-2020";
            if (day == 1 && position == 2) {
                log.record_outcome(r, at, loa::PlayStatus::missed, "mất điện, trễ 20 phút");
                continue;
            }
            const auto start = at + std::chrono::minutes(position);
            const auto id = log.begin(r, at, start).play_id;
            log.finish(id, {loa::PlayStatus::completed, start + 4ms, start + 42s, std::nullopt, 0});
        }
    }
    return 0;
}
