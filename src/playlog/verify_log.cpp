#include "playlog/verify_log.hpp"

#include "core/i18n.hpp"
#include "core/station_time.hpp"
#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"
#include "playlog/chain.hpp"
#include "playlog/play_rows.hpp"
#include "station/home.hpp"

namespace loa::playlog {
namespace {

/// A final row without a seq was put in the table behind loa's back.
std::optional<ChainBreak> unchained_final_row(sqlite::Database &db) {
    sqlite::Statement select(
        db, "SELECT play_id, status FROM plays WHERE seq IS NULL AND status <> 'started' "
            "ORDER BY play_id LIMIT 1");
    if (!select.step())
        return std::nullopt;
    ChainBreak problem{0, select.column_int(0), BreakKind::inserted, ""};
    problem.message = i18n::format(_("play_id {1} is final ({2}) but not in the chain: it was "
                                     "inserted or edited outside loa"),
                                   std::to_string(problem.play_id), select.column_text(1));
    select.reset();
    return problem;
}

/// Whether a millisecond column says what the chained ISO time says (within the 1 ms
/// that rounding the ISO text and truncating the column can put between them).
std::optional<std::string> ms_difference(const sqlite::Statement &row, int iso_column,
                                         int ms_column, const char *name) {
    const auto iso = row.column_optional_text(iso_column);
    const bool has_ms = !row.is_null(ms_column);
    const std::int64_t ms = has_ms ? row.column_int(ms_column) : 0;
    const auto parsed = iso ? StationTime::parse(*iso) : std::nullopt;
    const bool has_expected = parsed.has_value();
    const std::int64_t expected = parsed ? parsed->unix_ms() : 0;
    // The ISO text is rounded to the millisecond, the column truncated: 1 ms apart at most.
    if (has_ms == has_expected && ms - expected <= 1 && expected - ms <= 1)
        return std::nullopt;
    const std::string empty = _("empty");
    return i18n::format(_("{1} is {2} but the chained time is {3}"), name,
                        has_ms ? std::to_string(ms) : empty, iso ? *iso : empty) +
           (has_expected ? " (" + std::to_string(expected) + ")" : "");
}

/// The millisecond columns of every chained row against its chained times. The rows'
/// ISO columns are checked against the canonical text by the chain itself.
std::optional<ChainBreak> ms_column_edit(sqlite::Database &db) {
    sqlite::Statement select(
        db, "SELECT seq, play_id, started_at, started_ms, scheduled_at, scheduled_ms, "
            "planned_ms, lateness_ms FROM plays WHERE seq IS NOT NULL ORDER BY seq");
    while (select.step()) {
        auto difference = ms_difference(select, 2, 3, "started_ms");
        if (!difference)
            difference = ms_difference(select, 4, 5, "scheduled_ms");
        if (!difference && !select.is_null(3) && !select.is_null(7) &&
            (select.is_null(6) ||
             select.column_int(6) != select.column_int(3) - select.column_int(7)))
            difference =
                i18n::format(_("planned_ms is {1} but started_ms - lateness_ms is {2}"),
                             select.is_null(6) ? std::string(_("empty")) : select.column_text(6),
                             std::to_string(select.column_int(3) - select.column_int(7)));
        if (difference) {
            ChainBreak problem{select.column_int(0), select.column_int(1), BreakKind::edited, ""};
            problem.message = i18n::format(
                _("seq {1} (play_id {2}): {3}: the column that listings and "
                  "reports sort by was edited"),
                std::to_string(problem.seq), std::to_string(problem.play_id), *difference);
            select.reset();
            return problem;
        }
    }
    return std::nullopt;
}

/// The tail of the chain against the two places that remember it.
std::optional<ChainBreak> truncation(sqlite::Database &db, const ChainVerifier &verifier) {
    const std::int64_t last = verifier.last_seq().value_or(0);
    const auto head = chain_head(db);
    if (!head && last > 0)
        return ChainBreak{
            last, 0, BreakKind::deleted,
            _("meta.chain_head is missing: loa records the chain's last row there with every "
              "row, so it was deleted, and the last rows may have been deleted with it")};
    if (head && head->seq > last)
        return ChainBreak{head->seq, 0, BreakKind::deleted,
                          i18n::format(_("the chain ends at seq {1} but loa chained up to seq "
                                         "{2}: the last rows were deleted"),
                                       std::to_string(last), std::to_string(head->seq))};
    sqlite::Statement select(db, "SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'plays'), "
                                 "(SELECT max(play_id) FROM plays)");
    select.step();
    if (!select.is_null(0) &&
        select.column_int(0) > (select.is_null(1) ? 0 : select.column_int(1))) {
        const std::int64_t given = select.column_int(0);
        const std::int64_t kept = select.is_null(1) ? 0 : select.column_int(1);
        select.reset();
        return ChainBreak{
            last, given, BreakKind::deleted,
            i18n::format(_("play_id {1} were given out but are no longer in the table: the "
                           "last rows were deleted"),
                         given > kept + 1 ? i18n::format(_("{1} to {2}"), std::to_string(kept + 1),
                                                         std::to_string(given))
                                          : std::to_string(kept + 1))};
    }
    select.reset();
    return std::nullopt;
}

} // namespace

VerifyResult verify_log(sqlite::Database &db) {
    const std::string chain_id = station::chain_id(db);
    ChainVerifier verifier(chain_id, ChainStart::genesis, EmptyText::is_text);
    std::string head_hash;
    {
        sqlite::Statement select(db, std::string(play_select_columns) +
                                         "WHERE seq IS NOT NULL ORDER BY seq");
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
            head_hash.assign(row.row_hash);
        }
    }
    if (!verifier.first_break())
        if (auto problem = ms_column_edit(db))
            verifier.fail(std::move(*problem));
    if (!verifier.first_break())
        if (auto problem = truncation(db, verifier))
            verifier.fail(std::move(*problem));
    if (!verifier.first_break())
        if (auto problem = unchained_final_row(db))
            verifier.fail(std::move(*problem));
    VerifyResult result;
    result.rows_checked = verifier.rows_checked();
    result.last_seq = verifier.last_seq();
    result.first_break = verifier.first_break();
    result.chain_id = chain_id;
    result.head_hash = head_hash;
    sqlite::Statement meta(db, "SELECT key, value FROM meta WHERE key IN ('previous_database', "
                               "'previous_chain_id', 'previous_chain_head')");
    while (meta.step()) {
        const std::string key = meta.column_text(0);
        if (key == "previous_database")
            result.begins_after_damaged = meta.column_text(1);
        else
            (key == "previous_chain_id" ? result.previous_chain_id : result.previous_chain_head) =
                meta.column_text(1);
    }
    return result;
}

std::optional<std::string> chained_row_hash(sqlite::Database &db, std::int64_t seq) {
    sqlite::Statement select(db, "SELECT row_hash FROM plays WHERE seq = ?1");
    select.bind(1, seq);
    if (!select.step())
        return std::nullopt;
    auto hash = select.column_optional_text(0);
    select.reset();
    return hash;
}

} // namespace loa::playlog
