#include "cli/dispatch.hpp"

#include "cli/help.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

#include <algorithm>

namespace loa::cli {
namespace {

constexpr int exit_ok = 0, exit_usage = 2;

bool is_help(const std::string &word) {
    return word == "--help" || word == "-h";
}

const Command *find(const std::vector<Command> &table, const std::string &name) {
    const auto found =
        std::find_if(table.begin(), table.end(), [&](const auto &c) { return c.name == name; });
    return found == table.end() ? nullptr : &*found;
}

} // namespace

int dispatch(Context &context, std::vector<std::string> words) {
    const Command *command = words.empty() ? nullptr : find(commands(), words.front());
    if (!command)
        throw UsageError(i18n::format(_("unknown command '{1}'; 'loa --help' lists the commands"),
                                      words.empty() ? std::string() : words.front()));
    std::string name(command->name);
    words.erase(words.begin());
    if (!command->subcommands.empty()) {
        if (words.empty() || is_help(words.front())) {
            print_command_help(context.out, *command, name);
            return words.empty() ? exit_usage : exit_ok;
        }
        const Command *sub = find(command->subcommands, words.front());
        if (!sub)
            throw UsageError(
                i18n::format(_("{1}: unknown subcommand '{2}'; 'loa {1} --help' lists them"), name,
                             words.front()));

        name += " " + std::string(sub->name);
        command = sub;
        words.erase(words.begin());
    }
    const Arguments args(name, command->options, command->positionals, words);
    if (args.help()) {
        print_command_help(context.out, *command, name);
        return exit_ok;
    }
    return command->run(context, args);
}

} // namespace loa::cli
