#pragma once
// Which dates a slot plays on: its days or dates, its from/until and the file's
// [[skip]]s. Shared by expand() and the overlap check. Internal to the module.
#include "schedule/schedule.hpp"

#include <chrono>
#include <map>
#include <optional>
#include <vector>

namespace loa::schedule {

/// True if `date` is inside [from, until] (a missing end is open).
bool within(const std::optional<std::chrono::year_month_day> &from,
            const std::optional<std::chrono::year_month_day> &until,
            std::chrono::year_month_day date) noexcept;

/// True if the slot's days or dates and its from/until include `date` (the file's
/// valid_from/valid_until and skips are not considered here).
bool plays_on(const Slot &slot, std::chrono::year_month_day date) noexcept;

/// For each skipped date, which slots (by index in the file) it silences.
class SkipIndex {
public:
    explicit SkipIndex(const Schedule &schedule);

    bool skips(std::chrono::sys_days day, std::size_t slot_index) const;

private:
    void mark(std::chrono::sys_days day, const std::vector<std::string> &ids,
              const std::vector<Slot> &slots);

    std::map<std::chrono::sys_days, std::vector<bool>> m_silenced;
};

} // namespace loa::schedule
