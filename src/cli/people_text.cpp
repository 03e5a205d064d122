#include "cli/people_text.hpp"

namespace loa::cli {

std::string position_text(std::int64_t position) {
    return "#" + std::to_string(position + 1);
}

std::int64_t people_lateness_ms(std::int64_t lateness_ms) noexcept {
    return lateness_ms <= 1 ? 0 : lateness_ms;
}

std::string lateness_text(std::int64_t lateness_ms) {
    const std::int64_t ms = people_lateness_ms(lateness_ms);
    if (ms < 1000)
        return "late " + std::to_string(ms) + " ms";
    if (ms < 60'000)
        return "late " + std::to_string(ms / 1000) + "." + std::to_string(ms % 1000 / 100) + " s";
    return "late " + std::to_string(ms / 60'000) + " min " + std::to_string(ms % 60'000 / 1000) +
           " s";
}

} // namespace loa::cli
