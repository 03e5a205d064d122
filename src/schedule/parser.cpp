// parse(): TOML syntax through toml++, then the file's own rules, block by block,
// collecting every problem. What spans blocks (duplicate slot ids, skips naming
// slots, dates outside the file's validity) is checked here once all are read.
#include "core/toml_bounds.hpp"
#include "core/i18n.hpp"
#include "schedule/keys.hpp"
#include "schedule/schedule.hpp"
#include "schedule/slot_reader.hpp"
#include "schedule/syntax_error.hpp"
#include "schedule/value_reader.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace loa::schedule {
namespace {

constexpr int supported_version = 1;
constexpr Field version_field{"version", "1", N_("the format version")};
constexpr Field title_field{"title", "\"Lịch phát tháng 7/2020\"", N_("the schedule's name")};

/// Reads `version`. False if the file is for a newer loa: its other keys may mean
/// things this version does not know, so nothing else is worth reporting.
bool read_version(const toml::table &root, Schedule &schedule, DiagnosticList &out) {
    const auto *node = root.get("version");
    if (!node) {
        out.error({1, 1}, _("the file has no 'version': add the line version = 1 at the top"));
        return true;
    }
    const auto version = read_integer(*node, version_field, out);
    if (!version || *version == supported_version)
        return true;
    if (*version > supported_version) {
        out.error(position_of(*node),
                  i18n::format(_("this file is written for schedule format version {1}, but this "
                                 "loa reads version 1: update loa, or ask for a file with version "
                                 "= 1"),
                               std::to_string(*version)));
        return false;
    }
    out.error(position_of(*node),
              i18n::format(_("'version' must be 1, not {1}"), std::to_string(*version)));
    schedule.version = supported_version;
    return true;
}

void read_header(const toml::table &root, Schedule &schedule, DiagnosticList &out) {
    if (const auto *title = root.get("title"))
        schedule.title = read_text(*title, title_field, out).value_or("");
    const auto *from = root.get("valid_from");
    const auto *until = root.get("valid_until");
    if (from)
        schedule.valid_from = read_date(*from, "'valid_from'", out);
    if (until)
        schedule.valid_until = read_date(*until, "'valid_until'", out);
    if (schedule.valid_from && schedule.valid_until && *schedule.valid_from > *schedule.valid_until)
        out.error(position_of(*from),
                  i18n::format(_("'valid_from' ({1}) is after 'valid_until' ({2}): nothing would "
                                 "ever play; swap them or fix one"),
                               format_date(*schedule.valid_from),
                               format_date(*schedule.valid_until)));
}

/// The tables of an array of tables ([[slot]]), or nothing after reporting why.
std::vector<const toml::table *> blocks(const toml::table &root, std::string_view key,
                                        DiagnosticList &out) {
    const auto *node = root.get(key);
    if (!node)
        return {};
    const std::string name(key);
    const auto *list = node->as_array();
    if (!list || !list->is_array_of_tables()) {
        out.error(position_of(*node),
                  i18n::format(_("write each {1} as a block starting with the line [[{1}]], with "
                                 "two pairs of brackets"),
                               name));
        return {};
    }
    std::vector<const toml::table *> tables;
    for (const toml::node &item : *list)
        tables.push_back(item.as_table());
    return tables;
}

void check_unique_ids(const std::vector<SlotRead> &slots, DiagnosticList &out) {
    std::unordered_map<std::string_view, const SlotRead *> first_with; // Linear, not N².
    for (const SlotRead &read : slots) {
        if (read.slot.id.empty())
            continue;
        const auto [first, inserted] = first_with.emplace(read.slot.id, &read);
        if (!inserted)
            out.error(read.id_position,
                      i18n::format(_("slot id '{1}' is already used by the slot on line {2}: give "
                                     "each slot its own id"),
                                   read.slot.id,
                                   std::to_string(first->second->slot.position.line)));
    }
}

/// Why a slot cannot play on `date`, or "" if it can.
std::string outside_reason(const Schedule &schedule, const Slot &slot,
                           std::chrono::year_month_day date) {
    if (slot.from && date < *slot.from)
        return i18n::format(_("it is before the slot's 'from' ({1})"), format_date(*slot.from));
    if (slot.until && date > *slot.until)
        return i18n::format(_("it is after the slot's 'until' ({1})"), format_date(*slot.until));
    if (schedule.valid_from && date < *schedule.valid_from)
        return i18n::format(_("it is before the file's 'valid_from' ({1})"),
                            format_date(*schedule.valid_from));
    if (schedule.valid_until && date > *schedule.valid_until)
        return i18n::format(_("it is after the file's 'valid_until' ({1})"),
                            format_date(*schedule.valid_until));
    return {};
}

/// Warns about each listed date on which the slot cannot play: a likely typo.
void warn_unplayable_dates(const Schedule &schedule, const SlotRead &read, DiagnosticList &out) {
    const Slot &slot = read.slot;
    for (std::size_t i = 0; i < slot.dates.size(); ++i) {
        if (const auto reason = outside_reason(schedule, slot, slot.dates[i]); !reason.empty())
            out.warning(read.date_positions[i],
                        i18n::format(_("the slot will not play on {1}: {2}"),
                                     format_date(slot.dates[i]), reason));
    }
}

Schedule read_schedule(const toml::table &root, DiagnosticList &out) {
    Schedule schedule;
    if (!read_version(root, schedule, out))
        return schedule;
    check_keys(root, top_level_rules(), out);
    read_header(root, schedule, out);
    std::vector<SlotRead> slots;
    for (const toml::table *table : blocks(root, "slot", out))
        slots.push_back(read_slot(*table, out));
    check_unique_ids(slots, out);
    std::vector<std::string> ids;
    std::unordered_set<std::string_view> seen;
    for (const SlotRead &read : slots) {
        warn_unplayable_dates(schedule, read, out);
        if (!read.slot.id.empty() && seen.insert(read.slot.id).second)
            ids.push_back(read.slot.id);
    }
    for (const toml::table *table : blocks(root, "skip", out))
        schedule.skips.push_back(read_skip(*table, ids, out));
    if (!root.get("slot"))
        out.warning({1, 1}, _("the file has no [[slot]] block: nothing will play"));

    for (SlotRead &read : slots)
        schedule.slots.push_back(std::move(read.slot));
    return schedule;
}

} // namespace

ParseResult parse(std::string_view text, const std::string &file_name) {
    DiagnosticList out(file_name);
    ParseResult result;
    if (const auto problem = find_toml_bounds_problem(text)) {
        out.error({problem->line, problem->column}, problem->message);
        result.diagnostics = out.take_sorted();
        return result;
    }
    toml::table root;
    try {
        root = toml::parse(text, std::string_view(file_name));
    } catch (const toml::parse_error &error) {
        const auto &begin = error.source().begin;
        const SourcePosition position{static_cast<int>(begin.line), static_cast<int>(begin.column)};
        out.error(position,
                  explain_syntax_error(error.description(), line_of(text, position.line)));
        result.diagnostics = out.take_sorted();
        return result;
    }
    Schedule schedule = read_schedule(root, out);
    schedule.file_name = file_name;
    result.diagnostics = out.take_sorted();
    if (result.ok())
        result.schedule = std::move(schedule);
    return result;
}

} // namespace loa::schedule
