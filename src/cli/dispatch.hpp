#pragma once
// From the words after "loa [--home DIR]" to a command's exit code, through the
// command table: find the command and subcommand, parse the rest against its row,
// print its help or run it.
#include "cli/command.hpp"

#include <string>
#include <vector>

namespace loa::cli {

/// Runs the command `words` name ({"schedule", "show", "--days", "2"}). `--help` or
/// `-h` prints that command's help to context.out and returns 0; a command with
/// subcommands and none named prints its help and returns 2. Throws UsageError for
/// an unknown command or a word its table refuses, and whatever the command throws.
int dispatch(Context &context, std::vector<std::string> words);

} // namespace loa::cli
