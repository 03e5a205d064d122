#pragma once
// Reading one [[slot]] or [[skip]] block. Internal to the schedule module: parse()
// calls these, then checks what spans blocks (duplicate ids, skips naming slots).
#include "schedule/diagnostic.hpp"
#include "schedule/schedule.hpp"

#include <toml++/toml.h>

#include <string>
#include <vector>

namespace loa::schedule {

/// A slot as read, even if parts of it were wrong (they are reported to `out`), and
/// the positions the checks across blocks report at.
struct SlotRead {
    Slot slot;
    SourcePosition id_position;
    std::vector<SourcePosition> date_positions; ///< Parallel to slot.dates.
};

SlotRead read_slot(const toml::table &table, DiagnosticList &out);

/// A skip; each slot id it names must be one of `slot_ids`.
Skip read_skip(const toml::table &table, const std::vector<std::string> &slot_ids,
               DiagnosticList &out);

} // namespace loa::schedule
