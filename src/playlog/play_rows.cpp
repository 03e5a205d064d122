#include "playlog/play_rows.hpp"

#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"
#include "playlog/play_log.hpp"

#include <limits>

namespace loa::playlog {
namespace {

void read_int(const sqlite::Statement &row, int column, std::optional<std::int64_t> &into) {
    if (row.is_null(column))
        into.reset();
    else
        into = row.column_int(column);
}

void read_text(const sqlite::Statement &row, int column, std::string &into) {
    const std::string_view text = row.column_view(column);
    into.assign(text.data(), text.size());
}

void read_text(const sqlite::Statement &row, int column, std::optional<std::string> &into) {
    if (row.is_null(column)) {
        into.reset();
        return;
    }
    const std::string_view text = row.column_view(column);
    if (into)
        into->assign(text.data(), text.size()); // keeps the string's memory
    else
        into.emplace(text);
}

} // namespace

const char *const play_select_columns =
    "SELECT play_id, station, slot, scheduled_at, position, started_at, ended_at, announcement, "
    "title, campaign, sha256, status, lateness_ms, duration_ms, priority, trigger, error, "
    "schedule_sha256, device, underruns, clock_synced, seq, prev_hash, row_hash, canonical FROM plays ";

void read_play_row(const sqlite::Statement &row, PlayRecord &r) {
    r.play_id = row.column_int(0);
    read_text(row, 1, r.station);
    read_text(row, 2, r.slot);
    read_text(row, 3, r.scheduled_at);
    read_int(row, 4, r.position);
    read_text(row, 5, r.started_at);
    read_text(row, 6, r.ended_at);
    read_text(row, 7, r.announcement);
    read_text(row, 8, r.title);
    read_text(row, 9, r.campaign);
    read_text(row, 10, r.sha256);
    r.status = parse_play_status(row.column_view(11)).value_or(PlayStatus::failed);
    read_int(row, 12, r.lateness_ms);
    read_int(row, 13, r.duration_ms);
    r.priority = parse_priority(row.column_view(14)).value_or(Priority::normal);
    r.trigger = parse_trigger(row.column_view(15)).value_or(Trigger::scheduled);
    read_text(row, 16, r.error);
    read_text(row, 17, r.schedule_sha256);
    read_text(row, 18, r.device);
    read_int(row, 19, r.underruns);
    if (row.is_null(20))
        r.clock_synced.reset();
    else
        r.clock_synced = row.column_int(20) != 0;
    read_int(row, 21, r.seq);
    read_text(row, 22, r.prev_hash);
    read_text(row, 23, r.row_hash);
    read_text(row, 24, r.canonical);
}

PlayRecord read_play_row(const sqlite::Statement &row) {
    PlayRecord r;
    read_play_row(row, r);
    return r;
}

void scan_plays(sqlite::Database &db, const PlayFilter &filter, const std::function<void(const PlayRecord &)> &visit) {
    // In time order; the index plays_by_time serves it.
    sqlite::Statement select(db, std::string(play_select_columns) +
                                     "WHERE (?1 IS NULL OR coalesce(started_ms, scheduled_ms, planned_ms) >= ?1) "
                                     "AND (?2 IS NULL OR coalesce(started_ms, scheduled_ms, planned_ms) < ?2) "
                                     "AND (?3 IS NULL OR status = ?3) "
                                     "ORDER BY coalesce(started_ms, scheduled_ms, planned_ms), play_id");
    const auto unix_ms = [](TimePoint instant) {
        return std::chrono::duration_cast<std::chrono::milliseconds>(instant.time_since_epoch()).count();
    };
    if (filter.from)
        select.bind(1, unix_ms(*filter.from));
    if (filter.to)
        select.bind(2, unix_ms(*filter.to));
    if (filter.status)
        select.bind(3, to_string(*filter.status));
    PlayRecord record;
    while (select.step()) {
        read_play_row(select, record);
        visit(record);
    }
}

std::optional<ChainHead> chain_head(sqlite::Database &db) {
    sqlite::Statement select(db, "SELECT value FROM meta WHERE key = 'chain_head'");
    if (!select.step())
        return std::nullopt;
    const std::string value = select.column_text(0);
    select.reset();
    const auto colon = value.find(':');
    if (colon == std::string::npos)
        return std::nullopt;
    try {
        return ChainHead{std::stoll(value.substr(0, colon)), value.substr(colon + 1)};
    } catch (const std::exception &) {
        return ChainHead{std::numeric_limits<std::int64_t>::max(), value}; // edited: no chain reaches it
    }
}

void set_chain_head(sqlite::Database &db, const ChainHead &head) {
    sqlite::Statement upsert(db, "INSERT INTO meta (key, value) VALUES ('chain_head', ?1) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    upsert.bind(1, std::to_string(head.seq) + ":" + head.row_hash).run();
}

} // namespace loa::playlog
