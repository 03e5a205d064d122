#include "schedule/keys.hpp"
#include "schedule/slot_reader.hpp"
#include "schedule/value_reader.hpp"

#include <algorithm>

namespace loa::schedule {
namespace {

constexpr Field dates_field{"dates", "[2020-09-02]", "the dates to skip"};
constexpr Field slots_field{"slots", R"(["sang", "chieu"])", "the ids of the slots to skip"};

std::string unknown_slot_message(const std::string &id, const std::vector<std::string> &slot_ids) {
    const std::vector<std::string_view> candidates(slot_ids.begin(), slot_ids.end());
    std::string message = "[[skip]] names slot '" + id + "', which this file does not have";
    if (const auto guess = closest(id, candidates))
        return message + ": did you mean '" + *guess + "'?";
    if (candidates.empty())
        return message + ": the file has no [[slot]] with an id";
    return message + ": the slots are " + quoted_list(candidates);
}

void read_slot_ids(const toml::node &node, const std::vector<std::string> &slot_ids, Skip &skip,
                   DiagnosticList &out) {
    if (const auto *list = node.as_array(); list && list->empty()) {
        out.error(position_of(node), "'slots' is an empty list: name the slots to skip, like " +
                                         example_of(slots_field) +
                                         ", or remove the line to skip every slot");
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
        out.error(skip.position, "this [[skip]] has no 'dates': add the dates to skip, like " +
                                     example_of(dates_field));
    }
    if (const auto *slots = table.get("slots"))
        read_slot_ids(*slots, slot_ids, skip, out);
    return skip;
}

} // namespace loa::schedule
