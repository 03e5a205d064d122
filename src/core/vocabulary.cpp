#include "core/vocabulary.hpp"

#include "core/i18n.hpp"

#include <array>
#include <utility>

namespace loa {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse(const std::array<std::pair<Enum, std::string_view>, N> &names,
                          std::string_view text) noexcept {
    for (const auto &[value, name] : names)
        if (name == text)
            return value;
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N> &names,
                         Enum value) noexcept {
    for (const auto &[candidate, name] : names)
        if (candidate == value)
            return name;
    return "?";
}

constexpr std::array<std::pair<PlayStatus, std::string_view>, 6> status_names{{
    {PlayStatus::started, N_("started")},
    {PlayStatus::completed, N_("completed")},
    {PlayStatus::interrupted, N_("interrupted")},
    {PlayStatus::failed, N_("failed")},
    {PlayStatus::missed, N_("missed")},
    {PlayStatus::skipped, N_("skipped")},
}};

constexpr std::array<std::pair<Priority, std::string_view>, 3> priority_names{{
    {Priority::normal, N_("normal")},
    {Priority::priority, N_("priority")},
    {Priority::emergency, N_("emergency")},
}};

constexpr std::array<std::pair<Trigger, std::string_view>, 3> trigger_names{{
    {Trigger::scheduled, N_("scheduled")},
    {Trigger::manual, N_("manual")},
    {Trigger::emergency, N_("emergency")},
}};

} // namespace

std::string_view to_string(PlayStatus status) noexcept {
    return name_of(status_names, status);
}
std::string_view to_string(Priority priority) noexcept {
    return name_of(priority_names, priority);
}
std::string_view to_string(Trigger trigger) noexcept {
    return name_of(trigger_names, trigger);
}

// The names are literals, so each view ends in a NUL.
const char *people_name(PlayStatus status) {
    return i18n::translate(to_string(status).data());
}
const char *people_name(Priority priority) {
    return i18n::translate(to_string(priority).data());
}
const char *people_name(Trigger trigger) {
    return i18n::translate(to_string(trigger).data());
}

std::optional<PlayStatus> parse_play_status(std::string_view text) noexcept {
    return parse(status_names, text);
}
std::optional<Priority> parse_priority(std::string_view text) noexcept {
    return parse(priority_names, text);
}
std::optional<Trigger> parse_trigger(std::string_view text) noexcept {
    return parse(trigger_names, text);
}

} // namespace loa
