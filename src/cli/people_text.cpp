#include "cli/people_text.hpp"

#include "core/i18n.hpp"
#include "playlog/people_numbers.hpp"

namespace loa::cli {

std::string position_text(std::int64_t position) {
    return "#" + std::to_string(playlog::people_position(position));
}

std::string lateness_text(std::int64_t lateness_ms) {
    const std::int64_t ms = playlog::people_lateness_ms(lateness_ms);
    if (ms < 1000)
        return i18n::format(_("late {1} ms"), std::to_string(ms));
    if (ms < 60'000)
        // {1}.{2}: seconds and tenths; a translation writes its own decimal separator.
        return i18n::format(_("late {1}.{2} s"), std::to_string(ms / 1000),
                            std::to_string(ms % 1000 / 100));
    return i18n::format(_("late {1} min {2} s"), std::to_string(ms / 60'000),
                        std::to_string(ms % 60'000 / 1000));
}

} // namespace loa::cli
