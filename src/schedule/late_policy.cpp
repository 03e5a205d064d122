#include "schedule/late_policy.hpp"

#include <array>
#include <cstdint>

namespace loa::schedule {
namespace {

struct Unit {
    char letter;
    std::int64_t seconds;
};
constexpr std::array<Unit, 3> units{{{'h', 3600}, {'m', 60}, {'s', 1}}};

/// Longer numbers are typos, and this bound keeps the sum far from overflow.
constexpr std::size_t max_digits = 6;

std::optional<std::chrono::seconds> parse_duration(std::string_view text) noexcept {
    std::int64_t total = 0;
    std::size_t next_unit = 0; // units must come in order, each at most once
    std::size_t at = 0;
    while (at < text.size()) {
        std::int64_t number = 0;
        const std::size_t digits_begin = at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
            if (at - digits_begin < max_digits) // a longer number is refused below
                number = number * 10 + (text[at] - '0');
            ++at;
        }
        const std::size_t digits = at - digits_begin;
        if (digits == 0 || digits > max_digits || at == text.size())
            return std::nullopt;
        const char letter = text[at++];
        while (next_unit < units.size() && units[next_unit].letter != letter)
            ++next_unit;
        if (next_unit == units.size())
            return std::nullopt;
        total += number * units[next_unit++].seconds;
    }
    if (text.empty())
        return std::nullopt;
    return std::chrono::seconds{total};
}

} // namespace

std::optional<LatePolicy> parse_late_policy(std::string_view text) noexcept {
    if (text == "0")
        return LatePolicy{LatePolicy::Kind::never, std::chrono::seconds{0}};
    if (text == "always")
        return LatePolicy{LatePolicy::Kind::always, std::chrono::seconds{0}};
    const auto duration = parse_duration(text);
    if (!duration)
        return std::nullopt;
    if (duration->count() == 0)
        return LatePolicy{LatePolicy::Kind::never, std::chrono::seconds{0}};
    return LatePolicy{LatePolicy::Kind::within, *duration};
}

std::string to_string(const LatePolicy &policy) {
    switch (policy.kind) {
    case LatePolicy::Kind::never:
        return "0";
    case LatePolicy::Kind::always:
        return "always";
    case LatePolicy::Kind::within:
        break;
    }
    if (policy.within.count() <= 0)
        return "0";
    std::string text;
    std::int64_t rest = policy.within.count();
    for (const Unit &unit : units) {
        if (rest >= unit.seconds) {
            text += std::to_string(rest / unit.seconds) + unit.letter;
            rest %= unit.seconds;
        }
    }
    return text;
}

} // namespace loa::schedule
