#pragma once
// Reading play rows and the chain head from the plays table; shared by the log,
// its verifier and the benchmarks.
#include "playlog/play_record.hpp"

#include <functional>
#include <optional>
#include <string>

namespace loa::sqlite {
class Database;
class Statement;
} // namespace loa::sqlite

namespace loa::playlog {

/// "SELECT <every stored field of play_fields()> FROM plays " (append WHERE/ORDER).
extern const std::string play_select_columns;

/// The current row of a statement made from play_select_columns.
PlayRecord read_play_row(const sqlite::Statement &row);
/// The same into `into`, reusing its strings' memory: a scan of a million rows
/// then allocates nothing per row.
void read_play_row(const sqlite::Statement &row, PlayRecord &into);

/// Inserts `record` (every stored field but play_id and the chain); returns its play_id.
std::int64_t insert_play_row(sqlite::Database &db, const PlayRecord &record);

struct PlayFilter;
/// Calls `visit` with each row PlayLog::query(filter) returns, in the same order,
/// through one PlayRecord reused for every row (exports and reports of a year).
/// `visit` must copy what it keeps.
void scan_plays(sqlite::Database &db, const PlayFilter &filter,
                const std::function<void(const PlayRecord &)> &visit);

/// The last row loa chained, kept in `meta` so that deleting the chain's tail shows.
struct ChainHead {
    std::int64_t seq = 0;
    std::string row_hash;
};
std::optional<ChainHead> chain_head(sqlite::Database &db);
void set_chain_head(sqlite::Database &db, const ChainHead &head);

} // namespace loa::playlog
