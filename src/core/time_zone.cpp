#include "core/time_zone.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/station_time.hpp"

#include <cctz/civil_time.h>
#include <cctz/time_zone.h>

#include <cstdio>

namespace loa {

struct TimeZone::Impl {
    cctz::time_zone zone;
};

TimeZone::TimeZone(std::string name, std::shared_ptr<const Impl> impl)
    : m_name(std::move(name)), m_impl(std::move(impl)) {}

TimeZone TimeZone::load(const std::string &name) {
    auto impl = std::make_shared<Impl>();
    if (!cctz::load_time_zone(name, &impl->zone))
        throw InputError(i18n::format(_("unknown time zone '{1}': use a name from "
                                        "/usr/share/zoneinfo, such as Asia/Ho_Chi_Minh"),
                                      name));
    return TimeZone(name, std::move(impl));
}

LocalDateTime TimeZone::to_local(TimePoint instant) const {
    using namespace std::chrono;
    const auto seconds = floor<std::chrono::seconds>(instant);
    const auto info = m_impl->zone.lookup(time_point_cast<cctz::seconds>(seconds));
    const cctz::civil_second cs = info.cs;
    LocalDateTime local;
    local.date =
        year_month_day{year{static_cast<int>(cs.year())}, month{static_cast<unsigned>(cs.month())},
                       day{static_cast<unsigned>(cs.day())}};
    local.time_of_day = hours{cs.hour()} + minutes{cs.minute()} +
                        std::chrono::seconds{cs.second()} +
                        duration_cast<microseconds>(instant - seconds);
    local.utc_offset = std::chrono::seconds{info.offset};
    return local;
}

TimePoint TimeZone::from_local(std::chrono::year_month_day date,
                               std::chrono::seconds time_of_day) const {
    using namespace std::chrono;
    const cctz::civil_second cs(static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                                static_cast<unsigned>(date.day()), 0, 0, 0);
    const auto lookup = m_impl->zone.lookup(cs + time_of_day.count());
    switch (lookup.kind) {
    case cctz::time_zone::civil_lookup::SKIPPED:
        return time_point_cast<system_clock::duration>(lookup.trans);
    case cctz::time_zone::civil_lookup::REPEATED:
    case cctz::time_zone::civil_lookup::UNIQUE:
        break;
    }
    return time_point_cast<system_clock::duration>(lookup.pre);
}

std::string TimeZone::format_iso(TimePoint instant) const {
    return StationTime::in(*this, instant).text();
}

std::string TimeZone::format_date(TimePoint instant) const {
    return loa::format_date(to_local(instant).date);
}

std::chrono::year_month_day parse_date(const std::string &text, const std::string &what) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3)
        throw InputError(i18n::format(
            _("{1} '{2}' is not a date: write it as YYYY-MM-DD, e.g. 2020-07-17"), what, text));
    const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{m},
                                           std::chrono::day{d}};
    if (!date.ok())
        throw InputError(i18n::format(_("{1} '{2}' is not a real calendar date"), what, text));
    return date;
}

std::string format_date(std::chrono::year_month_day date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

} // namespace loa
