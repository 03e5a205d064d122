#pragma once
// `loa verify FILE`: checks an exported play log without the station database.
// Chained rows are checked in seq order (an export is in time order); each row's
// visible fields must say what its canonical text says, and the canonical text
// must hash to row_hash, linked to the row before. An export of a period starts
// mid-chain, so its first prev_hash can only be checked against the next rows.
#include "playlog/chain_verifier.hpp"
#include "report/export_reader.hpp"

namespace loa::report {

struct ExportVerifyResult {
    std::int64_t rows_checked = 0;
    std::optional<std::int64_t> first_seq;
    std::optional<std::int64_t> last_seq;
    std::optional<playlog::ChainBreak> first_break;
    std::size_t line = 0; ///< The file line of the broken row, when known.
};

ExportVerifyResult verify_export(const ExportedLog &log);

} // namespace loa::report
