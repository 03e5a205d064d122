#pragma once
// The chain witness: which stretch of the log's hash chain a report or an export
// covers — the chain id, the first and last seq, how many chained rows, the
// prev_hash before the first and the row_hash of the last (the head). A report
// prints it in one line that `loa verify FILE --report R` reads back; an export
// ends with it as an end record that `loa verify FILE` checks. Rows deleted from
// the start or the end of an export (or of the database, against a report sent
// earlier) change it.
//
// The line, in every report format:
//   log chain CHAIN_ID: seq FIRST to LAST (N rows), head HEAD_HASH
//   log chain CHAIN_ID: no chained rows in this period
// The end record's members (JSON; in a CSV the second field of a record whose first
// is "loa-export-end"): chain_id, rows, first_seq, last_seq, first_prev_hash, head_hash.
#include "playlog/flat_json.hpp"
#include "playlog/play_record.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace loa::report {

/// What a reader of the report is told above the line, which stays in its machine form.
inline constexpr const char *witness_caption =
    "Mã kiểm chứng nhật ký phát (để đối chiếu bằng lệnh loa verify --report; xin giữ nguyên "
    "dòng dưới đây):";

struct ChainWitness {
    std::string chain_id;
    std::int64_t rows = 0; ///< Chained rows; rows still playing are not chained yet.
    std::optional<std::int64_t> first_seq, last_seq;
    std::string first_prev_hash; ///< The prev_hash of first_seq.
    std::string head_hash;       ///< The row_hash of last_seq.

    bool operator==(const ChainWitness &) const = default;
};

/// Collects the witness of the rows it is shown, in any order.
class ChainTally {
public:
    void add(const playlog::PlayRecord &row);
    /// `chain_id` empty: the one the rows' canonical texts name.
    ChainWitness witness(const std::string &chain_id = {}) const;

private:
    ChainWitness m_witness;
};

/// The report's line (no line end, no markup: plain ASCII).
std::string witness_line(const ChainWitness &witness);
/// Finds the line in a report's text (HTML or plain); nullopt when it has none.
std::optional<ChainWitness> find_witness(std::string_view report);

/// The first field of a CSV export's end record.
inline constexpr std::string_view csv_end_marker = "loa-export-end";
/// The end record as a CSV record (with its CRLF) and as a JSON line (with its LF).
std::string csv_end_record(const ChainWitness &witness);
std::string json_end_record(const ChainWitness &witness);
/// Reads an end record's members back; nullopt when one is missing or not a number.
std::optional<ChainWitness> witness_from_end_record(const playlog::FlatObject &members);
/// Whether a JSON line's members are an end record (it has loa_export_end).
bool is_json_end_record(const playlog::FlatObject &members);

/// How two witnesses differ, in one line ("" when they agree), for `verify --report`.
std::string witness_difference(const ChainWitness &expected, const ChainWitness &found);

} // namespace loa::report
