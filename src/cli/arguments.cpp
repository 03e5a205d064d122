#include "cli/arguments.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/time_zone.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace loa::cli {

OptionSpec flag(std::string_view name, std::string_view help) {
    return {name, ValueKind::flag, {}, help};
}

OptionSpec text(std::string_view name, std::string_view value, std::string_view help) {
    return {name, ValueKind::text, value, help};
}

OptionSpec date(std::string_view name, std::string_view help) {
    return {name, ValueKind::date, "DATE", help};
}

OptionSpec count(std::string_view name, int min, int max, std::string_view help) {
    OptionSpec option{name, ValueKind::count, "N", help};
    option.min = min;
    option.max = max;
    return option;
}

OptionSpec choice(std::string_view name, std::string_view choices, std::string_view help) {
    return {name, ValueKind::choice, choices, help};
}

OptionSpec required(OptionSpec option) {
    option.required = true;
    return option;
}

OptionSpec aliased(OptionSpec option, std::string_view alias) {
    option.alias = alias;
    return option;
}

std::vector<std::string_view> choices_of(const OptionSpec &option) {
    std::vector<std::string_view> choices;
    std::string_view rest = option.value;
    while (!rest.empty()) {
        const auto bar = rest.find('|');
        choices.push_back(rest.substr(0, bar));
        rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
    }
    return choices;
}

namespace {

bool asks_for_help(const std::vector<std::string> &words) {
    for (const auto &word : words) {
        if (word == "--")
            return false;
        if (word == "--help" || word == "-h")
            return true;
    }
    return false;
}

std::string joined(const std::vector<std::string_view> &words) {
    std::string text;
    for (const auto &word : words)
        text += (text.empty() ? "" : ", ") + std::string(word);
    return text;
}

} // namespace

Arguments::Arguments(std::string command, const std::vector<OptionSpec> &options,
                     const PositionalSpec &positionals, const std::vector<std::string> &words)
    : m_command(std::move(command)), m_options(&options), m_help(asks_for_help(words)) {
    if (m_help)
        return;
    bool only_positionals = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string word = words[i];
        if (only_positionals || word.size() < 2 || word[0] != '-') {
            m_positionals.push_back(word);
            continue;
        }
        if (word == "--") {
            only_positionals = true;
            continue;
        }
        std::optional<std::string> value;
        if (const auto equals = word.find('='); equals != std::string::npos) {
            value = word.substr(equals + 1);
            word.resize(equals);
        }
        const auto found =
            std::find_if(options.begin(), options.end(), [&](const OptionSpec &option) {
                return option.name == word || (!option.alias.empty() && option.alias == word);
            });
        if (found == options.end())
            throw UsageError(i18n::format(
                _("{1}: unknown option {2}; 'loa {1} --help' lists its options"), m_command, word));
        if (found->kind == ValueKind::flag) {
            if (value)
                throw UsageError(
                    i18n::format(_("{1}: {2} takes no value; 'loa {1} --help' lists its options"),
                                 m_command, word));
            value = "";
        } else if (!value) {
            if (i + 1 >= words.size())
                throw UsageError(i18n::format(
                    _("{1}: {2} needs a value ({3}); 'loa {1} --help' lists its options"),
                    m_command, word, found->value));
            value = words[++i];
        }
        m_given.emplace_back(std::string(found->name), *value);
    }
    check_presence(positionals);
    check_values();
}

void Arguments::check_presence(const PositionalSpec &positionals) const {
    for (const auto &option : *m_options)
        if (option.required && !this->option(option.name))
            throw UsageError(
                i18n::format(_("{1}: {2} {3} is required; 'loa {1} --help' lists its options"),
                             m_command, option.name, option.value));
    if (m_positionals.size() < positionals.min || m_positionals.size() > positionals.max) {
        const std::string wanted = positionals.text.empty()
                                       ? std::string(_("no arguments besides its options"))
                                       : std::string(positionals.text);
        throw UsageError(
            m_positionals.empty()
                ? i18n::format(_("{1}: expected {2}; 'loa {1} --help' lists its options"),
                               m_command, wanted)
                : i18n::format(
                      _("{1}: expected {2}, not '{3}'; 'loa {1} --help' lists its options"),
                      m_command, wanted, m_positionals.back()));
    }
}

void Arguments::check_values() const {
    for (const auto &[name, value] : m_given) {
        const auto &option = spec(name);
        if (option.kind == ValueKind::count) {
            int number = 0;
            const auto [end, error] =
                std::from_chars(value.data(), value.data() + value.size(), number);
            if (value.empty() || error != std::errc{} || end != value.data() + value.size() ||
                number < option.min || number > option.max)
                throw UsageError(i18n::format(
                    _("{1}: {2} must be a whole number from {3} to {4}, not '{5}'"), m_command,
                    name, std::to_string(option.min), std::to_string(option.max), value));
        } else if (option.kind == ValueKind::date) {
            try {
                parse_date(value, name);
            } catch (const InputError &error) {
                throw UsageError(i18n::format("{1}: {2}", m_command, error.what()));
            }
        } else if (option.kind == ValueKind::choice) {
            const auto choices = choices_of(option);
            if (std::find(choices.begin(), choices.end(), value) == choices.end())
                throw UsageError(i18n::format(_("{1}: {2} must be one of {3}, not '{4}'"),
                                              m_command, name, joined(choices), value));
        }
    }
}

const OptionSpec &Arguments::spec(std::string_view name) const {
    for (const auto &option : *m_options)
        if (option.name == name || (!option.alias.empty() && option.alias == name))
            return option;
    throw std::logic_error("loa " + m_command + " reads " + std::string(name) +
                           ", which its option table (src/cli/commands.cpp) does not have");
}

std::optional<std::string> Arguments::option(std::string_view name) const {
    const auto &option = spec(name);
    std::optional<std::string> found;
    for (const auto &[key, value] : m_given)
        if (key == option.name)
            found = value; // the last one given wins, as in most tools
    return found;
}

std::string Arguments::required(std::string_view name) const {
    if (auto value = option(name))
        return *value;
    throw UsageError(i18n::format(_("{1}: {2} is required"), m_command, name));
}

std::optional<int> Arguments::count(std::string_view name) const {
    const auto value = option(name);
    if (!value)
        return std::nullopt;
    int number = 0;
    std::from_chars(value->data(), value->data() + value->size(), number); // checked when parsed
    return number;
}

bool Arguments::flag(std::string_view name) const {
    return option(name).has_value();
}

void Arguments::expect_positionals(std::size_t count, const std::string &what) const {
    if (m_positionals.size() != count)
        throw UsageError(i18n::format(_("{1}: expected {2}"), m_command, what));
}

} // namespace loa::cli
