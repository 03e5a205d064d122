#include "cli/help.hpp"

#include "core/i18n.hpp"

#include <ostream>

namespace loa::cli {
namespace {

/// A text of the command table (marked there with N_) in the reader's language.
std::string translated(std::string_view text) {
    return i18n::translate(std::string(text).c_str());
}

constexpr std::size_t help_column = 30;

std::string padded(std::string text, std::size_t width) {
    if (text.size() + 2 > width)
        return text + "  ";
    text.resize(width, ' ');
    return text;
}

/// "--days N", "-o FILE" (a short alias is what people type), "--json".
std::string option_word(const OptionSpec &option, bool short_form) {
    std::string word(short_form && !option.alias.empty() ? option.alias : option.name);
    if (option.kind != ValueKind::flag)
        word += " " + std::string(option.value);
    return word;
}

} // namespace

std::string usage_line(const Command &command, std::string_view full_name) {
    std::string line = "loa " + std::string(full_name);
    if (!command.subcommands.empty()) {
        std::string names;
        for (const auto &sub : command.subcommands)
            names += (names.empty() ? "" : "|") + std::string(sub.name);
        return line + " " + names + " ...";
    }
    if (!command.positionals.text.empty())
        line += " " + std::string(command.positionals.text);
    for (const auto &option : command.options)
        line += option.required ? " " + option_word(option, true)
                                : " [" + option_word(option, true) + "]";
    return line;
}

void print_help(std::ostream &out, std::string_view default_home) {
    const std::string_view home = default_home;
    out << i18n::format(_("loa {1} - plays a station's announcements on schedule and logs every "
                          "play"),
                        LOA_VERSION)
        << "\n\n"
        << _("usage:") << " loa [--home DIR] COMMAND [OPTIONS]\n\n"
        << i18n::format(_("  --home DIR   the station's folder (station.toml, loa.db, library/);\n"
                          "               default $LOA_HOME, else {1}"),
                        home == "." ? std::string_view(_("the current folder")) : home)
        << "\n\n"
        << _("commands:") << "\n";
    for (const auto &command : commands())
        out << "  " << padded(std::string(command.name), 18) << translated(command.summary) << "\n";
    out << "\n"
        << _("'loa COMMAND --help' shows a command's options. Exit codes: 0 ok, 1 input refused,\n"
             "2 usage error, 3 runtime failure (sound device, disk).")
        << "\n";
}

void print_command_help(std::ostream &out, const Command &command, std::string_view full_name) {
    out << _("usage:") << " " << usage_line(command, full_name) << "\n"
        << translated(command.summary) << "\n";
    if (!command.subcommands.empty()) {
        out << "\n" << _("subcommands:") << "\n";
        for (const auto &sub : command.subcommands) {
            std::string name(sub.name);
            if (!sub.positionals.text.empty())
                name += " " + std::string(sub.positionals.text);
            out << "  " << padded(name, help_column) << translated(sub.summary) << "\n";
        }
        out << "\n"
            << i18n::format(_("'loa {1} SUBCOMMAND --help' shows a subcommand's options."),
                            full_name)
            << "\n";
        return;
    }
    out << "\n" << _("options:") << "\n";
    for (const auto &option : command.options) {
        std::string words = option.alias.empty() ? "" : std::string(option.alias) + ", ";
        words += option_word(option, false);
        out << "  " << padded(words, help_column)
            << (option.required ? i18n::format(_("{1} (required)"), translated(option.help))
                                : translated(option.help))
            << "\n";
    }
    out << "  " << padded("-h, --help", help_column) << _("show this help") << "\n";
    if (!command.notes.empty())
        out << "\n" << translated(command.notes) << "\n";
}

} // namespace loa::cli
