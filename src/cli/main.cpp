// loa: the station-side player for commune loudspeaker radio stations.
#include "cli/dispatch.hpp"
#include "cli/help.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

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
            throw loa::UsageError(_("--home needs a folder"));
        }
    }
    return home;
}

int run(std::vector<std::string> words) {
    const std::string home = take_home(words);
    if (words.empty() || words.front() == "--help" || words.front() == "-h" ||
        words.front() == "help") {
        loa::cli::print_help(std::cout, LOA_DEFAULT_HOME);
        return words.empty() ? exit_usage : exit_ok;
    }
    if (words.front() == "--version") {
        std::cout << "loa " LOA_VERSION "\n";
        return exit_ok;
    }
    loa::cli::Context context{loa::station::Home(home), std::cout, std::cerr};
    return loa::cli::dispatch(context, std::move(words));
}

} // namespace

int main(int argc, char **argv) {
    loa::i18n::init();
    try {

        return run(std::vector<std::string>(argv + 1, argv + argc));
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
