#pragma once
// The play log as JSON lines: one object per row with DESIGN.md's fields and the
// hash-chain fields (for `--json` listings and `loa export --format json`).
#include "playlog/play_record.hpp"
#include "report/csv_export.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace loa::report {

/// One row as one line.
void write_json_line(std::ostream &out, const playlog::PlayRecord &row, const std::string &chain_id,
                     ExportColumns columns = ExportColumns::with_chain);

void write_json_lines(std::ostream &out, const std::vector<playlog::PlayRecord> &rows,
                      const std::string &chain_id);

} // namespace loa::report
