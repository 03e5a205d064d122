// loa: the station-side player for commune loudspeaker radio stations.
#include "cli/command.hpp"
#include "core/error.hpp"
#include "lib/sqlite/statement.hpp"

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

void print_help(std::ostream &out) {
    out << "loa " LOA_VERSION " - plays a station's announcements on schedule and logs every play\n\n"
        << "usage: loa [--home DIR] COMMAND [OPTIONS]\n\n"
        << "  --home DIR   the station's folder (station.toml, loa.db, library/);\n"
        << "               default $LOA_HOME, else "
        << (std::string_view(LOA_DEFAULT_HOME) == "." ? "the current folder" : LOA_DEFAULT_HOME) << "\n\n"
        << "commands:\n";
    for (const auto &command : loa::cli::commands()) {
        std::string name = command.name;
        name.resize(18, ' ');
        out << "  " << name << command.summary << "\n";
    }
    out << "\n'loa COMMAND --help' shows a command's options. Exit codes: 0 ok, 1 input refused,\n"
        << "2 usage error, 3 runtime failure (sound device, disk).\n";
}

int dispatch(std::vector<std::string> words) {
    std::string home = std::getenv("LOA_HOME") ? std::getenv("LOA_HOME") : LOA_DEFAULT_HOME;
    while (!words.empty() && words.front().rfind("--home", 0) == 0) {
        if (words.front().rfind("--home=", 0) == 0) {
            home = words.front().substr(7);
            words.erase(words.begin());
        } else if (words.size() >= 2) {
            home = words[1];
            words.erase(words.begin(), words.begin() + 2);
        } else {
            throw loa::UsageError("--home needs a folder");
        }
    }
    if (words.empty() || words.front() == "--help" || words.front() == "-h" || words.front() == "help") {
        print_help(std::cout);
        return words.empty() ? exit_usage : exit_ok;
    }
    if (words.front() == "--version") {
        std::cout << "loa " LOA_VERSION "\n";
        return exit_ok;
    }
    for (const auto &command : loa::cli::commands()) {
        if (words.front() != command.name)
            continue;
        const std::vector<std::string> rest(words.begin() + 1, words.end());
        if (!rest.empty() && (rest.front() == "--help" || rest.front() == "-h")) {
            std::cout << "usage: loa " << command.name << " " << command.usage << "\n"
                      << command.summary << "\n";
            return exit_ok;
        }
        loa::cli::Context context{loa::station::Home(home), std::cout, std::cerr};
        return command.run(context, rest);
    }
    throw loa::UsageError("unknown command '" + words.front() + "'; 'loa --help' lists the commands");
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
