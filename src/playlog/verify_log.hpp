#pragma once
// `loa verify` on the station database: recomputes every chained row's canonical
// encoding from its columns and checks the chain from seq 1 to the recorded head.
// The millisecond columns that listings and reports filter and sort by
// (started_ms, scheduled_ms, planned_ms) are checked against the chained ISO times
// (planned_ms through lateness_ms = started_ms - planned_ms).
//
// Truncation. The chain's head is kept twice besides the rows: meta.chain_head
// (seq:row_hash) and SQLite's sqlite_sequence for plays (the highest play_id ever
// given). Deleting the last rows shows unless the deleter also rewrites both; a
// missing chain_head is itself a break. A deleter who rewrites both to the new
// last row cannot be caught from the database alone: only a witness kept outside
// it (a report or export sent earlier: `loa verify --report R`) can.
#include "playlog/chain_verifier.hpp"

namespace loa::sqlite {
class Database;
}

namespace loa::playlog {

struct VerifyResult {
    std::int64_t rows_checked = 0;
    std::optional<std::int64_t> last_seq;
    std::optional<ChainBreak> first_break;
    std::string chain_id;
    std::string head_hash; ///< The row_hash of last_seq.
    /// When the chain began in a fresh database after a damaged one: that file's
    /// name, and the chain before (its id and "seq:row_hash" head, as far as known).
    std::optional<std::string> begins_after_damaged;
    std::string previous_chain_id;
    std::string previous_chain_head;
};

/// Reads the whole chain of `db` (streaming, in seq order). Throws SqliteError.
VerifyResult verify_log(sqlite::Database &db);

/// The row_hash of the row chained as `seq`; nullopt when there is none.
std::optional<std::string> chained_row_hash(sqlite::Database &db, std::int64_t seq);

} // namespace loa::playlog
