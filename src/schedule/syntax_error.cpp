#include "schedule/syntax_error.hpp"

#include "core/i18n.hpp"

#include <algorithm>

namespace loa::schedule {
namespace {

bool is_digit(char c) noexcept {
    return c >= '0' && c <= '9';
}
bool is_letter(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool contains(std::string_view text, std::string_view part) noexcept {
    return text.find(part) != std::string_view::npos;
}

/// The value part of a "key = value" line with quoted text and comments removed.
std::string unquoted_value(std::string_view line) {
    const auto equals = line.find('=');
    if (equals == std::string_view::npos)
        return {};
    std::string value;
    bool quoted = false;
    for (char c : line.substr(equals + 1)) {
        if (c == '"' || c == '\'')
            quoted = !quoted;
        else if (c == '#' && !quoted)
            break;
        else if (!quoted)
            value += c;
    }
    return value;
}

/// "6:00" or "6h30" written without quotes.
bool has_bare_time(std::string_view value) noexcept {
    for (std::size_t i = 1; i + 1 < value.size(); ++i)
        if (is_digit(value[i - 1]) && (value[i] == ':' || value[i] == 'h') &&
            is_digit(value[i + 1]))
            return true;
    return false;
}

/// A day-first date such as 17/07/2020 written without quotes.
bool has_slashed_date(std::string_view value) noexcept {
    for (std::size_t i = 1; i + 1 < value.size(); ++i)
        if (is_digit(value[i - 1]) && value[i] == '/' && is_digit(value[i + 1]))
            return true;
    return false;
}

/// A word or a number with a unit ("normal", "10m") written without quotes.
bool has_bare_word(std::string_view value) noexcept {
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (!is_letter(value[i]) || (i > 0 && (is_letter(value[i - 1]) || value[i - 1] == '_')))
            continue;
        const auto end = std::find_if(value.begin() + static_cast<std::ptrdiff_t>(i), value.end(),
                                      [](char c) { return !is_letter(c); });
        const std::string_view word(value.data() + i,
                                    static_cast<std::size_t>(end - value.begin()) - i);
        if (word != "true" && word != "false" && word != "T" && word != "Z" && word != "e")
            return true;
    }
    return false;
}

std::string hint(std::string_view description, std::string_view line) {
    if (contains(description, "utf-8"))
        return _("save the file as UTF-8 (in Notepad: File, Save As, Encoding: UTF-8)");
    if (contains(line, "\u201C") || contains(line, "\u201D"))
        return _("use straight double quotes (\"), not curly quotes (\u201C \u201D)");
    const std::string value = unquoted_value(line);
    if (has_bare_time(value))
        return _("times of day go in quotes, like at = [\"06:00\"]");
    if (has_slashed_date(value))
        return _("dates are written YYYY-MM-DD without quotes, like 2020-07-17");
    if (contains(description, "cannot redefine existing array") &&
        contains(description, "as table"))
        return _("each slot or skip starts with a line [[slot]] or [[skip]], with two pairs of "
                 "brackets");
    if (contains(description, "cannot redefine"))
        return _("each key may be written only once in a block");
    if (contains(description, "saw ';'"))
        return _("write one key = value on each line, without ';'");
    if (contains(description, "saw ','"))
        return _("a list goes in square brackets, like days = [\"mon\", \"tue\"]");
    if (has_bare_word(value))
        return _("text goes in double quotes, like priority = \"normal\" or late = \"10m\"");
    if (contains(description, "expected a comment or whitespace"))
        return _("write one key = value on each line");
    if (contains(description, "parsing string"))
        return _("check that each text has its closing quote (\") on the same line");
    return {};
}

} // namespace

std::string explain_syntax_error(std::string_view description, std::string_view line) {
    std::string detail(description);
    constexpr std::string_view prefix = "Error while parsing ";
    if (detail.starts_with(prefix))
        detail = "while reading " + detail.substr(prefix.size());
    else if (!detail.empty() && detail[0] >= 'A' && detail[0] <= 'Z')
        detail[0] = static_cast<char>(detail[0] - 'A' + 'a');
    if (const auto fix = hint(description, line); !fix.empty())
        return i18n::format(_("this is not valid TOML ({1}): {2}"), detail, fix);
    return i18n::format(_("this is not valid TOML ({1})"), detail);
}

std::string_view line_of(std::string_view text, int number) noexcept {
    std::size_t begin = 0;
    for (int line = 1; line < number; ++line) {
        begin = text.find('\n', begin);
        if (begin == std::string_view::npos)
            return {};
        ++begin;
    }
    auto end = text.find('\n', begin);
    std::string_view found =
        text.substr(begin, end == std::string_view::npos ? text.size() - begin : end - begin);
    if (!found.empty() && found.back() == '\r')
        found.remove_suffix(1);
    return found;
}

} // namespace loa::schedule
