#include "playlog/play_log.hpp"

#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"
#include "playlog/chain.hpp"
#include "playlog/play_rows.hpp"
#include "station/home.hpp"

#include <sqlite3.h>

#include <algorithm>

namespace loa::playlog {
namespace {

std::int64_t unix_ms(TimePoint instant) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(instant.time_since_epoch()).count();
}

/// Failures after which the same write may succeed later: the database is locked,
/// full, read-only or failing, not refusing this row.
bool may_succeed_later(const sqlite::SqliteError &error) {
    switch (error.code()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_NOMEM:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL: return true;
    default: return false;
    }
}

/// Inserts a row with every field of `r`; returns its play_id.
std::int64_t insert(sqlite::Database &db, const PlayRecord &r, std::optional<std::int64_t> scheduled_ms,
                    std::optional<std::int64_t> planned_ms) {
    sqlite::Statement insert(
        db, "INSERT INTO plays (station, slot, scheduled_at, scheduled_ms, position, started_at, "
            "planned_ms, ended_at, announcement, title, campaign, sha256, status, lateness_ms, "
            "duration_ms, priority, trigger, error, schedule_sha256, device, underruns, clock_synced, "
            "occurrence, offset_ms, resumes) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
            "?19, ?20, ?21, ?22, ?23, ?24, ?25)");
    insert.bind(1, r.station).bind(2, r.slot).bind(3, r.scheduled_at).bind(4, scheduled_ms);
    insert.bind(5, r.position).bind(6, r.started_at).bind(7, planned_ms).bind(8, r.ended_at);
    insert.bind(9, r.announcement).bind(10, r.title).bind(11, r.campaign).bind(12, r.sha256);
    insert.bind(13, to_string(r.status)).bind(14, r.lateness_ms).bind(15, r.duration_ms);
    insert.bind(16, to_string(r.priority)).bind(17, to_string(r.trigger)).bind(18, r.error);
    insert.bind(19, r.schedule_sha256).bind(20, r.device).bind(21, r.underruns);
    if (r.clock_synced)
        insert.bind(22, *r.clock_synced ? 1 : 0);
    insert.bind(23, r.occurrence).bind(24, r.offset_ms).bind(25, r.resumes);
    insert.run();
    return db.last_insert_rowid();
}

/// The civil date-time an occurrence is known by: an ISO instant without its
/// fraction and offset ("2020-07-20T06:00:00.000+07:00" is "2020-07-20T06:00:00").
std::string civil_identity(const std::string &iso) {
    return iso.substr(0, std::min<std::size_t>(iso.size(), 19));
}

/// A scheduled row that names only its instant is known by that instant's civil time.
void give_identity(PlayRecord &record) {
    if (record.trigger == Trigger::scheduled && !record.occurrence && record.scheduled_at)
        record.occurrence = civil_identity(*record.scheduled_at);
}

} // namespace

PlayLog::PlayLog(sqlite::Database &db, std::string station_code, TimeZone zone)
    : m_db(db), m_station(std::move(station_code)), m_chain_id(station::chain_id(db)),
      m_zone(std::move(zone)) {}

std::int64_t PlayLog::begin(PlayRecord record, std::optional<TimePoint> scheduled, TimePoint planned_start) {
    record.station = m_station;
    record.status = PlayStatus::started;
    PendingWrite write{PendingWrite::Kind::begin, 0, std::move(record), std::nullopt, unix_ms(planned_start), {}};
    if (scheduled) {
        write.record.scheduled_at = m_zone.format_iso(*scheduled);
        write.scheduled_ms = unix_ms(*scheduled);
    }
    give_identity(write.record);
    return write_or_queue(std::move(write));
}

void PlayLog::finish(std::int64_t play_id, const PlayEnd &end) {
    write_or_queue({PendingWrite::Kind::finish, play_id, {}, std::nullopt, std::nullopt, end});
}

std::int64_t PlayLog::record_outcome(PlayRecord record, std::optional<TimePoint> scheduled,
                                    PlayStatus status, const std::string &reason,
                                    std::optional<TimePoint> planned) {
    record.station = m_station;
    record.status = status;
    record.error = reason;
    PendingWrite write{PendingWrite::Kind::outcome, 0, std::move(record), std::nullopt, std::nullopt, {}};
    if (planned)
        write.planned_ms = unix_ms(*planned);
    if (scheduled) {
        write.record.scheduled_at = m_zone.format_iso(*scheduled);
        write.scheduled_ms = unix_ms(*scheduled);
    }
    give_identity(write.record);
    return write_or_queue(std::move(write));
}

std::int64_t PlayLog::write_or_queue(PendingWrite write) {
    if (flush()) {
        try {
            PendingWrite now = write;
            now.id = real_id(write.id);
            const std::int64_t id = apply(now);
            if (write.kind == PendingWrite::Kind::finish)
                m_written_ids.erase(write.id);
            return id;
        } catch (const sqlite::SqliteError &error) {
            if (!may_succeed_later(error))
                throw;
            m_problem = error.what();
        }
    }
    if (write.kind != PendingWrite::Kind::finish)
        write.id = m_next_provisional_id--;
    const std::int64_t id = write.id;
    m_pending.push_back(std::move(write));
    return id;
}

bool PlayLog::flush() {
    while (!m_pending.empty()) {
        PendingWrite &write = m_pending.front();
        const std::int64_t queued_id = write.id;
        try {
            PendingWrite now = write;
            if (write.kind == PendingWrite::Kind::finish)
                now.id = real_id(write.id);
            const std::int64_t written = apply(now);
            if (write.kind == PendingWrite::Kind::begin)
                m_written_ids[queued_id] = written;
            else if (write.kind == PendingWrite::Kind::finish)
                m_written_ids.erase(queued_id);
        } catch (const sqlite::SqliteError &error) {
            if (may_succeed_later(error)) {
                m_problem = error.what();
                return false;
            }
            // The database refuses this row for good (the item already has its
            // outcome, which the unique index guards): its finish updates nothing.
        }
        m_pending.pop_front();
    }
    m_problem.reset();
    return true;
}

std::int64_t PlayLog::real_id(std::int64_t id) const {
    if (id >= 0)
        return id;
    const auto found = m_written_ids.find(id);
    return found == m_written_ids.end() ? 0 : found->second;
}

std::int64_t PlayLog::apply(const PendingWrite &write) {
    sqlite::Transaction transaction(m_db);
    std::int64_t id = write.id;
    switch (write.kind) {
    case PendingWrite::Kind::begin: {
        if (write.record.resumes && *write.record.resumes < 0) {
            // It continues an attempt that waited in memory: link the row that attempt became.
            PlayRecord record = write.record;
            const std::int64_t resumed = real_id(*record.resumes);
            record.resumes = resumed > 0 ? std::optional<std::int64_t>(resumed) : std::nullopt;
            id = insert(m_db, record, write.scheduled_ms, write.planned_ms);
        } else {
            id = insert(m_db, write.record, write.scheduled_ms, write.planned_ms);
        }
        break;
    }
    case PendingWrite::Kind::outcome: {
        id = insert(m_db, write.record, write.scheduled_ms, write.planned_ms);
        chain(id);
        break;
    }
    case PendingWrite::Kind::finish: {
        const PlayEnd &end = write.end;
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
        update.bind(1, write.id).bind(2, to_string(end.status)).bind(3, started_at).bind(4, started_ms);
        update.bind(5, ended_at).bind(6, duration_ms).bind(7, end.error).bind(8, end.underruns);
        update.run();
        if (m_db.changes() > 0)
            chain(write.id);
        break;
    }
    }
    transaction.commit();
    return id;
}

bool PlayLog::has_outcome(const std::string &slot, const std::string &occurrence_or_instant, std::int64_t position) {
    const std::string occurrence = civil_identity(occurrence_or_instant);
    for (const auto &write : m_pending) {
        const auto &r = write.record;
        if (write.kind == PendingWrite::Kind::finish || r.trigger != Trigger::scheduled || r.slot != slot ||
            r.occurrence != occurrence || r.position != position || r.status == PlayStatus::interrupted)
            continue;
        bool interrupted = false;
        for (const auto &later : m_pending)
            if (later.kind == PendingWrite::Kind::finish && later.id == write.id &&
                later.end.status == PlayStatus::interrupted)
                interrupted = true;
        if (!interrupted)
            return true;
    }
    try {
        // A started row whose interruption waits in memory is no outcome.
        std::vector<std::int64_t> interrupted;
        for (const auto &write : m_pending)
            if (write.kind == PendingWrite::Kind::finish && write.end.status == PlayStatus::interrupted)
                interrupted.push_back(real_id(write.id));
        sqlite::Statement select(m_db, "SELECT play_id FROM plays WHERE trigger = 'scheduled' AND slot = ?1 AND "
                                       "occurrence = ?2 AND position = ?3 AND status <> 'interrupted'");
        select.bind(1, slot).bind(2, occurrence).bind(3, position);
        bool found = false;
        while (select.step())
            if (std::find(interrupted.begin(), interrupted.end(), select.column_int(0)) == interrupted.end())
                found = true;
        return found;
    } catch (const sqlite::SqliteError &error) {
        if (!may_succeed_later(error))
            throw;
        m_problem = error.what();
        return false; // The unique index still refuses a second outcome when the rows are written.
    }
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

void PlayLog::set_write_wait(std::chrono::milliseconds wait) {
    sqlite3_busy_timeout(m_db.handle(), static_cast<int>(wait.count()));
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
        sqlite::Statement select(m_db, std::string(play_select_columns) + "WHERE play_id = ?1");
        select.bind(1, play_id);
        select.step();
        record = read_play_row(select);
        select.reset();
    }
    record.seq = seq;
    record.prev_hash.reset();
    record.row_hash.reset();
    const std::string canonical = canonical_encoding(record, m_chain_id);
    const std::string row_hash = chain_hash(prev_hash, canonical);
    sqlite::Statement update(m_db, "UPDATE plays SET seq = ?2, prev_hash = ?3, row_hash = ?4, canonical = ?5 WHERE play_id = ?1");
    update.bind(1, play_id).bind(2, seq).bind(3, prev_hash).bind(4, row_hash).bind(5, canonical).run();
    set_chain_head(m_db, {seq, row_hash});
}

std::vector<PlayRecord> PlayLog::query(const PlayFilter &filter) const {
    std::vector<PlayRecord> rows;
    scan(filter, [&](const PlayRecord &row) { rows.push_back(row); });
    return rows;
}

void PlayLog::scan(const PlayFilter &filter, const std::function<void(const PlayRecord &)> &visit) const {
    scan_plays(m_db, filter, visit);
}

} // namespace loa::playlog
