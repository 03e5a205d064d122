// Figures for the play log at the size of years of a busy station: exporting
// 1,000,000 plays to CSV (goal < 3 s, within 1.5x of the sqlite3 tool dumping
// the same columns in the same run) and verifying their chain (goal < 5 s).
// Prints figures only; ctest runs it small, as a must-finish check.
//
//   log_bench [ROWS [HOME]]  (default 1000000; build with the release preset)
//
// With HOME, the station home is kept there and, when it already holds ROWS
// plays, reused without filling it again (to profile one step at a time).
#include "busy_year.hpp"
#include "common/temp_dir.hpp"
#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"
#include "playlog/chain.hpp"
#include "playlog/play_log.hpp"
#include "playlog/play_rows.hpp"
#include "playlog/verify_log.hpp"
#include "report/csv_export.hpp"
#include "station/home.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include <sys/resource.h>

namespace {

/// The stored text of a play time (what the plays table's *_at columns hold).
std::optional<std::string> iso(const std::optional<loa::StationTime> &at) {
    return at ? std::optional<std::string>(at->text()) : std::nullopt;
}

using Seconds = std::chrono::duration<double>;

/// CPU seconds (user + system) of this process and of its finished children.
double cpu_seconds() {
    double total = 0;
    for (const int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
        rusage usage{};
        getrusage(who, &usage);
        total += static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                 static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    }
    return total;
}

/// CPU seconds spent by the last timed() call: the machine may be shared, so
/// both wall-clock and CPU time are printed.
double last_cpu_s = 0;

template <typename F> double timed(F &&work) {
    const double cpu_start = cpu_seconds();
    const auto start = std::chrono::steady_clock::now();
    work();
    last_cpu_s = cpu_seconds() - cpu_start;
    return Seconds(std::chrono::steady_clock::now() - start).count();
}

const char *const announcements[] = {"chuong", "lua-dao-qua-mang", "thu-doan-lua-dao",
                                     "campuchia-mo-cua", "bao-cao-ket-qua"};

/// Fills the log with `rows` finished, chained plays: two sessions a day, five
/// items each, as the player would have written them (one transaction here).
void fill(loa::sqlite::Database &db, const loa::TimeZone &zone, std::int64_t rows) {
    const std::string chain_id = loa::station::chain_id(db);
    loa::sqlite::Transaction transaction(db);
    loa::sqlite::Statement insert(
        db,
        "INSERT INTO plays (play_id, station, slot, scheduled_at, scheduled_ms, position, planned_ms, "
        "started_at, started_ms, ended_at, announcement, title, campaign, sha256, status, lateness_ms, "
        "duration_ms, priority, trigger, error, schedule_sha256, device, underruns, clock_synced, seq, "
        "prev_hash, row_hash, canonical) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
        "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)");
    const auto first_day =
        std::chrono::sys_days{std::chrono::year{2020} / 7 / 17} - std::chrono::hours(7);
    std::string prev_hash = loa::playlog::genesis_hash;
    for (std::int64_t i = 0; i < rows; ++i) {
        const std::int64_t session = i / 5, position = i % 5;
        const auto scheduled = first_day + std::chrono::days(session / 2) +
                               (session % 2 ? std::chrono::hours(17) : std::chrono::hours(6));
        const auto started =
            scheduled + std::chrono::seconds(45 * position) + std::chrono::milliseconds(4);
        const auto ended = started + std::chrono::seconds(42);
        loa::playlog::PlayRecord r;
        r.play_id = i + 1;
        r.station = "KG-GR-VHHB";
        r.slot = session % 2 ? "chieu" : "sang";
        r.scheduled_at = loa::StationTime::in(zone, scheduled);
        r.position = position;
        r.started_at = loa::StationTime::in(zone, started);
        r.ended_at = loa::StationTime::in(zone, ended);
        r.announcement = announcements[position];
        r.title = "Cảnh giác với thủ đoạn lừa đảo chiếm đoạt tài sản";
        r.campaign = "chong-lua-dao-2020";
        r.sha256 = std::string(64, 'a');
        r.status = i % 97 == 0 ? loa::PlayStatus::missed : loa::PlayStatus::completed;
        r.lateness_ms = 4;
        r.duration_ms = 42000;
        r.error = i % 97 == 0 ? std::optional<std::string>("mất điện, trễ 20 phút") : std::nullopt;
        r.schedule_sha256 = std::string(64, 'b');
        r.device = "USB Audio Device";
        r.underruns = 0;
        r.clock_synced = true;
        r.seq = i + 1;
        const std::string canonical = loa::playlog::canonical_encoding(r, chain_id);
        const std::string row_hash = loa::playlog::chain_hash(prev_hash, canonical);
        const auto ms = [](loa::TimePoint t) {
            return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch())
                .count();
        };
        insert.bind(1, r.play_id).bind(2, r.station).bind(3, r.slot).bind(4, iso(r.scheduled_at));
        insert.bind(5, ms(scheduled))
            .bind(6, r.position)
            .bind(7, ms(started) - 4)
            .bind(8, iso(r.started_at));
        insert.bind(9, ms(started))
            .bind(10, iso(r.ended_at))
            .bind(11, r.announcement)
            .bind(12, r.title);
        insert.bind(13, r.campaign)
            .bind(14, r.sha256)
            .bind(15, to_string(r.status))
            .bind(16, r.lateness_ms);
        insert.bind(17, r.duration_ms)
            .bind(18, to_string(r.priority))
            .bind(19, to_string(r.trigger));
        insert.bind(20, r.error)
            .bind(21, r.schedule_sha256)
            .bind(22, r.device)
            .bind(23, r.underruns);
        insert.bind(24, 1)
            .bind(25, *r.seq)
            .bind(26, prev_hash)
            .bind(27, row_hash)
            .bind(28, canonical);
        insert.run();
        prev_hash = row_hash;
    }
    loa::playlog::set_chain_head(db, {rows, prev_hash});
    transaction.commit();
}

/// `loa report` over a year of a busy station (goal < 1 s), through the real
/// binary: reading the log, expanding both schedule versions, rendering.
int report_over_a_busy_year(const std::filesystem::path &home_path) {
    std::filesystem::remove_all(home_path);
    loa::station::Home home(home_path);
    loa::station::StationConfig config;
    config.code = "KG-GR-VHHB";
    config.name = "Đài truyền thanh xã Vĩnh Hòa Hiệp";
    config.reports_to = "Sở Văn hóa, Thể thao và Du lịch tỉnh Kiên Giang";
    home.initialise(config);
    std::int64_t plays = 0;
    {
        auto db = home.open_database();
        const double fill_s = timed([&] {
            plays = loa::test::fill_busy_year(*db, loa::TimeZone::load("Asia/Ho_Chi_Minh"), 2020);
        });
        std::printf("log_bench: a busy station's year: %lld plays written and chained in %.2f s\n",
                    static_cast<long long>(plays), fill_s);
    }
    for (const char *format : {"text", "csv", "html", "xlsx"}) {
        const auto out = home_path / (std::string("report.") + format);
        const std::string command = std::string("'") + LOA_BINARY + "' --home '" +
                                    home_path.string() +
                                    "' report --from 2020-01-01 --to 2020-12-31 --format " +
                                    format + " -o '" + out.string() + "' 2>/dev/null";
        int status = 0;
        const double report_s = timed([&] { status = std::system(command.c_str()); });
        if (status != 0) {
            std::fprintf(stderr, "log_bench: %s failed (exit %d)\n", command.c_str(), status);
            return 1;
        }
        std::printf(
            "log_bench: loa report --format %s over the year (%lld plays): %.2f s, cpu %.2f s  goal < 1 s\n",
            format, static_cast<long long>(plays), report_s, last_cpu_s);
    }
    std::filesystem::remove_all(home_path);
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    const std::int64_t rows = argc > 1 ? std::atoll(argv[1]) : 1000000;
    loa::test::TempDir temp;
    const std::filesystem::path dir = argc > 2 ? std::filesystem::path(argv[2]) : temp.path();
    loa::station::Home home(dir);
    home.initialise({});
    auto db = home.open_database();
    const auto zone = loa::TimeZone::load("Asia/Ho_Chi_Minh");
    if (loa::sqlite::Statement count(*db, "SELECT count(*) FROM plays");
        count.step() && count.column_int(0) == rows) {
        count.reset();
        std::printf("log_bench: reusing the %lld plays in %s\n", static_cast<long long>(rows),
                    dir.c_str());
    } else {
        count.reset();
        loa::sqlite::Statement(*db, "DELETE FROM plays").run();
        const double fill_s = timed([&] { fill(*db, zone, rows); });
        std::printf("log_bench: %lld plays written and chained in %.2f s (cpu %.2f s)\n",
                    static_cast<long long>(rows), fill_s, last_cpu_s);
    }

    const auto ours_path = dir / "export.csv";
    const double export_s = timed([&] {
        std::ofstream out(ours_path, std::ios::binary);
        loa::report::CsvWriter writer(out, loa::station::chain_id(*db));
        loa::playlog::scan_plays(*db, {},
                                 [&](const loa::playlog::PlayRecord &row) { writer.write(row); });
    });
    const auto bytes = std::filesystem::file_size(ours_path);
    const double export_cpu_s = last_cpu_s;
    std::printf(
        "log_bench: loa export csv: %.2f s, cpu %.2f s (%.0f rows/s, %.1f MB)  goal < 3 s for 1,000,000\n",
        export_s, export_cpu_s, rows / export_s, static_cast<double>(bytes) / 1e6);

    const auto tool_path = dir / "sqlite3.csv";
    const std::string command =
        "sqlite3 -csv -header '" + home.database_path().string() +
        "' \"SELECT play_id, station, slot, scheduled_at, position, started_at, ended_at, announcement, sha256, "
        "status, lateness_ms, duration_ms, priority, trigger, error, (SELECT value FROM meta WHERE key = "
        "'chain_id') AS chain_id, seq, prev_hash, row_hash, canonical FROM plays ORDER BY "
        "coalesce(started_ms, scheduled_ms, planned_ms), play_id\" > '" +
        tool_path.string() + "'";
    int tool_status = 0;
    const double tool_s = timed([&] { tool_status = std::system(command.c_str()); });
    if (tool_status == 0)
        std::printf(
            "log_bench: sqlite3 -csv, same columns: %.2f s, cpu %.2f s (%.1f MB); loa/sqlite3 = %.2fx wall, "
            "%.2fx cpu  goal <= 1.5x\n",
            tool_s, last_cpu_s, static_cast<double>(std::filesystem::file_size(tool_path)) / 1e6,
            export_s / tool_s, export_cpu_s / last_cpu_s);
    else
        std::printf("log_bench: sqlite3 tool not available (exit %d): no comparison\n",
                    tool_status);

    std::filesystem::remove(ours_path);
    std::filesystem::remove(tool_path);

    loa::playlog::VerifyResult verdict;
    const double verify_s = timed([&] { verdict = loa::playlog::verify_log(*db); });
    std::printf(
        "log_bench: loa verify: %.2f s, cpu %.2f s (%.0f rows/s)  goal < 5 s for 1,000,000; %s\n",
        verify_s, last_cpu_s, rows / verify_s,
        verdict.first_break ? verdict.first_break->message.c_str() : "intact");
    if (verdict.first_break || verdict.rows_checked != rows) {
        std::fprintf(stderr, "log_bench: the generated chain does not verify\n");
        return 1;
    }
    return report_over_a_busy_year(dir / "busy-year");
}
