#include "busy_year.hpp"

#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"
#include "playlog/chain.hpp"
#include "playlog/play_rows.hpp"
#include "schedule/schedule.hpp"
#include "station/home.hpp"
#include "station/schedule_store.hpp"

#include <map>
#include <stdexcept>
#include <string>

namespace loa::test {
namespace {

/// The stored text of a play time (what the plays table's *_at columns hold).
std::optional<std::string> iso(const std::optional<loa::StationTime> &at) {
    return at ? std::optional<std::string>(at->text()) : std::nullopt;
}

struct Item {
    const char *title;
    const char *campaign; ///< nullptr: a chime, in no campaign
    std::int64_t duration_ms;
};

const std::map<std::string, Item> items{
    {"chuong", {"Nhạc hiệu", nullptr, 8000}},
    {"lua-dao-qua-mang", {"Cảnh giác lừa đảo qua mạng", "chong-lua-dao-2020", 92000}},
    {"thu-doan-lua-dao", {"Thủ đoạn lừa đảo chiếm đoạt tài sản", "chong-lua-dao-2020", 75000}},
    {"phong-chong-covid",
     {"Phòng, chống dịch COVID-19: thực hiện 5K", "phong-chong-covid-19", 64000}},
    {"khai-bao-y-te", {"Khai báo y tế khi đi từ vùng dịch về", "phong-chong-covid-19", 48000}},
    {"an-toan-giao-thong", {"Đội mũ bảo hiểm khi đi xe máy", "an-toan-giao-thong", 55000}},
    {"phong-chong-bao-lu",
     {"Chủ động phòng, chống bão, lũ mùa mưa", "phong-chong-thien-tai", 70000}},
    {"bao-so-5",
     {"Khẩn cấp: bão số 5 đổ bộ, di dời dân vùng trũng", "phong-chong-thien-tai", 120000}},
};

std::string schedule_text(const char *third) {
    std::string text = "version = 1\ntitle = \"Lịch phát thường xuyên\"\n";
    const char *slots[][2] = {
        {"sang", "\"05:30\", \"06:00\", \"06:30\", \"07:00\", \"07:30\", \"08:00\", \"08:30\""},
        {"trua", "\"10:30\", \"11:00\", \"11:30\", \"12:00\", \"12:30\", \"13:00\""},
        {"chieu", "\"16:30\", \"17:00\", \"17:30\", \"18:00\", \"18:30\", \"19:00\", \"19:30\""}};
    for (const auto &slot : slots)
        text +=
            std::string("[[slot]]\nid = \"") + slot[0] + "\"\ndays = [\"daily\"]\nat = [" +
            slot[1] +
            "]\nintro = \"chuong\"\nplay = [\"lua-dao-qua-mang\", \"thu-doan-lua-dao\", \"phong-chong-covid\", "
            "\"khai-bao-y-te\", \"" +
            third + "\"]\nrepeat = 2\ngap = 2\n";
    return text;
}

class Chainer {
public:
    explicit Chainer(sqlite::Database &db)
        : m_chain_id(station::chain_id(db)),
          m_insert(
              db,
              "INSERT INTO plays (station, slot, scheduled_at, scheduled_ms, position, planned_ms, "
              "started_at, started_ms, ended_at, announcement, title, campaign, sha256, status, "
              "lateness_ms, duration_ms, priority, trigger, error, schedule_sha256, device, underruns, "
              "clock_synced, seq, prev_hash, row_hash, canonical) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
              "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)"),
          m_db(db) {}

    void add(playlog::PlayRecord r, std::optional<TimePoint> scheduled, TimePoint planned,
             std::optional<TimePoint> started) {
        const auto ms = [](TimePoint t) {
            return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch())
                .count();
        };
        r.play_id = m_db.last_insert_rowid() + 1;
        r.station = "KG-GR-VHHB";
        r.seq = ++m_seq;
        const std::string canonical = playlog::canonical_encoding(r, m_chain_id);
        const std::string row_hash = playlog::chain_hash(m_prev, canonical);
        m_insert.bind(1, r.station).bind(2, r.slot).bind(3, iso(r.scheduled_at));
        if (scheduled)
            m_insert.bind(4, ms(*scheduled));
        m_insert.bind(5, r.position).bind(6, ms(planned)).bind(7, iso(r.started_at));
        if (started)
            m_insert.bind(8, ms(*started));
        m_insert.bind(9, iso(r.ended_at))
            .bind(10, r.announcement)
            .bind(11, r.title)
            .bind(12, r.campaign);
        m_insert.bind(13, r.sha256)
            .bind(14, to_string(r.status))
            .bind(15, r.lateness_ms)
            .bind(16, r.duration_ms);
        m_insert.bind(17, to_string(r.priority)).bind(18, to_string(r.trigger)).bind(19, r.error);
        m_insert.bind(20, r.schedule_sha256).bind(21, r.device).bind(22, r.underruns).bind(23, 1);
        m_insert.bind(24, *r.seq).bind(25, m_prev).bind(26, row_hash).bind(27, canonical);
        m_insert.run();
        m_prev = row_hash;
    }
    std::int64_t rows() const noexcept { return m_seq; }
    void finish() { playlog::set_chain_head(m_db, {m_seq, m_prev}); }

private:
    std::string m_chain_id;
    sqlite::Statement m_insert;
    sqlite::Database &m_db;
    std::int64_t m_seq = 0;
    std::string m_prev = playlog::genesis_hash;
};

playlog::PlayRecord record_of(const std::string &id) {
    const Item &item = items.at(id);
    playlog::PlayRecord r;
    r.announcement = id;
    r.title = item.title;
    if (item.campaign)
        r.campaign = item.campaign;
    r.sha256 = std::string(64, 'c');
    r.device = "USB Audio Device";
    r.underruns = 0;
    r.clock_synced = true;
    return r;
}

} // namespace

std::int64_t fill_busy_year(sqlite::Database &db, const TimeZone &zone, int year) {
    using namespace std::chrono;
    const TimePoint start = zone.from_local(std::chrono::year{year} / 1 / 1, seconds(0));
    const TimePoint july = zone.from_local(std::chrono::year{year} / 7 / 1, seconds(0));
    const TimePoint end = zone.from_local(std::chrono::year{year + 1} / 1 / 1, seconds(0));
    struct Version {
        std::string text;
        TimePoint from, until;
    };
    const Version versions[] = {{schedule_text("an-toan-giao-thong"), start - hours(24), july},
                                {schedule_text("phong-chong-bao-lu"), july, end}};
    for (const auto &version : versions)
        station::ScheduleStore(db).activate("lich.toml", version.text,
                                            zone.format_iso(version.from), version.from);
    sqlite::Transaction transaction(db);
    Chainer chain(db);
    std::uint64_t n = 0;
    for (const auto &version : versions) {
        auto parsed = schedule::parse(version.text, "lich.toml");
        if (!parsed.ok())
            throw std::runtime_error("the generated schedule does not parse");
        const TimePoint from = std::max(version.from, start);
        for (const auto &occurrence :
             schedule::expand(*parsed.schedule, from, version.until, zone)) {
            TimePoint next = occurrence.at;
            // A power cut every 37th session: its items are missed.
            const bool power_cut = ++n % 37 == 0;
            for (std::size_t position = 0; position < occurrence.items.size(); ++position) {
                auto r = record_of(occurrence.items[position]);
                r.slot = occurrence.slot;
                r.scheduled_at = loa::StationTime::in(zone, occurrence.at);
                r.position = static_cast<std::int64_t>(position);
                r.schedule_sha256 = std::string(64, version.from == july ? 'b' : 'a');
                const std::int64_t duration = items.at(r.announcement).duration_ms;
                if (power_cut) {
                    r.status = PlayStatus::missed;
                    r.error = "mất điện lúc " + zone.format_iso(occurrence.at).substr(11, 5) +
                              ", quá 10 phút";
                    chain.add(r, occurrence.at, next, std::nullopt);
                    continue;
                }
                const TimePoint started = next + milliseconds(3 + (n + position) % 5);
                r.started_at = loa::StationTime::in(zone, started);
                r.lateness_ms = duration_cast<milliseconds>(started - next).count();
                const bool interrupted = (n * 12 + position) % 997 == 0;
                const bool failed = (n * 12 + position) % 1499 == 0;
                const std::int64_t played = interrupted ? duration / 3 : failed ? 0 : duration;
                r.status = interrupted ? PlayStatus::interrupted
                           : failed    ? PlayStatus::failed
                                       : PlayStatus::completed;
                if (interrupted)
                    r.error = "mất điện giữa chừng";
                if (failed) {
                    r.error = "thiết bị âm thanh không phản hồi (USB Audio Device)";
                    r.started_at.reset();
                    r.lateness_ms.reset();
                } else {
                    r.duration_ms = played;
                    r.ended_at = loa::StationTime::in(zone, started + milliseconds(played));
                }
                chain.add(r, occurrence.at, next,
                          failed ? std::nullopt : std::optional<TimePoint>(started));
                next += milliseconds(duration) + occurrence.gap;
            }
        }
    }
    // Emergency broadcasts: the storm warning, on three days of the season.
    for (const int day : {212, 250, 290}) {
        const TimePoint at = start + days(day) + hours(14) + minutes(5);
        auto r = record_of("bao-so-5");
        r.priority = Priority::emergency;
        r.trigger = Trigger::emergency;
        r.status = PlayStatus::completed;
        r.lateness_ms = 0;
        r.started_at = loa::StationTime::in(zone, at);
        r.duration_ms = items.at("bao-so-5").duration_ms;
        r.ended_at = loa::StationTime::in(zone, at + milliseconds(*r.duration_ms));
        chain.add(r, std::nullopt, at, at);
    }
    chain.finish();
    transaction.commit();
    return chain.rows();
}

} // namespace loa::test
