#include "playlog/play_log.hpp"

#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"
#include "playlog/chain.hpp"
#include "station/home.hpp"

namespace loa::playlog {
namespace {

std::int64_t unix_ms(TimePoint instant) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(instant.time_since_epoch()).count();
}

constexpr const char *select_columns =
    "SELECT play_id, station, slot, scheduled_at, position, started_at, ended_at, announcement, "
    "title, campaign, sha256, status, lateness_ms, duration_ms, priority, trigger, error, "
    "schedule_sha256, device, underruns, clock_synced, seq, prev_hash, row_hash, canonical FROM plays ";

std::optional<std::int64_t> optional_int(const sqlite::Statement &row, int column) {
    if (row.is_null(column))
        return std::nullopt;
    return row.column_int(column);
}

PlayRecord read_row(const sqlite::Statement &row) {
    PlayRecord r;
    r.play_id = row.column_int(0);
    r.station = row.column_text(1);
    r.slot = row.column_optional_text(2);
    r.scheduled_at = row.column_optional_text(3);
    r.position = optional_int(row, 4);
    r.started_at = row.column_optional_text(5);
    r.ended_at = row.column_optional_text(6);
    r.announcement = row.column_text(7);
    r.title = row.column_optional_text(8);
    r.campaign = row.column_optional_text(9);
    r.sha256 = row.column_optional_text(10);
    r.status = parse_play_status(row.column_text(11)).value_or(PlayStatus::failed);
    r.lateness_ms = optional_int(row, 12);
    r.duration_ms = optional_int(row, 13);
    r.priority = parse_priority(row.column_text(14)).value_or(Priority::normal);
    r.trigger = parse_trigger(row.column_text(15)).value_or(Trigger::scheduled);
    r.error = row.column_optional_text(16);
    r.schedule_sha256 = row.column_optional_text(17);
    r.device = row.column_optional_text(18);
    r.underruns = optional_int(row, 19);
    if (const auto synced = optional_int(row, 20))
        r.clock_synced = *synced != 0;
    r.seq = optional_int(row, 21);
    r.prev_hash = row.column_optional_text(22);
    r.row_hash = row.column_optional_text(23);
    r.canonical = row.column_optional_text(24);
    return r;
}

/// Inserts a row with every field of `r`; returns its play_id.
std::int64_t insert(sqlite::Database &db, const PlayRecord &r, std::optional<std::int64_t> scheduled_ms,
                    std::optional<std::int64_t> planned_ms) {
    sqlite::Statement insert(
        db, "INSERT INTO plays (station, slot, scheduled_at, scheduled_ms, position, started_at, "
            "planned_ms, ended_at, announcement, title, campaign, sha256, status, lateness_ms, "
            "duration_ms, priority, trigger, error, schedule_sha256, device, underruns, clock_synced) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
            "?19, ?20, ?21, ?22)");
    insert.bind(1, r.station).bind(2, r.slot).bind(3, r.scheduled_at).bind(4, scheduled_ms);
    insert.bind(5, r.position).bind(6, r.started_at).bind(7, planned_ms).bind(8, r.ended_at);
    insert.bind(9, r.announcement).bind(10, r.title).bind(11, r.campaign).bind(12, r.sha256);
    insert.bind(13, to_string(r.status)).bind(14, r.lateness_ms).bind(15, r.duration_ms);
    insert.bind(16, to_string(r.priority)).bind(17, to_string(r.trigger)).bind(18, r.error);
    insert.bind(19, r.schedule_sha256).bind(20, r.device).bind(21, r.underruns);
    if (r.clock_synced)
        insert.bind(22, *r.clock_synced ? 1 : 0);
    insert.run();
    return db.last_insert_rowid();
}

} // namespace

PlayLog::PlayLog(sqlite::Database &db, std::string station_code, TimeZone zone)
    : m_db(db), m_station(std::move(station_code)), m_chain_id(station::chain_id(db)),
      m_zone(std::move(zone)) {}

std::int64_t PlayLog::begin(PlayRecord record, std::optional<TimePoint> scheduled, TimePoint planned_start) {
    record.station = m_station;
    record.status = PlayStatus::started;
    std::optional<std::int64_t> scheduled_ms;
    if (scheduled) {
        record.scheduled_at = m_zone.format_iso(*scheduled);
        scheduled_ms = unix_ms(*scheduled);
    }
    sqlite::Transaction transaction(m_db);
    const auto id = insert(m_db, record, scheduled_ms, unix_ms(planned_start));
    transaction.commit();
    return id;
}

void PlayLog::finish(std::int64_t play_id, const PlayEnd &end) {
    sqlite::Transaction transaction(m_db);
    sqlite::Statement update(
        m_db, "UPDATE plays SET status = ?2, started_at = coalesce(?3, started_at), "
              "started_ms = coalesce(?4, started_ms), ended_at = ?5, duration_ms = ?6, error = ?7, "
              "underruns = ?8, lateness_ms = CASE WHEN ?4 IS NOT NULL THEN ?4 - planned_ms END "
              "WHERE play_id = ?1 AND status = 'started'");
    std::optional<std::string> started_at, ended_at;
    std::optional<std::int64_t> started_ms, duration_ms;
    if (end.started_at) {
        started_at = m_zone.format_iso(*end.started_at);
        started_ms = unix_ms(*end.started_at);
    }
    if (end.ended_at)
        ended_at = m_zone.format_iso(*end.ended_at);
    if (end.started_at && end.ended_at)
        duration_ms = unix_ms(*end.ended_at) - unix_ms(*end.started_at);
    update.bind(1, play_id).bind(2, to_string(end.status)).bind(3, started_at).bind(4, started_ms);
    update.bind(5, ended_at).bind(6, duration_ms).bind(7, end.error).bind(8, end.underruns);
    update.run();
    chain(play_id);
    transaction.commit();
}

std::int64_t PlayLog::record_outcome(PlayRecord record, std::optional<TimePoint> scheduled,
                                    PlayStatus status, const std::string &reason) {
    record.station = m_station;
    record.status = status;
    record.error = reason;
    std::optional<std::int64_t> scheduled_ms;
    if (scheduled) {
        record.scheduled_at = m_zone.format_iso(*scheduled);
        scheduled_ms = unix_ms(*scheduled);
    }
    sqlite::Transaction transaction(m_db);
    const auto id = insert(m_db, record, scheduled_ms, std::nullopt);
    chain(id);
    transaction.commit();
    return id;
}

bool PlayLog::has_outcome(const std::string &slot, const std::string &scheduled_at, std::int64_t position) {
    sqlite::Statement select(m_db, "SELECT 1 FROM plays WHERE trigger = 'scheduled' AND slot = ?1 AND "
                                   "scheduled_at = ?2 AND position = ?3 AND status <> 'interrupted'");
    select.bind(1, slot).bind(2, scheduled_at).bind(3, position);
    const bool found = select.step();
    select.reset();
    return found;
}

int PlayLog::recover_unfinished(const std::string &reason) {
    sqlite::Transaction transaction(m_db);
    std::vector<std::int64_t> ids;
    {
        sqlite::Statement select(m_db, "SELECT play_id FROM plays WHERE status = 'started' ORDER BY play_id");
        while (select.step())
            ids.push_back(select.column_int(0));
    }
    sqlite::Statement update(m_db, "UPDATE plays SET status = 'interrupted', error = ?2 WHERE play_id = ?1");
    for (const auto id : ids) {
        update.bind(1, id).bind(2, reason).run();
        chain(id);
    }
    transaction.commit();
    return static_cast<int>(ids.size());
}

void PlayLog::chain(std::int64_t play_id) {
    std::int64_t seq = 1;
    std::string prev_hash = genesis_hash;
    {
        sqlite::Statement last(m_db, "SELECT seq, row_hash FROM plays WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1");
        if (last.step()) {
            seq = last.column_int(0) + 1;
            prev_hash = last.column_text(1);
            last.reset();
        }
    }
    PlayRecord record;
    {
        sqlite::Statement select(m_db, std::string(select_columns) + "WHERE play_id = ?1");
        select.bind(1, play_id);
        select.step();
        record = read_row(select);
        select.reset();
    }
    record.seq = seq;
    record.prev_hash.reset();
    record.row_hash.reset();
    const std::string canonical = canonical_encoding(record, m_chain_id);
    const std::string row_hash = chain_hash(prev_hash, canonical);
    sqlite::Statement update(m_db, "UPDATE plays SET seq = ?2, prev_hash = ?3, row_hash = ?4, canonical = ?5 WHERE play_id = ?1");
    update.bind(1, play_id).bind(2, seq).bind(3, prev_hash).bind(4, row_hash).bind(5, canonical).run();
}

std::vector<PlayRecord> PlayLog::query(const PlayFilter &filter) const {
    std::string sql = std::string(select_columns) +
                      "WHERE (?1 IS NULL OR coalesce(started_ms, scheduled_ms, planned_ms) >= ?1) "
                      "AND (?2 IS NULL OR coalesce(started_ms, scheduled_ms, planned_ms) < ?2) "
                      "AND (?3 IS NULL OR status = ?3) ORDER BY coalesce(started_ms, scheduled_ms, planned_ms), play_id";
    sqlite::Statement select(m_db, sql);
    if (filter.from)
        select.bind(1, unix_ms(*filter.from));
    if (filter.to)
        select.bind(2, unix_ms(*filter.to));
    if (filter.status)
        select.bind(3, to_string(*filter.status));
    std::vector<PlayRecord> rows;
    while (select.step())
        rows.push_back(read_row(select));
    return rows;
}

} // namespace loa::playlog
