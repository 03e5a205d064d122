#pragma once
// The overlap part of check(): two slots of the same priority playing at once.
// Internal to the schedule module.
#include "schedule/check.hpp"

#include <chrono>
#include <vector>

namespace loa::schedule {

/// Reports, once per pair of slots of the same priority (a slot with itself
/// included), the first time one starts while the other still plays. `lengths` is
/// parallel to schedule.slots.
void check_overlaps(const Schedule &schedule, const std::vector<std::chrono::milliseconds> &lengths,
                    const CheckContext &context, DiagnosticList &out);

} // namespace loa::schedule
