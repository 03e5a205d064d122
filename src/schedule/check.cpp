// check(): looks each announcement id up once, then checks slot by slot (ids,
// validity dates, quiet hours, session cap) and finally all slots together for
// overlaps (overlap_check.cpp).
#include "schedule/check.hpp"

#include "schedule/overlap_check.hpp"
#include "core/i18n.hpp"
#include "core/time_of_day.hpp"

#include <algorithm>
#include <map>

namespace loa::schedule {
namespace {

using std::chrono::milliseconds;
using std::chrono::year_month_day;

constexpr std::chrono::seconds one_day{24 * 3600};

/// The library's answers, asked once per id.
class FactsCache {
public:
    explicit FactsCache(const CheckContext &context) : m_context(context) {}

    const std::optional<AnnouncementFacts> &find(const std::string &id) {
        const auto found = m_facts.find(id);
        if (found != m_facts.end())
            return found->second;
        auto facts = m_context.lookup ? m_context.lookup(id) : std::nullopt;
        return m_facts.emplace(id, std::move(facts)).first->second;
    }

    milliseconds duration(const std::string &id) {
        const auto &facts = find(id);
        return facts ? facts->duration : milliseconds{0};
    }

private:
    const CheckContext &m_context;
    std::map<std::string, std::optional<AnnouncementFacts>> m_facts;
};

/// "12 min 30 s", "45 min", "1 h 5 min".
std::string describe_length(milliseconds length) {
    const auto total = (length.count() + 999) / 1000;
    const auto hours = total / 3600, minutes = total / 60 % 60, seconds = total % 60;
    std::string text;
    if (hours > 0)
        text += std::to_string(hours) + " h";
    if (minutes > 0)
        text += (text.empty() ? "" : " ") + std::to_string(minutes) + " min";
    if (seconds > 0 || text.empty())
        text += (text.empty() ? "" : " ") + std::to_string(seconds) + " s";
    return text;
}

/// One id the slot plays, where it is written.
struct Use {
    const std::string &id;
    SourcePosition position;
};

std::vector<Use> uses_of(const Slot &slot) {
    std::vector<Use> uses;
    if (slot.intro)
        uses.push_back({*slot.intro, slot.intro_position});
    for (std::size_t i = 0; i < slot.play.size(); ++i)
        uses.push_back({slot.play[i],
                        i < slot.play_positions.size() ? slot.play_positions[i] : slot.position});
    if (slot.outro)
        uses.push_back({*slot.outro, slot.outro_position});
    return uses;
}

void check_unknown(const Slot &slot, const Use &use, DiagnosticList &out) {
    out.error(use.position,
              i18n::format(_("slot '{1}' plays '{2}', which is not in the library; import it "
                             "first (loa import FILE --id {2}) or correct the id ('loa list' "
                             "shows them)"),
                           slot.id, use.id));
}

/// The dates a slot can play between, as far as the file bounds them.
struct DateSpan {
    std::optional<year_month_day> first, last;
};

DateSpan span_of(const Schedule &schedule, const Slot &slot,
                 const std::optional<year_month_day> &today) {
    DateSpan span{slot.from, slot.until};
    const auto later = [](auto &bound, const std::optional<year_month_day> &other) {
        if (other && (!bound || *other > *bound))
            bound = other;
    };
    const auto earlier = [](auto &bound, const std::optional<year_month_day> &other) {
        if (other && (!bound || *other < *bound))
            bound = other;
    };
    later(span.first, schedule.valid_from);
    earlier(span.last, schedule.valid_until);
    if (!slot.dates.empty()) {
        later(span.first, slot.dates.front());
        earlier(span.last, slot.dates.back());
    }
    if (!span.first)
        span.first = today;
    return span;
}

/// Warns at `use` that the slot plays past the announcement's `limit` (its own bound
/// `slot_bound`, none when it has no such end): `bounded` names the slot's bound,
/// `unbounded` says it has none.
void warn_beyond(DiagnosticList &out, const Use &use, const Slot &slot, year_month_day limit,
                 const std::optional<year_month_day> &slot_bound, const char *bounded,
                 const char *unbounded) {
    out.warning(use.position, slot_bound
                                  ? i18n::format(bounded, use.id, format_date(limit), slot.id,
                                                 format_date(*slot_bound))
                                  : i18n::format(unbounded, use.id, format_date(limit), slot.id));
}

void check_validity(const Schedule &schedule, const Slot &slot, const Use &use,
                    const AnnouncementFacts &facts, const CheckContext &context,
                    DiagnosticList &out) {
    const DateSpan span = span_of(schedule, slot, context.today);
    if (facts.valid_until && (!span.last || *span.last > *facts.valid_until))
        warn_beyond(out, use, slot, *facts.valid_until, span.last,
                    _("'{1}' may be broadcast only until {2}, but slot '{3}' plays it until {4}: "
                      "add until = {2} to the slot, or replace the recording"),
                    _("'{1}' may be broadcast only until {2}, but slot '{3}' plays it with no end "
                      "date: add until = {2} to the slot, or replace the recording"));
    if (facts.valid_from && (!span.first || *span.first < *facts.valid_from))
        warn_beyond(out, use, slot, *facts.valid_from, span.first,
                    _("'{1}' may be broadcast only from {2}, but slot '{3}' plays it from {4}: add "
                      "from = {2} to the slot"),
                    _("'{1}' may be broadcast only from {2}, but slot '{3}' plays it with no start "
                      "date: add from = {2} to the slot"));
}

std::string describe(const QuietHours &quiet) {
    return format_time_of_day(quiet.begin) + "–" + format_time_of_day(quiet.end);
}

void check_quiet_hours(const Slot &slot, milliseconds length, const QuietHours &quiet,
                       DiagnosticList &out) {
    if (slot.priority == Priority::emergency || quiet.begin == quiet.end)
        return;
    for (std::size_t i = 0; i < slot.at.size(); ++i) {
        const auto at = slot.at[i];
        const auto position = i < slot.at_positions.size() ? slot.at_positions[i] : slot.position;
        if (quiet.contains(at)) {
            out.error(position,
                      i18n::format(_("slot '{1}' starts at {2}, inside the station's quiet hours "
                                     "({3}), when only emergencies play: move it outside them, or "
                                     "write priority = \"emergency\" if it is one"),
                                   slot.id, format_time_of_day(at), describe(quiet)));
            continue;
        }
        const auto until_quiet = ((quiet.begin - at) % one_day + one_day) % one_day;
        if (until_quiet > std::chrono::seconds{0} && length > until_quiet)
            out.warning(position,
                        i18n::format(_("slot '{1}' starts at {2} and lasts {3}, so it runs into "
                                       "the station's quiet hours ({4}): start it earlier or "
                                       "shorten it"),
                                     slot.id, format_time_of_day(at), describe_length(length),
                                     describe(quiet)));
    }
}

void check_session_cap(const Slot &slot, milliseconds length, std::chrono::minutes cap,
                       DiagnosticList &out) {
    if (length <= cap)
        return;
    out.warning(slot.position,
                i18n::format(_("slot '{1}' lasts {2}, longer than the station's longest session "
                               "({3}, max_session_minutes in station.toml): shorten its 'play' "
                               "list or 'repeat', or split it into two slots"),
                             slot.id, describe_length(length), describe_length(cap)));
}

} // namespace

bool QuietHours::contains(std::chrono::seconds time_of_day) const noexcept {
    if (begin <= end)
        return time_of_day >= begin && time_of_day < end;
    return time_of_day >= begin || time_of_day < end;
}

milliseconds session_length(const Slot &slot,
                            const std::function<milliseconds(const std::string &)> &duration_of) {
    milliseconds round{0};
    for (const std::string &id : slot.play)
        round += duration_of(id);
    milliseconds length = round * std::max(slot.repeat, 0);
    auto items = slot.play.size() * static_cast<std::size_t>(std::max(slot.repeat, 0));
    for (const auto *chime : {&slot.intro, &slot.outro}) {
        if (*chime) {
            length += duration_of(**chime);
            ++items;
        }
    }
    if (items > 1)
        length += std::chrono::duration_cast<milliseconds>(slot.gap) *
                  static_cast<milliseconds::rep>(items - 1);
    return length;
}

std::vector<Diagnostic> check(const Schedule &schedule, const CheckContext &context) {
    DiagnosticList out(schedule.file_name);
    FactsCache facts(context);
    std::vector<milliseconds> lengths;
    lengths.reserve(schedule.slots.size());
    for (const Slot &slot : schedule.slots) {
        for (const Use &use : uses_of(slot)) {
            if (const auto &found = facts.find(use.id))
                check_validity(schedule, slot, use, *found, context, out);
            else
                check_unknown(slot, use, out);
        }
        const milliseconds length =
            session_length(slot, [&](const std::string &id) { return facts.duration(id); });
        lengths.push_back(length);
        if (context.quiet_hours)
            check_quiet_hours(slot, length, *context.quiet_hours, out);
        if (context.max_session)
            check_session_cap(slot, length, *context.max_session, out);
    }
    check_overlaps(schedule, lengths, context, out);
    return out.take_sorted();
}

} // namespace loa::schedule
