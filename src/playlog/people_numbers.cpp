#include "playlog/people_numbers.hpp"

namespace loa::playlog {

std::optional<StationTime> played_at(const PlayRecord &r) {
    return r.started_at ? r.started_at : r.scheduled_at;
}

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

namespace loa::playlog {

std::string people_date_time(std::string_view iso) {
    if (iso.size() < 16 || iso[4] != '-' || iso[7] != '-' || (iso[10] != 'T' && iso[10] != ' ') ||
        iso[13] != ':')
        return std::string(iso);
    const bool seconds = iso.size() >= 19 && iso[16] == ':';
    std::string out;
    out.reserve(19);
    out.append(iso.substr(8, 2)).append("/").append(iso.substr(5, 2)).append("/");
    out.append(iso.substr(0, 4)).append(" ").append(iso.substr(11, seconds ? 8 : 5));
    return out;
}

std::string people_decimal(std::string_view number) {
    std::string out(number);
    for (auto &c : out)
        if (c == '.')
            c = ',';
    return out;
}

} // namespace loa::playlog
