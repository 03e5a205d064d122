// Writing one journal entry into the station database, in one transaction: a
// begun or decided row is inserted (once: a replayed entry finds the row it
// wrote), a finish updates the row its begin entry wrote, and a final row is
// chained. The times of a finish get the station's offset here, where they are stored.
#include "core/station_time.hpp"
#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"
#include "playlog/chain.hpp"
#include "playlog/play_log.hpp"
#include "playlog/play_rows.hpp"
#include "station/home.hpp"

namespace loa::playlog {
namespace {

/// A row's play_id by the journal entry that wrote it, if it is in the database.
std::optional<std::int64_t> row_of_entry(sqlite::Database &db, const std::string &entry) {
    const auto select = db.cached("SELECT play_id FROM plays WHERE entry = ?1");
    select->bind(1, entry);
    if (!select->step())
        return std::nullopt;
    return select->column_int(0);
}

std::optional<StationTime> station_time(const TimeZone &zone, std::optional<TimePoint> instant) {
    return instant ? std::optional<StationTime>(StationTime::in(zone, *instant)) : std::nullopt;
}

std::optional<std::string> text_of(const std::optional<StationTime> &at) {
    return at ? std::optional<std::string>(at->text()) : std::nullopt;
}

/// Ends the `started` row `id` as `end` says; whether it did (a row already final is left).
bool finish_row(sqlite::Database &db, const TimeZone &zone, std::int64_t id, const PlayEnd &end) {
    const auto update = db.cached(
        "UPDATE plays SET status = ?2, started_at = coalesce(?3, started_at), "
        "started_ms = coalesce(?4, started_ms), ended_at = ?5, duration_ms = ?6, error = ?7, "
        "underruns = ?8, reason_code = ?9, reason_params = ?10, "
        "lateness_ms = CASE WHEN ?4 IS NOT NULL THEN ?4 - planned_ms END "
        "WHERE play_id = ?1 AND status = 'started'");
    const auto started_at = station_time(zone, end.started_at);
    const auto ended_at = station_time(zone, end.ended_at);
    std::optional<std::int64_t> started_ms, duration_ms;
    if (started_at)
        started_ms = started_at->unix_ms();
    if (started_at && ended_at)
        duration_ms = ended_at->unix_ms() - started_at->unix_ms();
    update->bind(1, id).bind(2, to_string(end.status)).bind(3, text_of(started_at));
    update->bind(4, started_ms).bind(5, text_of(ended_at)).bind(6, duration_ms);
    update->bind(7, end.error).bind(8, end.underruns);
    update->bind(9, end.reason_code).bind(10, end.reason_params);
    update->run();
    return db.changes() > 0;
}

} // namespace

std::int64_t PlayLog::apply(const PendingWrite &write) {
    sqlite::Transaction transaction(m_db);
    std::int64_t id = write.id;
    const JournalEntry &entry = write.entry;
    if (entry.kind != JournalEntry::Kind::finish) {
        if (const auto existing = row_of_entry(m_db, entry.id))
            return *existing; // replayed: the row is already there
        PlayRecord record = entry.record;
        if (record.resumes && *record.resumes < 0) {
            // It continues an attempt that waited in memory: link the row that attempt became.
            const std::int64_t resumed = real_id(*record.resumes);
            record.resumes = resumed > 0 ? std::optional<std::int64_t>(resumed) : std::nullopt;
        }
        id = insert_play_row(m_db, record);
        if (entry.kind == JournalEntry::Kind::outcome)
            chain(id);
        transaction.commit();
        return id;
    }
    // The begin entry names the row (the id may be of a database since set aside).
    if (!entry.finishes.empty())
        id = row_of_entry(m_db, entry.finishes).value_or(id);
    if (finish_row(m_db, m_zone, id, entry.end))
        chain(id);
    transaction.commit();
    return id;
}

void PlayLog::chain(std::int64_t play_id) {
    std::int64_t seq = 1;
    std::string prev_hash = genesis_hash;
    {
        const auto last = m_db.cached(
            "SELECT seq, row_hash FROM plays WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1");
        if (last->step()) {
            seq = last->column_int(0) + 1;
            prev_hash = last->column_text(1);
        }
    }
    PlayRecord record;
    {
        static const std::string by_id = play_select_columns + "WHERE play_id = ?1";
        const auto select = m_db.cached(by_id);
        select->bind(1, play_id);
        select->step();
        record = read_play_row(*select);
    }
    record.seq = seq;
    record.prev_hash.reset();
    record.row_hash.reset();
    const std::string canonical = canonical_encoding(record, m_chain_id);
    const std::string row_hash = chain_hash(prev_hash, canonical);
    const auto update = m_db.cached("UPDATE plays SET seq = ?2, prev_hash = ?3, row_hash = ?4, "
                                    "canonical = ?5 WHERE play_id = ?1");
    update->bind(1, play_id)
        .bind(2, seq)
        .bind(3, prev_hash)
        .bind(4, row_hash)
        .bind(5, canonical)
        .run();
    set_chain_head(m_db, {seq, row_hash});
}

} // namespace loa::playlog
