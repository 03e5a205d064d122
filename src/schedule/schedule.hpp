#pragma once
// The schedule file (DESIGN.md, "Schedule file"): what plays when. Everything here is
// a pure function of its arguments — no file, database or clock access — so it can
// be tested exhaustively, and `loa schedule check`, `load`, `show`, `simulate` and the
// player all read a file the same way.
//
// parse() reads and validates the file's own content. Checks that need the station or
// the library (unknown announcement ids, session lengths, overlaps, quiet hours) are
// check(const Schedule &, const CheckContext &) in check.hpp, which returns more
// Diagnostics for the same file, using the positions kept in Slot.
#include "core/clock.hpp"
#include "core/time_zone.hpp"
#include "core/vocabulary.hpp"
#include "schedule/diagnostic.hpp"
#include "schedule/late_policy.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loa::schedule {

/// Bit for each weekday in Slot::weekdays, std::chrono::weekday::c_encoding() order.
constexpr std::uint8_t weekday_bit(std::chrono::weekday day) noexcept {
    return static_cast<std::uint8_t>(1u << day.c_encoding());
}
constexpr std::uint8_t every_weekday = 0x7F;

/// What happens to an item an emergency interrupted, once the emergency has played.
enum class InterruptPolicy {
    resume,  ///< "resume": it goes on from where it stopped (the default).
    restart, ///< "restart": it plays again from its beginning.
};

/// One [[slot]]: a list of announcements played at times of day on some days.
struct Slot {
    std::string id;
    std::string title;
    std::uint8_t weekdays = 0; ///< weekday_bit()s; "daily" = every_weekday. 0 with `dates`.
    std::vector<std::chrono::year_month_day> dates; ///< Instead of days; sorted, unique.
    std::vector<std::chrono::seconds> at;           ///< Station-local times of day; sorted, unique.
    std::vector<std::string> play;                  ///< Announcement ids, in play order.
    int repeat = 1;                                 ///< How many times `play` plays, 1..100.
    std::chrono::seconds gap{0};                    ///< Silence between two items, 0..3600 s.
    std::optional<std::string> intro, outro;        ///< Chime ids played once, first and last.
    Priority priority = Priority::normal;
    LatePolicy late;
    InterruptPolicy on_interrupt = InterruptPolicy::resume;
    std::optional<std::chrono::year_month_day> from, until; ///< Inclusive.
    SourcePosition position;                       ///< Of the [[slot]] header (or inline table).
    std::vector<SourcePosition> play_positions;    ///< One per `play` entry.
    std::vector<SourcePosition> at_positions;      ///< One per `at` entry, parallel to `at`.
    SourcePosition intro_position, outro_position; ///< Of the values, when present.
};

/// One [[skip]]: nothing from `slots` (empty = every slot) plays on `dates`.
struct Skip {
    std::vector<std::chrono::year_month_day> dates;
    std::vector<std::string> slots;
    SourcePosition position;
};

struct Schedule {
    std::string file_name; ///< As given to parse(); names the file in later diagnostics.
    int version = 1;
    std::string title;
    std::optional<std::chrono::year_month_day> valid_from, valid_until; ///< Inclusive.
    std::vector<Slot> slots; ///< In file order; ids are unique.
    std::vector<Skip> skips;
};

struct ParseResult {
    std::optional<Schedule> schedule;    ///< Present exactly when ok().
    std::vector<Diagnostic> diagnostics; ///< Sorted by position.

    /// True when no diagnostic is an error (warnings are allowed).
    bool ok() const noexcept { return !has_errors(diagnostics); }
};

/// Parses and validates the text of a schedule file. Reports every problem it finds,
/// sorted by position (a TOML syntax error stops at the first one). `file_name` only
/// names the file in diagnostics. Does not throw for bad input; throws std::bad_alloc.
ParseResult parse(std::string_view text, const std::string &file_name);

/// One slot at one instant. Its identity is (slot, date, time_of_day): the civil
/// date-time the file names, which stays distinct even where a daylight-saving gap
/// sends two times of day to the same instant.
struct Occurrence {
    std::string slot;
    TimePoint at;
    Priority priority = Priority::normal;
    LatePolicy late;
    /// Announcement ids in play order: intro, `play` `repeat` times over, outro.
    std::vector<std::string> items;
    std::chrono::milliseconds gap{0};    ///< Silence the player leaves between two items.
    std::chrono::year_month_day date;    ///< Station-local date of the slot's time.
    std::chrono::seconds time_of_day{0}; ///< As written in the file (before any DST shift).
    InterruptPolicy on_interrupt = InterruptPolicy::resume;
};

/// The items one occurrence of `slot` plays, in order: its intro, its `play` list
/// `repeat` times over, its outro.
std::vector<std::string> items_of(const Slot &slot);

/// Every occurrence with from <= at < to, ordered by (at, priority highest first, slot
/// order in the file, time of day). Honours days/dates, slot from/until, the file's
/// valid_from/valid_until and skips. Civil times become instants through
/// tz.from_local: a time in a DST gap plays at the end of the gap, a time in an
/// overlap plays once, at its first instant. Pure; `schedule` must be parse()'s.
std::vector<Occurrence> expand(const Schedule &schedule, TimePoint from, TimePoint to,
                               const TimeZone &tz);

} // namespace loa::schedule
