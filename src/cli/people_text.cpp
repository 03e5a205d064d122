#include "cli/people_text.hpp"

#include "playlog/people_numbers.hpp"

namespace loa::cli {

std::string position_text(std::int64_t position) {
    return "#" + std::to_string(playlog::people_position(position));
}

std::string lateness_text(std::int64_t lateness_ms) {
    const std::int64_t ms = playlog::people_lateness_ms(lateness_ms);
    if (ms < 1000)
        return "late " + std::to_string(ms) + " ms";
    if (ms < 60'000)
        return "late " + std::to_string(ms / 1000) + "." + std::to_string(ms % 1000 / 100) + " s";
    return "late " + std::to_string(ms / 60'000) + " min " + std::to_string(ms % 60'000 / 1000) +
           " s";
}

} // namespace loa::cli
