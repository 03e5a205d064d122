#include "playlog/verify_log.hpp"

#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"
#include "playlog/chain.hpp"
#include "playlog/play_rows.hpp"
#include "station/home.hpp"

namespace loa::playlog {
namespace {

/// A final row without a seq was put in the table behind loa's back.
std::optional<ChainBreak> unchained_final_row(sqlite::Database &db) {
    sqlite::Statement select(db, "SELECT play_id, status FROM plays WHERE seq IS NULL AND status <> 'started' "
                                 "ORDER BY play_id LIMIT 1");
    if (!select.step())
        return std::nullopt;
    ChainBreak problem{0, select.column_int(0), BreakKind::inserted, ""};
    problem.message = "play_id " + std::to_string(problem.play_id) + " is final (" + select.column_text(1) +
                      ") but not in the chain: it was inserted or edited outside loa";
    select.reset();
    return problem;
}

} // namespace

VerifyResult verify_log(sqlite::Database &db) {
    const std::string chain_id = station::chain_id(db);
    ChainVerifier verifier(chain_id, ChainStart::genesis, EmptyText::is_text);
    {
        sqlite::Statement select(db, std::string(play_select_columns) + "WHERE seq IS NOT NULL ORDER BY seq");
        ChainRow row;
        row.chain_id = chain_id;
        row.recomputed_canonical.emplace();
        PlayRecord record; // one record and one row for the whole log: no allocation per row
        const std::string none;
        while (select.step()) {
            read_play_row(select, record);
            row.seq = record.seq.value_or(0);
            row.play_id = record.play_id;
            row.prev_hash.assign(record.prev_hash ? *record.prev_hash : none);
            row.row_hash.assign(record.row_hash ? *record.row_hash : none);
            row.canonical.assign(record.canonical ? *record.canonical : none);
            canonical_encoding(record, chain_id, *row.recomputed_canonical);
            if (!verifier.add(row)) {
                select.reset();
                break;
            }
        }
    }
    if (!verifier.first_break()) {
        if (const auto head = chain_head(db); head && head->seq > verifier.last_seq().value_or(0))
            verifier.fail({head->seq, 0, BreakKind::deleted,
                           "the chain ends at seq " + std::to_string(verifier.last_seq().value_or(0)) +
                               " but loa chained up to seq " + std::to_string(head->seq) +
                               ": the last rows were deleted"});
    }
    if (!verifier.first_break())
        if (auto problem = unchained_final_row(db))
            verifier.fail(std::move(*problem));
    return {verifier.rows_checked(), verifier.last_seq(), verifier.first_break()};
}

} // namespace loa::playlog
