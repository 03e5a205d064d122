#pragma once
// Checks a hash chain row by row, in seq order, and keeps the first break. The
// same checks serve the station database (`loa verify`) and an export
// (`loa verify FILE`); only where the rows come from differs.
//
// For each row, in this order: is it the next seq (a gap means deleted rows)?
// Is it in the expected chain? Does row_hash = SHA-256(prev_hash ∥ canonical)?
// Do the row's visible fields say what its canonical text says (an edited field)?
// Does prev_hash equal the previous row's row_hash (a row deleted, inserted or
// moved before it)? A row whose canonical text carries another seq was moved.
#include "playlog/flat_json.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace loa::playlog {

/// What kind of tampering a break most likely is.
enum class BreakKind { edited, deleted, inserted, reordered, malformed };

std::string_view to_string(BreakKind kind) noexcept;

struct ChainBreak {
    std::int64_t seq = 0;
    std::int64_t play_id = 0;
    BreakKind kind = BreakKind::edited;
    std::string message; ///< One line for the operator, naming seq and play_id.
};

/// One chained row as stored or exported.
struct ChainRow {
    std::int64_t seq = 0;
    std::int64_t play_id = 0;
    std::string chain_id;
    std::string prev_hash;
    std::string row_hash;
    std::string canonical; ///< The text row_hash covers, as stored.
    /// What the row shows, field by field, to compare with the canonical text (an export).
    FlatObject shown;
    /// The canonical encoding recomputed from the row's columns (the database).
    std::optional<std::string> recomputed_canonical;
};

/// How absent values are shown: CSV cannot tell "" from null.
enum class EmptyText { is_null, is_text };

/// Where the chain must start: at seq 1 (a whole log), or anywhere (an export of a period).
enum class ChainStart { genesis, anywhere };

class ChainVerifier {
public:
    /// `chain_id` empty: take the first row's.
    ChainVerifier(std::string chain_id, ChainStart start, EmptyText empty);

    /// Checks the next row in seq order. Returns false once a break has been found
    /// (later rows are then ignored).
    bool add(const ChainRow &row);

    /// Records a break found outside the chain (an unchained final row).
    void fail(ChainBreak problem);

    const std::optional<ChainBreak> &first_break() const noexcept { return m_break; }
    std::int64_t rows_checked() const noexcept { return m_rows; }
    std::optional<std::int64_t> last_seq() const noexcept { return m_last_seq; }

private:
    std::optional<ChainBreak> check(const ChainRow &row) const;
    std::optional<std::string> field_difference(const ChainRow &row,
                                                const FlatObject &canonical) const;

    std::string m_chain_id;
    ChainStart m_start;
    EmptyText m_empty;
    std::optional<std::int64_t> m_last_seq;
    std::string m_last_hash;
    std::int64_t m_rows = 0;
    std::optional<ChainBreak> m_break;
};

} // namespace loa::playlog
