#pragma once
// `loa verify` on the station database: recomputes every chained row's canonical
// encoding from its columns and checks the chain from seq 1 to the recorded head.
#include "playlog/chain_verifier.hpp"

namespace loa::sqlite {
class Database;
}

namespace loa::playlog {

struct VerifyResult {
    std::int64_t rows_checked = 0;
    std::optional<std::int64_t> last_seq;
    std::optional<ChainBreak> first_break;
};

/// Reads the whole chain of `db` (streaming, in seq order). Throws SqliteError.
VerifyResult verify_log(sqlite::Database &db);

} // namespace loa::playlog
