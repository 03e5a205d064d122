#pragma once
// `loa verify FILE`: checks an exported play log without the station database.
// Chained rows are checked in seq order (an export is in time order); each row's
// visible fields must say what its canonical text says, and the canonical text
// must hash to row_hash, linked to the row before. An export of a period starts
// mid-chain, so its first prev_hash can only be checked against the next rows —
// and against the export's end record, which names the first and last seq, the
// count, the first prev_hash and the head: rows deleted from either end of the file
// break it. (An export made before loa wrote end records verifies without it; the
// result says so.) A CSV that a spreadsheet program saved again is refused with a
// message that says so and names the column it changed (InputError).
#include "playlog/chain_verifier.hpp"
#include "report/chain_witness.hpp"
#include "report/export_reader.hpp"

namespace loa::report {

struct ExportVerifyResult {
    std::int64_t rows_checked = 0;
    std::optional<std::int64_t> first_seq;
    std::optional<std::int64_t> last_seq;
    std::optional<playlog::ChainBreak> first_break;
    std::size_t line = 0; ///< The file line of the broken row, when known.
    bool has_end_record = false;
    ChainWitness witness; ///< What the verified rows cover (compare with a report's).
};

/// `name` is the file's, for messages. Throws InputError for a spreadsheet's copy.
ExportVerifyResult verify_export(const ExportedLog &log, const std::string &name);

} // namespace loa::report
