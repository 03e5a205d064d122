#include "schedule/keys.hpp"
#include "core/i18n.hpp"

#include "schedule/value_reader.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace loa::schedule {
namespace {

constexpr std::array<std::string_view, 6> top_level_keys{"version",     "title", "valid_from",
                                                         "valid_until", "slot",  "skip"};
constexpr std::array<Alias, 10> top_level_aliases{{
    {"from", "valid_from"},
    {"start", "valid_from"},
    {"valid_to", "valid_until"},
    {"until", "valid_until"},
    {"to", "valid_until"},
    {"end", "valid_until"},
    {"name", "title"},
    {"slots", "slot"},
    {"skips", "skip"},
    {"format_version", "version"},
}};

constexpr std::array<std::string_view, 15> slot_keys{
    "id",    "title", "days",     "dates", "at",   "play",  "repeat",      "gap",
    "intro", "outro", "priority", "late",  "from", "until", "on_interrupt"};
constexpr std::array<Alias, 30> slot_aliases{{
    {"interrupt", "on_interrupt"},
    {"resume", "on_interrupt"},
    {"pause", "gap"},
    {"gaps", "gap"},
    {"silence", "gap"},
    {"interval", "gap"},
    {"chime", "intro"},
    {"jingle", "intro"},
    {"opening", "intro"},
    {"name", "title"},
    {"day", "days"},
    {"weekdays", "days"},
    {"date", "dates"},
    {"time", "at"},
    {"times", "at"},
    {"start", "at"},
    {"items", "play"},
    {"announcements", "play"},
    {"files", "play"},
    {"playlist", "play"},
    {"repeats", "repeat"},
    {"loop", "repeat"},
    {"count", "repeat"},
    {"valid_from", "from"},
    {"valid_until", "until"},
    {"to", "until"},
    {"end", "until"},
    {"late_policy", "late"},
    {"slot", "id"},
    {"closing", "outro"},
}};

constexpr std::array<std::string_view, 2> skip_keys{"dates", "slots"};
constexpr std::array<Alias, 4> skip_aliases{{
    {"date", "dates"},
    {"days", "dates"},
    {"slot", "slots"},
    {"ids", "slots"},
}};

const TableRules top_level{N_("at the top of the file"),
                           N_("at the top of the file, above the first [[slot]]"), top_level_keys,
                           top_level_aliases};
const TableRules slot{N_("in [[slot]]"), N_("in a [[slot]] block"), slot_keys, slot_aliases};
const TableRules skip{N_("in [[skip]]"), N_("in a [[skip]] block"), skip_keys, skip_aliases};

bool allows(const TableRules &rules, std::string_view key) {
    return std::find(rules.keys.begin(), rules.keys.end(), key) != rules.keys.end();
}

/// Where a key that is not allowed here does belong, if it belongs anywhere.
std::string belongs_elsewhere(const TableRules &rules, std::string_view key) {
    std::string places;
    for (const TableRules *other : {&top_level, &slot, &skip}) {
        if (other == &rules || !allows(*other, key))
            continue;
        const char *block = i18n::translate(other->block.data());
        places = places.empty() ? std::string(block) : i18n::format(_("{1} or {2}"), places, block);
    }
    return places;
}

std::string unknown_key_message(const TableRules &rules, std::string_view key) {
    const char *where = i18n::translate(rules.where.data());
    if (const auto alias = closest(key, {}, rules.aliases))
        return i18n::format(_("unknown key '{1}' {2}: did you mean '{3}'?"), key, where, *alias);
    if (const auto places = belongs_elsewhere(rules, key); !places.empty())
        return i18n::format(_("unknown key '{1}' {2}: '{1}' belongs {3} (a key belongs to the "
                              "nearest [[...]] line above it)"),
                            key, where, places);
    if (const auto guess = closest(key, rules.keys))
        return i18n::format(_("unknown key '{1}' {2}: did you mean '{3}'?"), key, where, *guess);
    return i18n::format(_("unknown key '{1}' {2}: the keys allowed here are {3}"), key, where,
                        quoted_list(rules.keys));
}

} // namespace

const TableRules &top_level_rules() noexcept {
    return top_level;
}
const TableRules &slot_rules() noexcept {
    return slot;
}
const TableRules &skip_rules() noexcept {
    return skip;
}

void check_keys(const toml::table &table, const TableRules &rules, DiagnosticList &out) {
    for (const auto &[key, value] : table)
        if (!allows(rules, key.str()))
            out.error(position_of(key), unknown_key_message(rules, key.str()));
}

} // namespace loa::schedule
