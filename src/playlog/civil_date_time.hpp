#pragma once
// The civil date-time an occurrence is known by: the slot's station-local date and
// time of day as the schedule names it (not the instant, which a DST gap can give
// to two times). Its text, "YYYY-MM-DDTHH:MM:SS", is made only where it is stored.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace loa::playlog {

struct CivilDateTime {
    std::chrono::year_month_day date;
    std::chrono::seconds time_of_day{0}; ///< Since local midnight, whole seconds.

    /// "2020-07-20T06:00:00".
    std::string text() const;
    /// The value of text(); nullopt for anything else.
    static std::optional<CivilDateTime> parse(std::string_view text);

    friend bool operator==(const CivilDateTime &, const CivilDateTime &) = default;
};

} // namespace loa::playlog
