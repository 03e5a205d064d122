#include "core/time_of_day.hpp"

#include "core/i18n.hpp"

#include <cstdio>

namespace loa {
namespace {

bool is_digit(char c) noexcept {
    return c >= '0' && c <= '9';
}

/// Hours, minutes and seconds as written, without range checks.
struct Fields {
    int hours = 0, minutes = 0, seconds = 0;
};

/// Reads "HH:MM" or "HH:MM:SS" exactly: two digits each.
std::optional<Fields> read_strict(std::string_view text) noexcept {
    if (text.size() != 5 && text.size() != 8)
        return std::nullopt;
    const auto two_digits = [&](std::size_t at) {
        return is_digit(text[at]) && is_digit(text[at + 1])
                   ? (text[at] - '0') * 10 + (text[at + 1] - '0')
                   : -1;
    };
    Fields fields{two_digits(0), two_digits(3), text.size() == 8 ? two_digits(6) : 0};
    if (text[2] != ':' || (text.size() == 8 && text[5] != ':'))
        return std::nullopt;
    if (fields.hours < 0 || fields.minutes < 0 || fields.seconds < 0)
        return std::nullopt;
    return fields;
}

/// Reads 1-2 digits at `at`; -1 if there are none or more than two.
int read_number(std::string_view text, std::size_t &at) noexcept {
    int value = 0, digits = 0;
    while (at < text.size() && is_digit(text[at]) && digits < 3) {
        value = value * 10 + (text[at++] - '0');
        ++digits;
    }
    return digits == 0 || digits > 2 ? -1 : value;
}

/// The usual ways of writing a time loosely: "6:5", "6h", "6h30", "06.00", "6:05:0".
std::optional<Fields> read_loose(std::string_view text) noexcept {
    std::size_t at = 0;
    Fields fields;
    fields.hours = read_number(text, at);
    if (fields.hours < 0 || at == text.size())
        return std::nullopt;
    const char separator = text[at++];
    if (separator != ':' && separator != 'h' && separator != 'H' && separator != '.')
        return std::nullopt;
    if (at == text.size())
        return separator == ':' || separator == '.' ? std::nullopt : std::optional(fields);
    if ((fields.minutes = read_number(text, at)) < 0)
        return std::nullopt;
    if (at < text.size() && separator == ':' && text[at] == ':') {
        ++at;
        if ((fields.seconds = read_number(text, at)) < 0)
            return std::nullopt;
    }
    return at == text.size() ? std::optional(fields) : std::nullopt;
}

bool in_range(const Fields &fields) noexcept {
    return fields.hours <= 23 && fields.minutes <= 59 && fields.seconds <= 59;
}

std::string range_problem(const Fields &fields) {
    if (fields.hours > 23)
        return _("hours go from 00 to 23 (midnight is \"00:00\", at the start of the day)");
    if (fields.minutes > 59)
        return _("minutes go from 00 to 59");
    return _("seconds go from 00 to 59");
}

std::chrono::seconds to_seconds(const Fields &fields) noexcept {
    return std::chrono::seconds{fields.hours * 3600 + fields.minutes * 60 + fields.seconds};
}

} // namespace

std::optional<std::chrono::seconds> parse_time_of_day(std::string_view text) noexcept {
    const auto fields = read_strict(text);
    if (!fields || !in_range(*fields))
        return std::nullopt;
    return to_seconds(*fields);
}

std::string time_of_day_problem(std::string_view text) {
    const char *pattern = _("'{1}' is not a time of day: {2}");
    if (const auto strict = read_strict(text); strict && !in_range(*strict))
        return i18n::format(pattern, text, range_problem(*strict));
    if (const auto loose = read_loose(text); loose && in_range(*loose))
        return i18n::format(pattern, text,
                            i18n::format(_("write it with two digits each, as \"{1}\""),
                                         format_time_of_day(to_seconds(*loose))));
    return i18n::format(pattern, text,
                        _("write HH:MM or HH:MM:SS on a 24-hour clock, with two digits each, like "
                          "\"06:00\" or \"17:30\""));
}

std::string format_time_of_day(std::chrono::seconds time_of_day) {
    const auto total = static_cast<long>(time_of_day.count());
    char buffer[32];
    if (total % 60 == 0)
        std::snprintf(buffer, sizeof buffer, "%02ld:%02ld", total / 3600, total / 60 % 60);
    else
        std::snprintf(buffer, sizeof buffer, "%02ld:%02ld:%02ld", total / 3600, total / 60 % 60,
                      total % 60);
    return buffer;
}

} // namespace loa
