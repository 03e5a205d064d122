#include "engine/progress_line.hpp"

#include <cstdio>

namespace loa::engine {

std::string ProgressLines::line(TimePoint at, std::string_view message) {
    const auto local = m_zone.to_local(at);
    const auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(local.time_of_day).count();
    char text[48];
    int length = 0;
    if (m_last_date != local.date)
        length = std::snprintf(
            text, sizeof text, "%02u/%02u/%04d ", static_cast<unsigned>(local.date.day()),
            static_cast<unsigned>(local.date.month()), static_cast<int>(local.date.year()));
    std::snprintf(text + length, sizeof text - static_cast<std::size_t>(length),
                  "%02lld:%02lld:%02lld ", static_cast<long long>(seconds / 3600),
                  static_cast<long long>(seconds / 60 % 60), static_cast<long long>(seconds % 60));
    m_last_date = local.date;
    return text + std::string(message);
}

std::string position_text(std::int64_t position) {
    return "#" + std::to_string(position + 1);
}

} // namespace loa::engine
