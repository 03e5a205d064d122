#include "schedule/slot_reader.hpp"
#include "core/i18n.hpp"

#include "schedule/keys.hpp"
#include "core/time_of_day.hpp"
#include "schedule/value_reader.hpp"
#include "schedule/weekday_names.hpp"

#include <algorithm>
#include <array>

namespace loa::schedule {
namespace {

constexpr Field id_field{"id", "\"sang\"", N_("a short name for the slot")};
constexpr Field title_field{"title", "\"Chương trình buổi sáng\"", N_("the slot's name")};
constexpr Field days_field{"days", R"(["mon", "wed", "fri"])", N_("the days of the week it plays")};
constexpr Field dates_field{"dates", "[2020-07-20, 2020-07-27]", N_("the dates it plays")};
constexpr Field at_field{"at", R"(["06:00", "17:00"])", N_("the times of day it plays")};
constexpr Field play_field{"play", R"(["chuong", "lua-dao-qua-mang"])",
                           N_("the announcement ids it plays, in order")};
constexpr Field repeat_field{"repeat", "2", N_("how many times the list plays")};
constexpr Field gap_field{"gap", "2", N_("the seconds of silence between two items")};
constexpr Field intro_field{"intro", "\"chuong\"", N_("the id of a chime played first")};
constexpr Field outro_field{"outro", "\"chuong\"", N_("the id of a chime played last")};
constexpr Field priority_field{"priority", "\"normal\"", N_("normal, priority or emergency")};
constexpr Field late_field{"late", "\"10m\"", N_("how late it may still play")};
constexpr Field on_interrupt_field{"on_interrupt", "\"resume\"",
                                   N_("what an interrupted item does after an emergency")};
constexpr Field from_field{"from", "2020-07-17", N_("the first date it plays")};
constexpr Field until_field{"until", "2020-08-31", N_("the last date it plays")};

constexpr int max_repeat = 100;
constexpr int max_gap_seconds = 3600;
constexpr std::size_t max_id_length = 64;

bool is_valid_slot_id(std::string_view id) noexcept {
    const auto allowed = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    };
    return !id.empty() && id.size() <= max_id_length && std::all_of(id.begin(), id.end(), allowed);
}

std::string slot_id_problem(std::string_view id) {
    std::string guess = lower_ascii(id);
    std::replace(guess.begin(), guess.end(), ' ', '-');
    const std::string example = is_valid_slot_id(guess) ? guess : "sang";
    return i18n::format(_("slot id '{1}' may use only lower-case letters a-z, digits, '-' and '_' "
                          "(no spaces or diacritics, at most 64), like \"{2}\""),
                        id, example);
}

/// Reads one [[slot]] table, reporting each problem and carrying on.
class SlotReader {
public:
    SlotReader(const toml::table &table, DiagnosticList &out) : m_table(table), m_out(out) {
        m_read.slot.position = position_of(table);
    }

    SlotRead read() {
        check_keys(m_table, slot_rules(), m_out);
        read_identity();
        read_when();
        read_times();
        read_play();
        read_repeat();
        read_gap();
        read_chime(intro_field, slot().intro, slot().intro_position);
        read_chime(outro_field, slot().outro, slot().outro_position);
        read_priority();
        read_late();
        read_on_interrupt();
        read_range();
        return std::move(m_read);
    }

private:
    Slot &slot() noexcept { return m_read.slot; }

    const toml::node *find(const Field &field) const { return m_table.get(field.key); }

    std::string label() const {
        return m_read.slot.id.empty() ? std::string(_("this [[slot]]"))
                                      : i18n::format(_("slot '{1}'"), m_read.slot.id);
    }

    /// The value of a key the slot must have; reports its absence at the header.
    const toml::node *require(const Field &field) {
        if (const auto *node = find(field))
            return node;
        m_out.error(slot().position,
                    i18n::format(_("{1} has no '{2}': add {3}, like {4}"), label(), field.key,
                                 i18n::translate(field.purpose.data()), example_of(field)));
        return nullptr;
    }

    void read_identity();
    void read_when();
    void read_days(const toml::node &node);
    void read_dates(const toml::node &node);
    void read_times();
    void read_play();
    void read_repeat();
    void read_gap();
    void read_chime(const Field &field, std::optional<std::string> &id, SourcePosition &position);
    void read_priority();
    void read_late();
    void read_on_interrupt();
    void read_range();

    const toml::table &m_table;
    DiagnosticList &m_out;
    SlotRead m_read;
};

void SlotReader::read_identity() {
    if (const auto *node = require(id_field)) {
        if (const auto id = read_text(*node, id_field, m_out)) {
            if (is_valid_slot_id(*id)) {
                slot().id = *id;
                m_read.id_position = position_of(*node);
            } else {
                m_out.error(position_of(*node), slot_id_problem(*id));
            }
        }
    }
    if (const auto *node = find(title_field))
        slot().title = read_text(*node, title_field, m_out).value_or("");
}

void SlotReader::read_when() {
    const auto *days = find(days_field);
    const auto *dates = find(dates_field);
    if (days && dates) {
        m_out.error(position_of(*dates),
                    i18n::format(_("{1} has both 'days' and 'dates': keep one of them (a slot "
                                   "plays either on days of the week or on listed dates)"),
                                 label()));
    } else if (!days && !dates) {
        m_out.error(slot().position,
                    i18n::format(_("{1} has neither 'days' nor 'dates': add the days it plays, "
                                   "like days = [\"daily\"] or days = [\"mon\", \"fri\"], or its "
                                   "dates, like dates = [2020-07-20]"),
                                 label()));
    }
    if (days)
        read_days(*days);
    if (dates)
        read_dates(*dates);
}

void SlotReader::read_days(const toml::node &node) {
    const auto *list = read_list(node, days_field, m_out);
    if (!list)
        return;
    std::uint8_t mask = 0;
    std::optional<SourcePosition> daily_at;
    for (const TextItem &item : read_text_items(*list, days_field, m_out)) {
        const auto bits = weekday_mask(item.text);
        if (!bits) {
            const auto guess = day_name_suggestion(item.text);
            m_out.error(item.position,
                        guess ? i18n::format(_("unknown day '{1}': write {2}"), item.text, *guess)
                              : i18n::format(_("unknown day '{1}': the days are {2}"), item.text,
                                             day_names_help()));
        } else if (*bits == every_weekday) {
            daily_at = item.position;
        } else if ((mask & *bits) != 0 && !daily_at) {
            m_out.warning(
                item.position,
                i18n::format(_("'{1}' is listed twice in 'days'; it counts once"), item.text));
        }
        mask |= bits.value_or(0);
    }
    if (daily_at && list->size() > 1)
        m_out.warning(*daily_at, _("\"daily\" already means every day: the other days in this "
                                   "list add nothing"));
    slot().weekdays = mask;
}

void SlotReader::read_dates(const toml::node &node) {
    const auto *list = read_list(node, dates_field, m_out);
    if (!list)
        return;
    for (const DateItem &item :
         unique_dates(read_date_items(*list, dates_field, m_out), dates_field, m_out)) {
        slot().dates.push_back(item.date);
        m_read.date_positions.push_back(item.position);
    }
}

void SlotReader::read_times() {
    const auto *node = require(at_field);
    const auto *list = node ? read_list(*node, at_field, m_out) : nullptr;
    if (!list)
        return;
    std::vector<std::pair<std::chrono::seconds, SourcePosition>> times;
    for (const toml::node &item : *list) {
        std::optional<std::chrono::seconds> time;
        if (const auto *text = item.as_string()) {
            time = parse_time_of_day(text->get());
            if (!time)
                m_out.error(position_of(item), time_of_day_problem(text->get()));
        } else if (const auto *toml_time = item.as_time();
                   toml_time && toml_time->get().nanosecond == 0) {
            const toml::time &t = toml_time->get();
            time = std::chrono::seconds{t.hour * 3600 + t.minute * 60 + t.second};
        } else {
            m_out.error(position_of(item),
                        i18n::format(_("each item of 'at' must be a time of day in quotes, like "
                                       "{1}; here it is {2}"),
                                     example_of(at_field), describe(item)));
        }
        if (time)
            times.emplace_back(*time, position_of(item));
    }
    std::stable_sort(times.begin(), times.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[time, position] : times) {
        if (!slot().at.empty() && slot().at.back() == time) {
            m_out.warning(position,
                          i18n::format(_("\"{1}\" is listed twice in 'at'; it plays once"),
                                       format_time_of_day(time)));
            continue;
        }
        slot().at.push_back(time);
        slot().at_positions.push_back(position);
    }
}

void SlotReader::read_play() {
    const auto *node = require(play_field);
    const auto *list = node ? read_list(*node, play_field, m_out) : nullptr;
    if (!list)
        return;
    for (TextItem &item : read_text_items(*list, play_field, m_out)) {
        if (item.text.empty()) {
            m_out.error(item.position, _("an item of 'play' is empty text: write an announcement "
                                         "id, like \"chuong\""));
            continue;
        }
        slot().play.push_back(std::move(item.text));
        slot().play_positions.push_back(item.position);
    }
}

void SlotReader::read_repeat() {
    const auto *node = find(repeat_field);
    const auto repeat = node ? read_integer(*node, repeat_field, m_out) : std::nullopt;
    if (!repeat)
        return;
    if (*repeat < 1 || *repeat > max_repeat) {
        m_out.error(position_of(*node),
                    i18n::format(_("'repeat' is how many times the list plays: write a number "
                                   "from 1 to {1}, not {2}"),
                                 std::to_string(max_repeat), std::to_string(*repeat)));
        return;
    }
    slot().repeat = static_cast<int>(*repeat);
}

void SlotReader::read_gap() {
    const auto *node = find(gap_field);
    if (!node)
        return;
    if (const auto *text = node->as_string()) {
        // "2s" is the spelling of `late`; say what `gap` wants instead.
        const std::string &written = text->get();
        const std::string digits = written.substr(0, written.find_first_not_of("0123456789"));
        m_out.error(position_of(*node),
                    i18n::format(_("'gap' is a number of seconds without quotes or unit: write "
                                   "gap = {1}"),
                                 digits.empty() ? std::string("2") : digits));
        return;
    }
    const auto gap = read_integer(*node, gap_field, m_out);
    if (!gap)
        return;
    if (*gap < 0 || *gap > max_gap_seconds) {
        m_out.error(position_of(*node),
                    i18n::format(_("'gap' is the seconds of silence between two items: write a "
                                   "number from 0 to {1}, not {2}"),
                                 std::to_string(max_gap_seconds), std::to_string(*gap)));
        return;
    }
    slot().gap = std::chrono::seconds{*gap};
}

void SlotReader::read_chime(const Field &field, std::optional<std::string> &id,
                            SourcePosition &position) {
    const auto *node = find(field);
    if (!node)
        return;
    if (node->is_array()) {
        m_out.error(position_of(*node),
                    i18n::format(_("'{1}' is one announcement id, not a list: write {2} (put "
                                   "longer sequences in 'play')"),
                                 field.key, example_of(field)));
        return;
    }
    const auto text = read_text(*node, field, m_out);
    if (!text)
        return;
    if (text->empty()) {
        m_out.error(position_of(*node),
                    i18n::format(_("'{1}' is empty text: write an announcement id, like {2}, or "
                                   "remove the line"),
                                 field.key, example_of(field)));

        return;
    }
    id = *text;
    position = position_of(*node);
}

void SlotReader::read_priority() {
    const auto *node = find(priority_field);
    const auto text = node ? read_text(*node, priority_field, m_out) : std::nullopt;
    if (!text)
        return;
    if (const auto priority = parse_priority(*text)) {
        slot().priority = *priority;
        return;
    }
    static constexpr std::array<std::string_view, 3> names{"normal", "priority", "emergency"};
    const auto guess = closest(*text, names);
    m_out.error(position_of(*node),
                guess ? i18n::format(_("unknown priority \"{1}\": did you mean \"{2}\"? write "
                                       "\"normal\", \"priority\" or \"emergency\""),
                                     *text, *guess)
                      : i18n::format(_("unknown priority \"{1}\": write \"normal\", \"priority\" "
                                       "or \"emergency\""),
                                     *text));
}

void SlotReader::read_late() {
    const auto *node = find(late_field);
    if (!node)
        return;
    if (const auto *integer = node->as_integer()) {
        const auto number = std::to_string(integer->get());
        m_out.error(position_of(*node),
                    integer->get() == 0
                        ? std::string(_("write late = \"0\", in quotes"))
                        : i18n::format(_("'late' needs quotes and a unit: write late = \"{1}m\" "
                                         "for {1} minutes (or \"{1}s\", \"{1}h\")"),
                                       number));
        return;
    }
    const auto text = read_text(*node, late_field, m_out);
    if (!text)
        return;
    if (const auto late = parse_late_policy(*text)) {
        slot().late = *late;
        return;
    }
    m_out.error(position_of(*node),
                i18n::format(_("'late' is \"{1}\", which is not understood: write \"0\" (never "
                               "play late), \"always\", or how late it may still play, like "
                               "\"10m\", \"90s\" or \"1h30m\""),
                             *text));
}

void SlotReader::read_on_interrupt() {
    const auto *node = find(on_interrupt_field);
    const auto text = node ? read_text(*node, on_interrupt_field, m_out) : std::nullopt;
    if (!text)
        return;
    if (*text == "resume" || *text == "restart") {
        slot().on_interrupt =
            *text == "resume" ? InterruptPolicy::resume : InterruptPolicy::restart;
        return;
    }
    static constexpr std::array<std::string_view, 2> names{"resume", "restart"};
    const auto guess = closest(*text, names);
    m_out.error(position_of(*node),
                guess ? i18n::format(_("'on_interrupt' is \"{1}\": did you mean \"{2}\"? write "
                                       "\"resume\" (go on where the emergency stopped it) or "
                                       "\"restart\" (play it again from the beginning)"),
                                     *text, *guess)
                      : i18n::format(_("'on_interrupt' is \"{1}\": write \"resume\" (go on where "
                                       "the emergency stopped it) or \"restart\" (play it again "
                                       "from the beginning)"),
                                     *text));
}

void SlotReader::read_range() {
    const auto *from = find(from_field);
    const auto *until = find(until_field);
    if (from)
        slot().from = read_date(*from, "'from'", m_out);
    if (until)
        slot().until = read_date(*until, "'until'", m_out);
    if (slot().from && slot().until && *slot().from > *slot().until)
        m_out.error(position_of(*from),
                    i18n::format(_("'from' ({1}) is after 'until' ({2}): the slot would never "
                                   "play; swap them or fix one"),
                                 format_date(*slot().from), format_date(*slot().until)));
}

} // namespace

SlotRead read_slot(const toml::table &table, DiagnosticList &out) {
    return SlotReader(table, out).read();
}

} // namespace loa::schedule
