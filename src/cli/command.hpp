#pragma once
// The commands of DESIGN.md's command line, as one table (commands.cpp): each
// command's name, summary, positionals and options, and the function that runs it.
// main() finds the command (and subcommand), parses its words against its row and
// calls it; `--help` prints the row (help.cpp). Each function returns an exit code;
// failures are thrown (loa::Error and subclasses) and printed once by main().
#include "cli/arguments.hpp"
#include "core/vocabulary.hpp"
#include "station/home.hpp"

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace loa::cli {

struct Context {
    station::Home home;
    std::ostream &out;
    std::ostream &err;
};

struct Command {
    std::string_view name;
    std::string_view summary; ///< One line for `loa --help`.
    PositionalSpec positionals;
    std::vector<OptionSpec> options;
    std::function<int(Context &, const Arguments &)> run = {}; ///< Empty when it has subcommands.
    std::vector<Command> subcommands = {};
    std::string_view notes = {}; ///< Printed after the options by `--help`.
};

/// Every command, in the order `loa --help` lists them.
const std::vector<Command> &commands();

int run_init(Context &context, const Arguments &args);
int run_import(Context &context, const Arguments &args);
int run_list(Context &context, const Arguments &args);
int run_show(Context &context, const Arguments &args);
int run_remove(Context &context, const Arguments &args);
int run_campaign_add(Context &context, const Arguments &args);
int run_campaign_list(Context &context, const Arguments &args);
int run_schedule_check(Context &context, const Arguments &args);
int run_schedule_load(Context &context, const Arguments &args);
int run_schedule_show(Context &context, const Arguments &args);
int run_schedule_history(Context &context, const Arguments &args);
int run_player(Context &context, const Arguments &args);
int run_devices(Context &context, const Arguments &args);
int run_simulate(Context &context, const Arguments &args);
int run_log(Context &context, const Arguments &args);
int run_export(Context &context, const Arguments &args);
int run_verify(Context &context, const Arguments &args);
int run_report(Context &context, const Arguments &args);
int run_play(Context &context, const Arguments &args);
int run_say(Context &context, const Arguments &args);

/// The --priority option's value (default normal). Throws UsageError for another word.
Priority priority_option(const Arguments &args);
/// Plays announcement `id` now, as `loa play` does: through the running player, or
/// here, logged, when none runs. `args` is a command's with --output. Returns the
/// exit code; throws what `loa play` throws.
int play_now(Context &context, const Arguments &args, const std::string &id, Priority priority);
int run_status(Context &context, const Arguments &args);
int run_user_add(Context &context, const Arguments &args);
int run_user_passwd(Context &context, const Arguments &args);
int run_user_remove(Context &context, const Arguments &args);
int run_user_list(Context &context, const Arguments &args);

} // namespace loa::cli
