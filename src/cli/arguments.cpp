#include "cli/arguments.hpp"

#include "core/error.hpp"

namespace loa::cli {

Arguments::Arguments(std::string command, std::vector<std::string> words,
                     std::set<std::string> options, std::set<std::string> flags)
    : m_command(std::move(command)) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string word = words[i];
        if (word.size() < 2 || word[0] != '-' || word == "--") {
            m_positionals.push_back(word);
            continue;
        }
        std::optional<std::string> value;
        if (const auto equals = word.find('='); equals != std::string::npos) {
            value = word.substr(equals + 1);
            word.resize(equals);
        }
        if (flags.count(word) && !value) {
            m_flags.insert(word);
        } else if (options.count(word)) {
            if (!value) {
                if (i + 1 >= words.size())
                    throw UsageError("loa " + m_command + ": " + word + " needs a value");
                value = words[++i];
            }
            m_options.emplace_back(word, *value);
        } else {
            throw UsageError("loa " + m_command + ": unknown option " + word +
                             "; see 'loa " + m_command + " --help'");
        }
    }
}

std::optional<std::string> Arguments::option(const std::string &name) const {
    std::optional<std::string> found;
    for (const auto &[key, value] : m_options)
        if (key == name)
            found = value; // the last one given wins, as in most tools
    return found;
}

std::string Arguments::required(const std::string &name) const {
    if (auto value = option(name))
        return *value;
    throw UsageError("loa " + m_command + ": " + name + " is required");
}

bool Arguments::flag(const std::string &name) const {
    return m_flags.count(name) > 0;
}

void Arguments::expect_positionals(std::size_t count, const std::string &what) const {
    if (m_positionals.size() != count)
        throw UsageError("loa " + m_command + ": expected " + what);
}

} // namespace loa::cli
