#pragma once
// Turns toml++'s description of a syntax error into a message an operator can act
// on. Internal to the schedule module.
#include <string>
#include <string_view>

namespace loa::schedule {

/// The message for a TOML syntax error: toml++'s `description` plus, when the
/// line shows a usual cause (curly quotes, an unquoted time or word, two keys on
/// one line), what to write instead. `line` is the text of the line in error.
std::string explain_syntax_error(std::string_view description, std::string_view line);

/// Line `number` (1-based) of `text`, without its line ending; empty if there is none.
std::string_view line_of(std::string_view text, int number) noexcept;

} // namespace loa::schedule
