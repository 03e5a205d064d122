#include "schedule/keys.hpp"
#include "core/i18n.hpp"
#include "schedule/slot_reader.hpp"
#include "schedule/value_reader.hpp"

#include <algorithm>

namespace loa::schedule {
namespace {

constexpr Field dates_field{"dates", "[2020-09-02]", N_("the dates to skip")};
constexpr Field slots_field{"slots", R"(["sang", "chieu"])", N_("the ids of the slots to skip")};

std::string unknown_slot_message(const std::string &id, const std::vector<std::string> &slot_ids) {
    const std::vector<std::string_view> candidates(slot_ids.begin(), slot_ids.end());
    if (const auto guess = closest(id, candidates))
        return i18n::format(
            _("[[skip]] names slot '{1}', which this file does not have: did you mean '{2}'?"), id,
            *guess);
    if (candidates.empty())
        return i18n::format(_("[[skip]] names slot '{1}', which this file does not have: the file "
                              "has no [[slot]] with an id"),
                            id);
    return i18n::format(
        _("[[skip]] names slot '{1}', which this file does not have: the slots are {2}"), id,
        quoted_list(candidates));
}

void read_slot_ids(const toml::node &node, const std::vector<std::string> &slot_ids, Skip &skip,
                   DiagnosticList &out) {
    if (const auto *list = node.as_array(); list && list->empty()) {
        out.error(position_of(node),
                  i18n::format(_("'slots' is an empty list: name the slots to skip, like {1}, or "
                                 "remove the line to skip every slot"),
                               example_of(slots_field)));
        return;
    }
    const auto *list = read_list(node, slots_field, out);
    if (!list)
        return;
    for (TextItem &item : read_text_items(*list, slots_field, out)) {
        if (std::find(slot_ids.begin(), slot_ids.end(), item.text) == slot_ids.end())
            out.error(item.position, unknown_slot_message(item.text, slot_ids));
        else
            skip.slots.push_back(std::move(item.text));
    }
}

} // namespace

Skip read_skip(const toml::table &table, const std::vector<std::string> &slot_ids,
               DiagnosticList &out) {
    Skip skip;
    skip.position = position_of(table);
    check_keys(table, skip_rules(), out);
    if (const auto *dates = table.get("dates")) {
        if (const auto *list = read_list(*dates, dates_field, out))
            skip.dates =
                dates_of(unique_dates(read_date_items(*list, dates_field, out), dates_field, out));
    } else {
        out.error(skip.position,
                  i18n::format(_("this [[skip]] has no 'dates': add the dates to skip, like {1}"),
                               example_of(dates_field)));
    }
    if (const auto *slots = table.get("slots"))
        read_slot_ids(*slots, slot_ids, skip, out);
    return skip;
}

} // namespace loa::schedule
