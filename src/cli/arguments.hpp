#pragma once
// The words after a command: options (--name value or --name=value), flags and
// positionals. Anything the command did not ask for is a usage error.
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace loa::cli {

class Arguments {
public:
    /// `words` are what follows the command's name. Throws UsageError.
    Arguments(std::string command, std::vector<std::string> words, std::set<std::string> options,
              std::set<std::string> flags);

    std::optional<std::string> option(const std::string &name) const;
    /// An option the command cannot do without. Throws UsageError naming it.
    std::string required(const std::string &name) const;
    bool flag(const std::string &name) const;
    const std::vector<std::string> &positionals() const noexcept { return m_positionals; }
    /// Requires exactly `count` positionals named `what` (for the message).
    void expect_positionals(std::size_t count, const std::string &what) const;

private:
    std::string m_command;
    std::vector<std::pair<std::string, std::string>> m_options;
    std::set<std::string> m_flags;
    std::vector<std::string> m_positionals;
};

} // namespace loa::cli
