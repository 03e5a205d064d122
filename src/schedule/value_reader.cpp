#include "schedule/value_reader.hpp"

#include "core/i18n.hpp"

#include "core/time_zone.hpp"

#include <algorithm>
#include <charconv>

namespace loa::schedule {
namespace {

/// A date the operator wrote as text: "2020-07-17", or the Vietnamese day-first
/// "17/07/2020" (also with '-' or '.').
std::optional<std::chrono::year_month_day> date_in_text(std::string_view text) noexcept {
    const auto number = [&](std::size_t at, std::size_t length) {
        int value = -1;
        const char *end = text.data() + at + length;
        const auto [ptr, ec] = std::from_chars(text.data() + at, end, value);
        return ec == std::errc{} && ptr == end ? value : -1;
    };
    int year = -1, month = -1, day = -1;
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        year = number(0, 4), month = number(5, 2), day = number(8, 2);
    } else if (text.size() == 10 && text[2] == text[5] &&
               (text[2] == '/' || text[2] == '-' || text[2] == '.')) {
        day = number(0, 2), month = number(3, 2), year = number(6, 4);
    }
    if (year < 0 || month < 0 || day < 0)
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{year},
                                           std::chrono::month{static_cast<unsigned>(month)},
                                           std::chrono::day{static_cast<unsigned>(day)}};
    return date.ok() ? std::optional(date) : std::nullopt;
}

std::chrono::year_month_day to_year_month_day(const toml::date &date) noexcept {
    return std::chrono::year_month_day{std::chrono::year{date.year}, std::chrono::month{date.month},
                                       std::chrono::day{date.day}};
}

std::string here_it_is(const toml::node &node) {
    return i18n::format(_("; here it is {1}"), describe(node));
}

/// The value written as a one-item list, if it is simple enough to show.
std::optional<std::string> as_one_item_list(const toml::node &node) {
    if (const auto *text = node.as_string())
        return "[\"" + text->get() + "\"]";
    if (const auto *date = node.as_date())
        return "[" + format_date(to_year_month_day(date->get())) + "]";
    return std::nullopt;
}

} // namespace

SourcePosition position_of(const toml::node &node) noexcept {
    const auto &begin = node.source().begin;
    return {static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

SourcePosition position_of(const toml::key &key) noexcept {
    const auto &begin = key.source().begin;
    return {static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

std::string_view describe(const toml::node &node) noexcept {
    switch (node.type()) {
    case toml::node_type::string:
        return _("text");
    case toml::node_type::integer:
        return _("a whole number");
    case toml::node_type::floating_point:
        return _("a number with a decimal point");
    case toml::node_type::boolean:
        return _("true or false");
    case toml::node_type::date:
        return _("a date");
    case toml::node_type::time:
        return _("a time");
    case toml::node_type::date_time:
        return _("a date with a time");
    case toml::node_type::array:
        return _("a list");
    case toml::node_type::table:
        return _("a block of keys");
    case toml::node_type::none:
        break;
    }
    return _("nothing");
}

std::string example_of(const Field &field) {
    return std::string(field.key) + " = " + std::string(field.example);
}

std::optional<std::string> read_text(const toml::node &node, const Field &field,
                                     DiagnosticList &out) {
    if (const auto *text = node.as_string())
        return text->get();
    out.error(position_of(node), i18n::format(_("'{1}' must be text in quotes, like {2}"),
                                              field.key, example_of(field)) +
                                     here_it_is(node));
    return std::nullopt;
}

std::optional<std::int64_t> read_integer(const toml::node &node, const Field &field,
                                         DiagnosticList &out) {
    if (const auto *integer = node.as_integer())
        return integer->get();
    const std::string key(field.key);
    if (const auto *text = node.as_string()) {
        std::int64_t value = 0;
        const std::string &written = text->get();
        const auto [ptr, ec] =
            std::from_chars(written.data(), written.data() + written.size(), value);
        if (ec == std::errc{} && ptr == written.data() + written.size()) {
            out.error(position_of(node),
                      i18n::format(_("write the number without quotes: {1} = {2}"), key, written));
            return std::nullopt;
        }
    }
    out.error(position_of(node),
              i18n::format(_("'{1}' must be a whole number, like {2}"), key, example_of(field)) +
                  here_it_is(node));
    return std::nullopt;
}

std::optional<std::chrono::year_month_day> read_date(const toml::node &node, std::string_view what,
                                                     DiagnosticList &out) {
    const std::string name(what);
    if (const auto *date = node.as_date()) {
        // Beyond these years a date is a typo, and instants would leave the clock's range.
        const auto day = to_year_month_day(date->get());
        if (day.year() >= std::chrono::year{2000} && day.year() <= std::chrono::year{2199})
            return day;
        out.error(position_of(node),
                  i18n::format(_("{1} must be a date from 2000-01-01 to 2199-12-31; here it is "
                                 "{2}: check the year"),
                               name, format_date(day)));
        return std::nullopt;
    }
    if (const auto *date_time = node.as_date_time()) {
        out.error(position_of(node),
                  i18n::format(_("write only the date, without a time of day: {1}"),
                               format_date(to_year_month_day(date_time->get().date))));
    } else if (const auto *text = node.as_string(); text && date_in_text(text->get())) {
        const auto date = format_date(*date_in_text(text->get()));
        out.error(position_of(node),
                  i18n::format(text->get() == date
                                   ? _("write the date without quotes: {1}")
                                   : _("write the date as YYYY-MM-DD, without quotes: {1}"),
                               date));
    } else {
        out.error(position_of(node),
                  i18n::format(_("{1} must be a date written YYYY-MM-DD without quotes, like "
                                 "2020-07-17"),
                               name) +
                      here_it_is(node));
    }
    return std::nullopt;
}

const toml::array *read_list(const toml::node &node, const Field &field, DiagnosticList &out) {
    const std::string key(field.key);
    if (const auto *list = node.as_array()) {
        if (list->empty())
            out.error(position_of(node),
                      i18n::format(_("'{1}' is an empty list: write {2}, like {3}"), key,
                                   i18n::translate(field.purpose.data()), example_of(field)));
        return list->empty() ? nullptr : list;
    }
    if (const auto one = as_one_item_list(node))
        out.error(position_of(node),
                  i18n::format(_("'{1}' must be a list in square brackets, even for one item: "
                                 "write {1} = {2}"),
                               key, *one));
    else
        out.error(position_of(node),
                  i18n::format(_("'{1}' must be a list in square brackets, like {2}"), key,
                               example_of(field)) +
                      here_it_is(node));
    return nullptr;
}

std::vector<TextItem> read_text_items(const toml::array &list, const Field &field,
                                      DiagnosticList &out) {
    std::vector<TextItem> items;
    for (const toml::node &item : list) {
        if (const auto *text = item.as_string()) {
            items.push_back({text->get(), position_of(item)});
            continue;
        }
        out.error(position_of(item),
                  i18n::format(_("each item of '{1}' must be text in quotes, like {2}"), field.key,
                               example_of(field)) +
                      here_it_is(item));
    }
    return items;
}

std::vector<DateItem> read_date_items(const toml::array &list, const Field &field,
                                      DiagnosticList &out) {
    std::vector<DateItem> items;
    const std::string what = i18n::format(_("each item of '{1}'"), field.key);
    for (const toml::node &item : list)
        if (const auto date = read_date(item, what, out))
            items.push_back({*date, position_of(item)});
    return items;
}

std::vector<DateItem> unique_dates(std::vector<DateItem> items, const Field &field,
                                   DiagnosticList &out) {
    // Stable, so the first of two equal dates in the file is kept and the second warned.
    std::stable_sort(items.begin(), items.end(),
                     [](const DateItem &a, const DateItem &b) { return a.date < b.date; });
    std::vector<DateItem> unique;
    for (const DateItem &item : items) {
        if (!unique.empty() && unique.back().date == item.date) {
            out.warning(item.position,
                        i18n::format(_("{1} is listed twice in '{2}'; it counts once"),
                                     format_date(item.date), field.key));

            continue;
        }
        unique.push_back(item);
    }
    return unique;
}

std::vector<std::chrono::year_month_day> dates_of(const std::vector<DateItem> &items) {
    std::vector<std::chrono::year_month_day> dates;
    dates.reserve(items.size());
    for (const DateItem &item : items)
        dates.push_back(item.date);
    return dates;
}

} // namespace loa::schedule
