// loa: the station-side player for commune loudspeaker radio stations.
#include "cli/command.hpp"
#include "cli/help.hpp"
#include "core/error.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string_view>

// The station home when neither --home nor LOA_HOME names one: the current folder,
// or /var/lib/loa in the Debian package (cmake -DLOA_PACKAGE=ON, see
// cmake/LoaPackaging.cmake).
#ifndef LOA_DEFAULT_HOME
#define LOA_DEFAULT_HOME "."
#endif

namespace {

constexpr int exit_ok = 0, exit_refused = 1, exit_usage = 2, exit_runtime = 3;

bool is_help(const std::string &word) {
    return word == "--help" || word == "-h";
}

const loa::cli::Command *find(const std::vector<loa::cli::Command> &table,
                              const std::string &name) {
    const auto found =
        std::find_if(table.begin(), table.end(), [&](const auto &c) { return c.name == name; });
    return found == table.end() ? nullptr : &*found;
}

/// Takes --home DIR (or --home=DIR) off the front of `words`.
std::string take_home(std::vector<std::string> &words) {
    std::string home = std::getenv("LOA_HOME") ? std::getenv("LOA_HOME") : LOA_DEFAULT_HOME;
    while (!words.empty() && words.front().rfind("--home", 0) == 0) {
        if (words.front().rfind("--home=", 0) == 0) {
            home = words.front().substr(7);
            words.erase(words.begin());
        } else if (words.front() == "--home" && words.size() >= 2) {
            home = words[1];
            words.erase(words.begin(), words.begin() + 2);
        } else {
            throw loa::UsageError("--home needs a folder");
        }
    }
    return home;
}

int dispatch(std::vector<std::string> words) {
    const std::string home = take_home(words);
    if (words.empty() || is_help(words.front()) || words.front() == "help") {
        loa::cli::print_help(std::cout, LOA_DEFAULT_HOME);
        return words.empty() ? exit_usage : exit_ok;
    }
    if (words.front() == "--version") {
        std::cout << "loa " LOA_VERSION "\n";
        return exit_ok;
    }
    const auto *command = find(loa::cli::commands(), words.front());
    if (!command)
        throw loa::UsageError("unknown command '" + words.front() +
                              "'; 'loa --help' lists the commands");
    std::string name(command->name);
    words.erase(words.begin());
    if (!command->subcommands.empty()) {
        if (words.empty() || is_help(words.front())) {
            loa::cli::print_command_help(std::cout, *command, name);
            return words.empty() ? exit_usage : exit_ok;
        }
        const auto *sub = find(command->subcommands, words.front());
        if (!sub)
            throw loa::UsageError(name + ": unknown subcommand '" + words.front() + "'; 'loa " +
                                  name + " --help' lists them");
        name += " " + std::string(sub->name);
        command = sub;
        words.erase(words.begin());
    }
    const loa::cli::Arguments args(name, command->options, command->positionals, words);
    if (args.help()) {
        loa::cli::print_command_help(std::cout, *command, name);
        return exit_ok;
    }
    loa::cli::Context context{loa::station::Home(home), std::cout, std::cerr};
    return command->run(context, args);
}

} // namespace

int main(int argc, char **argv) {
    try {
        return dispatch(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const loa::UsageError &error) {
        std::cerr << "loa: " << error.what() << "\n";
        return exit_usage;
    } catch (const loa::InputError &error) {
        std::cerr << "loa: " << error.what() << "\n";
        return exit_refused;
    } catch (const std::exception &error) {
        std::cerr << "loa: " << error.what() << "\n";
        return exit_runtime;
    }
}
