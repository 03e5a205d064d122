#include "playlog/people_numbers.hpp"

namespace loa::playlog {

std::int64_t people_position(std::int64_t position) noexcept {
    return position + 1;
}

std::int64_t people_lateness_ms(std::int64_t lateness_ms) noexcept {
    return lateness_ms <= 1 ? 0 : lateness_ms;
}

std::int64_t people_number(Display display, std::int64_t stored) noexcept {
    switch (display) {
    case Display::place:
        return people_position(stored);
    case Display::lateness:
        return people_lateness_ms(stored);
    default:
        return stored;
    }
}

} // namespace loa::playlog
