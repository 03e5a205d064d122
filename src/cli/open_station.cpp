#include "cli/open_station.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace loa::cli {

OpenStation open_station(const station::Home &home, Access access) {
    auto config = home.load_config();
    auto zone = TimeZone::load(config.timezone);
    return OpenStation{std::move(config), std::move(zone), home.open_database(access)};
}

InstantRange local_date_range(const TimeZone &zone, const std::string &from_date,
                              const std::string &to_date) {
    const auto from = parse_date(from_date, "--from");
    const auto to = parse_date(to_date, "--to");
    if (std::chrono::sys_days(to) < std::chrono::sys_days(from))
        throw UsageError(i18n::format(_("--to {1} is before --from {2}"), to_date, from_date));

    const auto next_day =
        std::chrono::year_month_day(std::chrono::sys_days(to) + std::chrono::days(1));
    return {zone.from_local(from, std::chrono::seconds(0)),
            zone.from_local(next_day, std::chrono::seconds(0))};
}

std::string no_such_announcement(const std::string &id) {
    return i18n::format(_("no announcement '{1}' in the library; 'loa list' shows the ids"), id);
}

} // namespace loa::cli
