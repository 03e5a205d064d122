#include "schedule/check.hpp"

namespace loa::schedule {

std::vector<Diagnostic> check_announcements(const Schedule &schedule, const std::string &file,
                                            const std::function<bool(const std::string &)> &exists) {
    DiagnosticList problems(file);
    for (const auto &slot : schedule.slots) {
        for (std::size_t i = 0; i < slot.play.size(); ++i) {
            if (exists(slot.play[i]))
                continue;
            const auto position = i < slot.play_positions.size() ? slot.play_positions[i] : slot.position;
            problems.error(position, "slot '" + slot.id + "' plays '" + slot.play[i] +
                                         "', which is not in the library; import it first "
                                         "(loa import FILE --id " + slot.play[i] + ") or correct the id ('loa list' shows them)");
        }
    }
    return problems.take_sorted();
}

} // namespace loa::schedule
