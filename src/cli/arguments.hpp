#pragma once
// The words after a command, parsed against that command's option table (commands.cpp):
// options (--name value or --name=value), flags and positionals. The table is the one
// description of the command line: the parser, `--help`, and the tests that hold the
// man page and bash completion to it all read it. A word the table does not name is a
// usage error naming it; a numeric, date or choice value is checked strictly here, so a
// command's body only ever sees values that passed.
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loa::cli {

/// What an option's value must be.
enum class ValueKind {
    flag,   ///< no value: --json
    text,   ///< any text: --title T
    date,   ///< YYYY-MM-DD, a real calendar date
    count,  ///< a whole number in [min, max], digits only
    choice, ///< one of the words of `value`, which reads "text|csv|html"
};

/// One option of a command, as its table row.
struct OptionSpec {
    std::string_view name; ///< "--days"
    ValueKind kind;
    std::string_view value = {}; ///< the placeholder in help ("N", "DATE"), or the choices
    std::string_view help = {};  ///< one line for `--help`
    bool required = false;
    int min = 0, max = 0;        ///< for ValueKind::count
    std::string_view alias = {}; ///< a short form ("-o"), or empty
};

OptionSpec flag(std::string_view name, std::string_view help);
OptionSpec text(std::string_view name, std::string_view value, std::string_view help);
OptionSpec date(std::string_view name, std::string_view help);
OptionSpec count(std::string_view name, int min, int max, std::string_view help);
OptionSpec choice(std::string_view name, std::string_view choices, std::string_view help);
/// The same option, which the command cannot do without.
OptionSpec required(OptionSpec option);
/// The same option, also spelt `alias`.
OptionSpec aliased(OptionSpec option, std::string_view alias);

/// The choices of a ValueKind::choice option, in table order.
std::vector<std::string_view> choices_of(const OptionSpec &option);

/// The words that are not options: how help shows them and how many there may be.
struct PositionalSpec {
    std::string_view text; ///< "FILE...", "ID", "[FILE]"; empty for none
    std::size_t min = 0, max = 0;
};
constexpr std::size_t any_number = std::numeric_limits<std::size_t>::max();

class Arguments {
public:
    /// Parses `words` (what follows "loa COMMAND") against the table. `command` is the
    /// full name for messages ("schedule show"). Throws UsageError naming the word that
    /// is wrong; `--help` or `-h` anywhere (not as a value) skips every other check.
    Arguments(std::string command, const std::vector<OptionSpec> &options,
              const PositionalSpec &positionals, const std::vector<std::string> &words);

    /// True when the words asked for help: the command should print it and do nothing.
    bool help() const noexcept { return m_help; }

    /// The value of an option in the table, if given (the last one given wins).
    /// `name` may be the option's alias. Throws std::logic_error for a name the table
    /// lacks, so a command cannot read an option its help does not show.
    std::optional<std::string> option(std::string_view name) const;
    /// A required option's value. Throws UsageError naming it.
    std::string required(std::string_view name) const;
    /// A ValueKind::count option's value, checked against its range.
    std::optional<int> count(std::string_view name) const;
    bool flag(std::string_view name) const;
    const std::vector<std::string> &positionals() const noexcept { return m_positionals; }
    /// Requires exactly `count` positionals named `what` (for the message).
    void expect_positionals(std::size_t count, const std::string &what) const;

private:
    const OptionSpec &spec(std::string_view name) const;
    void check_presence(const PositionalSpec &positionals) const;
    void check_values() const;

    std::string m_command;
    const std::vector<OptionSpec> *m_options;
    std::vector<std::pair<std::string, std::string>> m_given; ///< (table name, value)
    std::vector<std::string> m_positionals;
    bool m_help = false;
};

} // namespace loa::cli
