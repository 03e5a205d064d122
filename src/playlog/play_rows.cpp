#include "playlog/play_rows.hpp"

#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"

#include <limits>

namespace loa::playlog {
namespace {

std::optional<std::int64_t> optional_int(const sqlite::Statement &row, int column) {
    if (row.is_null(column))
        return std::nullopt;
    return row.column_int(column);
}

} // namespace

const char *const play_select_columns =
    "SELECT play_id, station, slot, scheduled_at, position, started_at, ended_at, announcement, "
    "title, campaign, sha256, status, lateness_ms, duration_ms, priority, trigger, error, "
    "schedule_sha256, device, underruns, clock_synced, seq, prev_hash, row_hash, canonical FROM plays ";

PlayRecord read_play_row(const sqlite::Statement &row) {
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
