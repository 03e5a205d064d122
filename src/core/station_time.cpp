#include "core/station_time.hpp"

#include "core/time_zone.hpp"

#include <cstdio>
#include <cstdlib>

namespace loa {
namespace {

using namespace std::chrono;

/// The station-local date and time of `at`, rounded to the millisecond: a first
/// sample 0.1 ms early is on time, not at .999.
struct LocalParts {
    year_month_day date;
    milliseconds time_of_day;
};

LocalParts local_parts(const StationTime &at) {
    const auto local = round<milliseconds>(at.instant.time_since_epoch()) + at.utc_offset;
    const auto day = floor<days>(local);
    return {year_month_day{sys_days{day}}, local - day};
}

/// "2020-07-20" then `separator` then "06:00:00".
std::string to_seconds(const LocalParts &local, char separator) {
    const auto tod = local.time_of_day;
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%s%c%02ld:%02ld:%02ld",
                  loa::format_date(local.date).c_str(), separator,
                  static_cast<long>(duration_cast<hours>(tod).count()),
                  static_cast<long>(duration_cast<minutes>(tod).count() % 60),
                  static_cast<long>(duration_cast<seconds>(tod).count() % 60));
    return buffer;
}

/// Reads an unsigned decimal of exactly `width` digits at `at`.
bool read_digits(std::string_view text, std::size_t at, std::size_t width, int &out) {
    if (at + width > text.size())
        return false;
    out = 0;
    for (std::size_t i = at; i < at + width; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        out = out * 10 + (text[i] - '0');
    }
    return true;
}

/// The fraction of a second at `at` (after its '.'), or none; moves `at` past it.
std::optional<nanoseconds> read_fraction(std::string_view text, std::size_t &at) {
    nanoseconds fraction{0};
    if (at >= text.size() || text[at] != '.')
        return fraction;
    ++at;
    long long scale = 100'000'000;
    const std::size_t first = at;
    for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, scale /= 10)
        fraction += nanoseconds{(text[at] - '0') * scale};
    if (at == first)
        return std::nullopt;
    return fraction;
}

/// "Z" or "+07:00" at `at`, to the end of `text`.
std::optional<minutes> read_offset(std::string_view text, std::size_t at) {
    if (text.substr(at) == "Z")
        return minutes{0};
    int offset_hours = 0, offset_minutes = 0;
    if (at + 6 != text.size() || (text[at] != '+' && text[at] != '-') ||
        !read_digits(text, at + 1, 2, offset_hours) || text[at + 3] != ':' ||
        !read_digits(text, at + 4, 2, offset_minutes))
        return std::nullopt;
    const minutes offset = hours{offset_hours} + minutes{offset_minutes};
    return text[at] == '-' ? -offset : offset;
}

} // namespace

StationTime StationTime::in(const TimeZone &zone, TimePoint instant) {
    return {instant, zone.to_local(round<milliseconds>(instant)).utc_offset};
}

std::string StationTime::text() const {
    const LocalParts local = local_parts(*this);
    const long offset_minutes = duration_cast<minutes>(utc_offset).count();
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, ".%03ld%c%02ld:%02ld",
                  static_cast<long>(local.time_of_day.count() % 1000),
                  offset_minutes < 0 ? '-' : '+', std::labs(offset_minutes) / 60,
                  std::labs(offset_minutes) % 60);
    return to_seconds(local, 'T') + buffer;
}

std::chrono::year_month_day StationTime::date() const {
    return local_parts(*this).date;
}

std::string StationTime::people_text() const {
    return to_seconds(local_parts(*this), ' ');
}

std::int64_t StationTime::unix_ms() const {
    return duration_cast<milliseconds>(instant.time_since_epoch()).count();
}

std::optional<StationTime> StationTime::parse(std::string_view text) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!read_digits(text, 0, 4, year) || text.size() < 19 || text[4] != '-' ||
        !read_digits(text, 5, 2, month) || text[7] != '-' || !read_digits(text, 8, 2, day) ||
        text[10] != 'T' || !read_digits(text, 11, 2, hour) || text[13] != ':' ||
        !read_digits(text, 14, 2, minute) || text[16] != ':' || !read_digits(text, 17, 2, second))
        return std::nullopt;
    const year_month_day date{std::chrono::year{year},
                              std::chrono::month{static_cast<unsigned>(month)},
                              std::chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok() || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    std::size_t at = 19;
    const auto fraction = read_fraction(text, at);
    const auto offset = fraction ? read_offset(text, at) : std::nullopt;
    if (!offset)
        return std::nullopt;
    const auto local = sys_days{date} + hours{hour} + minutes{minute} + seconds{second};
    return StationTime{time_point_cast<TimePoint::duration>(local - *offset + *fraction), *offset};
}

} // namespace loa
