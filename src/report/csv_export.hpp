#pragma once
// The raw play log as CSV (RFC 4180, UTF-8) for the province: DESIGN.md's play
// row fields, then the hash-chain fields so the file can be verified on its own.
#include "playlog/play_record.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace loa::report {

/// Writes the header and one line per row, CRLF line ends as RFC 4180 says.
void write_csv(std::ostream &out, const std::vector<playlog::PlayRecord> &rows,
               const std::string &chain_id);

/// Quotes a CSV field when it needs it (comma, quote, CR or LF inside).
std::string csv_field(const std::string &text);

} // namespace loa::report
