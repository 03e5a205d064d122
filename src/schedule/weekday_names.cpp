#include "schedule/weekday_names.hpp"
#include "core/i18n.hpp"

#include "schedule/schedule.hpp"
#include "schedule/suggestion.hpp"

#include <array>

namespace loa::schedule {
namespace {

/// In std::chrono::weekday::c_encoding() order: index 0 is Sunday.
constexpr std::array<std::string_view, 7> day_names{"sun", "mon", "tue", "wed",
                                                    "thu", "fri", "sat"};
constexpr std::string_view daily = "daily";

/// Lower-cased spelling → replacement, already quoted as it goes into the list.
constexpr std::array<Alias, 47> day_aliases{{
    {"monday", "\"mon\""},
    {"tuesday", "\"tue\""},
    {"tues", "\"tue\""},
    {"wednesday", "\"wed\""},
    {"weds", "\"wed\""},
    {"thursday", "\"thu\""},
    {"thur", "\"thu\""},
    {"thurs", "\"thu\""},
    {"friday", "\"fri\""},
    {"saturday", "\"sat\""},
    {"sunday", "\"sun\""},
    {"thứ hai", "\"mon\""},
    {"thứ 2", "\"mon\""},
    {"thứ2", "\"mon\""},
    {"t2", "\"mon\""},
    {"thứ ba", "\"tue\""},
    {"thứ 3", "\"tue\""},
    {"thứ3", "\"tue\""},
    {"t3", "\"tue\""},
    {"thứ tư", "\"wed\""},
    {"thứ 4", "\"wed\""},
    {"thứ4", "\"wed\""},
    {"t4", "\"wed\""},
    {"thứ năm", "\"thu\""},
    {"thứ 5", "\"thu\""},
    {"thứ5", "\"thu\""},
    {"t5", "\"thu\""},
    {"thứ sáu", "\"fri\""},
    {"thứ 6", "\"fri\""},
    {"thứ6", "\"fri\""},
    {"t6", "\"fri\""},
    {"thứ bảy", "\"sat\""},
    {"thứ 7", "\"sat\""},
    {"thứ7", "\"sat\""},
    {"t7", "\"sat\""},
    {"chủ nhật", "\"sun\""},
    {"cn", "\"sun\""},
    {"hàng ngày", "\"daily\""},
    {"hằng ngày", "\"daily\""},
    {"every day", "\"daily\""},
    {"everyday", "\"daily\""},
    {"all", "\"daily\""},
    {"day", "\"daily\""},
    {"weekdays", "\"mon\", \"tue\", \"wed\", \"thu\", \"fri\""},
    {"weekday", "\"mon\", \"tue\", \"wed\", \"thu\", \"fri\""},
    {"weekend", "\"sat\", \"sun\""},
    {"weekends", "\"sat\", \"sun\""},
}};

} // namespace

std::optional<std::uint8_t> weekday_mask(std::string_view name) noexcept {
    if (name == daily)
        return every_weekday;
    for (unsigned i = 0; i < day_names.size(); ++i)
        if (day_names[i] == name)
            return weekday_bit(std::chrono::weekday{i});
    return std::nullopt;
}

std::optional<std::string> day_name_suggestion(std::string_view name) {
    const std::string lower = lower_ascii(name);
    for (const Alias &alias : day_aliases)
        if (alias.written == lower)
            return std::string(alias.meant);
    std::array<std::string_view, 8> candidates{};
    std::copy(day_names.begin(), day_names.end(), candidates.begin());
    candidates.back() = daily;
    if (const auto guess = closest(name, candidates))
        return "\"" + *guess + "\"";
    return std::nullopt;
}

std::string day_names_help() {
    return _(
        "\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\", or \"daily\" for every "
        "day");
}

} // namespace loa::schedule
