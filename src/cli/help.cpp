#include "cli/help.hpp"

#include <ostream>

namespace loa::cli {
namespace {

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
    out << "loa " LOA_VERSION
           " - plays a station's announcements on schedule and logs every play\n\n"
        << "usage: loa [--home DIR] COMMAND [OPTIONS]\n\n"
        << "  --home DIR   the station's folder (station.toml, loa.db, library/);\n"
        << "               default $LOA_HOME, else "
        << (home == "." ? std::string_view("the current folder") : home) << "\n\n"
        << "commands:\n";
    for (const auto &command : commands())
        out << "  " << padded(std::string(command.name), 18) << command.summary << "\n";
    out << "\n'loa COMMAND --help' shows a command's options. Exit codes: 0 ok, 1 input refused,\n"
        << "2 usage error, 3 runtime failure (sound device, disk).\n";
}

void print_command_help(std::ostream &out, const Command &command, std::string_view full_name) {
    out << "usage: " << usage_line(command, full_name) << "\n" << command.summary << "\n";
    if (!command.subcommands.empty()) {
        out << "\nsubcommands:\n";
        for (const auto &sub : command.subcommands) {
            std::string name(sub.name);
            if (!sub.positionals.text.empty())
                name += " " + std::string(sub.positionals.text);
            out << "  " << padded(name, help_column) << sub.summary << "\n";
        }
        out << "\n'loa " << full_name << " SUBCOMMAND --help' shows a subcommand's options.\n";
        return;
    }
    out << "\noptions:\n";
    for (const auto &option : command.options) {
        std::string words = option.alias.empty() ? "" : std::string(option.alias) + ", ";
        words += option_word(option, false);
        out << "  " << padded(words, help_column) << option.help
            << (option.required ? " (required)" : "") << "\n";
    }
    out << "  " << padded("-h, --help", help_column) << "show this help\n";
    if (!command.notes.empty())
        out << "\n" << command.notes << "\n";
}

} // namespace loa::cli
