#pragma once
// The commands of DESIGN.md's command line. Each takes the parsed words after
// its name and returns an exit code; failures are thrown (loa::Error and
// subclasses) and printed once by main().
#include "station/home.hpp"

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace loa::cli {

struct Context {
    station::Home home;
    std::ostream &out;
    std::ostream &err;
};

struct Command {
    const char *name;
    const char *usage;   ///< Options, after "loa NAME".
    const char *summary; ///< One line for `loa --help`.
    std::function<int(Context &, const std::vector<std::string> &)> run;
};

/// Every command, in the order `loa --help` lists them.
const std::vector<Command> &commands();

int run_init(Context &context, const std::vector<std::string> &words);
int run_import(Context &context, const std::vector<std::string> &words);
int run_list(Context &context, const std::vector<std::string> &words);
int run_show(Context &context, const std::vector<std::string> &words);
int run_remove(Context &context, const std::vector<std::string> &words);
int run_campaign(Context &context, const std::vector<std::string> &words);
int run_schedule(Context &context, const std::vector<std::string> &words);
int run_player(Context &context, const std::vector<std::string> &words);
int run_devices(Context &context, const std::vector<std::string> &words);
int run_simulate(Context &context, const std::vector<std::string> &words);
int run_log(Context &context, const std::vector<std::string> &words);
int run_export(Context &context, const std::vector<std::string> &words);
int run_verify(Context &context, const std::vector<std::string> &words);
int run_report(Context &context, const std::vector<std::string> &words);
int run_play(Context &context, const std::vector<std::string> &words);
int run_status(Context &context, const std::vector<std::string> &words);

} // namespace loa::cli
