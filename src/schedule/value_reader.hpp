#pragma once
// Typed reads of TOML values with operator-friendly messages: each reader either
// returns the value or reports what is wrong with it, at the value's position, and
// returns nothing, so the parser goes on and finds the next problem. Internal to
// the schedule module.
#include "schedule/diagnostic.hpp"

#include <toml++/toml.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loa::schedule {

/// Where a value (or a table's header) begins.
SourcePosition position_of(const toml::node &node) noexcept;
/// Where a key is written.
SourcePosition position_of(const toml::key &key) noexcept;

/// What a value is, in the operator's words: "text", "a whole number", "a list", ...
std::string_view describe(const toml::node &node) noexcept;

/// One key of the file, as messages show it.
struct Field {
    std::string_view key;     ///< "at"
    std::string_view example; ///< A right value: R"(["06:00", "17:00"])"
    std::string_view purpose; ///< Marked with N_ (translated where shown). What it holds, for "add
                              ///< ...": "the times of day it plays"
};

/// "key = example", for messages.
std::string example_of(const Field &field);

std::optional<std::string> read_text(const toml::node &node, const Field &field,
                                     DiagnosticList &out);

std::optional<std::int64_t> read_integer(const toml::node &node, const Field &field,
                                         DiagnosticList &out);

/// A TOML date (2020-07-17, no quotes). `what` names it in messages: "'from'".
std::optional<std::chrono::year_month_day> read_date(const toml::node &node, std::string_view what,
                                                     DiagnosticList &out);

/// A non-empty list; reports a single value written without brackets, or [].
const toml::array *read_list(const toml::node &node, const Field &field, DiagnosticList &out);

/// Each item of a list of text, with its position; wrong items are reported and left out.
struct TextItem {
    std::string text;
    SourcePosition position;
};
std::vector<TextItem> read_text_items(const toml::array &list, const Field &field,
                                      DiagnosticList &out);

/// Each item of a list of dates, with its position; wrong items are reported and left out.
struct DateItem {
    std::chrono::year_month_day date;
    SourcePosition position;
};
std::vector<DateItem> read_date_items(const toml::array &list, const Field &field,
                                      DiagnosticList &out);

/// Sorts dates and drops repeats, warning about each repeat.
std::vector<DateItem> unique_dates(std::vector<DateItem> items, const Field &field,
                                   DiagnosticList &out);

/// Just the dates of `items`.
std::vector<std::chrono::year_month_day> dates_of(const std::vector<DateItem> &items);

} // namespace loa::schedule
