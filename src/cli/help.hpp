#pragma once
// `loa --help` and `loa COMMAND [SUBCOMMAND] --help`, written from the command table,
// so what help shows is what the parser takes. The format is also read back by
// tests/e2e/cli_table_test.sh to hold the man page and bash completion to the table:
// an "options:" section of lines "  [-a, ]--name [VALUE]  help", and a "subcommands:"
// section of lines "  NAME [POSITIONALS]  summary".
#include "cli/command.hpp"

#include <iosfwd>
#include <string>
#include <string_view>

namespace loa::cli {

/// "loa report --from DATE --to DATE [--campaign C] [--format text|csv|html|xlsx] [-o FILE]";
/// `full_name` is "report" or "schedule show".
std::string usage_line(const Command &command, std::string_view full_name);

/// Every command with its summary, the global options and the exit codes.
/// `default_home` is the station home without --home or LOA_HOME ("." for the current folder).
void print_help(std::ostream &out, std::string_view default_home);

/// One command's usage, summary and options, or a command's subcommands.
void print_command_help(std::ostream &out, const Command &command, std::string_view full_name);

} // namespace loa::cli
