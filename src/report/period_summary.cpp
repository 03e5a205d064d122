#include "report/period_summary.hpp"

#include "core/time_zone.hpp"
#include "playlog/people_numbers.hpp"
#include "playlog/reason_text.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace loa::report {
namespace {

/// The station-local date of a row: when it started, else when it was due.
std::string local_date(const playlog::PlayRecord &r) {
    const auto at = playlog::played_at(r);
    return at ? loa::format_date(at->date()) : std::string();
}

std::optional<std::chrono::sys_days> parse_date(const std::string &text) {
    int year = 0;
    unsigned month = 0, day = 0;
    if (std::sscanf(text.c_str(), "%d-%u-%u", &year, &month, &day) != 3)
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month},
                                           std::chrono::day{day}};
    if (!date.ok())
        return std::nullopt;
    return std::chrono::sys_days{date};
}

std::string format_date(std::chrono::sys_days day) {
    const std::chrono::year_month_day date{day};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

} // namespace

PeriodSummary::PeriodSummary(ReportHeading heading) : m_heading(std::move(heading)) {
    const auto from = parse_date(m_heading.from_date), to = parse_date(m_heading.to_date);
    // A year is 366 entries: every day shows, even one with nothing aired.
    if (from && to && *to >= *from && *to - *from < std::chrono::days(3700))
        for (auto day = *from; day <= *to; day += std::chrono::days(1))
            m_by_day[format_date(day)];
}

const std::string &PeriodSummary::campaign_name(const std::string &id) const {
    const auto name = m_campaign_names.find(id);
    return name == m_campaign_names.end() ? id : name->second;
}

void PeriodSummary::add(const playlog::PlayRecord &r) {
    m_chain.add(r);
    if (r.campaign)
        m_campaign_played[r.announcement] = *r.campaign;
    if (m_heading.campaign && r.campaign != m_heading.campaign)
        return;
    ++m_rows;
    const bool emergency = r.priority == Priority::emergency || r.trigger == Trigger::emergency;
    const bool aired =
        (r.status == PlayStatus::completed || r.status == PlayStatus::interrupted) && r.started_at;
    if (aired) {
        const std::int64_t ms = r.duration_ms.value_or(0);
        for (Totals *totals : {&m_total, &m_by_campaign[r.campaign.value_or(no_campaign)],
                               &m_by_day[local_date(r)]}) {
            ++totals->plays;
            totals->airtime_ms += ms;
            totals->announcements.insert(r.announcement);
        }
        if (emergency)
            m_emergencies.push_back(r);
    }
    if (r.status != PlayStatus::completed && r.status != PlayStatus::started)
        add_problem(r);
    if (r.trigger == Trigger::scheduled && r.status == PlayStatus::completed) {
        ++m_total.aired_as_planned;
        ++m_by_campaign[r.campaign.value_or(no_campaign)].aired_as_planned;
    }
}

void PeriodSummary::add_problem(const playlog::PlayRecord &r) {
    m_problems.push_back(r);
    if (!m_problem_groups.empty()) {
        ProblemGroup &last = m_problem_groups.back();
        const auto &f = last.first;
        if (r.slot && r.slot == f.slot && r.scheduled_at == f.scheduled_at &&
            r.status == f.status && r.error == f.error && r.position &&
            *r.position == last.last_position + 1) {
            last.last_position = *r.position;
            ++last.items;
            last.announcements.insert(r.announcement);
            return;
        }
    }
    m_problem_groups.push_back({r, r.position.value_or(0), 1, {r.announcement}});
}

std::string problem_items(const ProblemGroup &g) {
    if (!g.first.slot)
        return "(phát trực tiếp)";
    // People count from 1: the slot's first item is #1 (the log's position 0).
    std::string first = // Not const: returned by move.
        *g.first.slot + " #" + std::to_string(g.first.position.value_or(0) + 1);
    if (g.items == 1)
        return first;
    return first + "–#" + std::to_string(g.last_position + 1) + " (" + std::to_string(g.items) +
           " mục)";
}

std::string problem_announcements(const ProblemGroup &g) {
    if (g.announcements.size() == 1)
        return g.first.title && !g.first.title->empty() ? *g.first.title : g.first.announcement;
    return std::to_string(g.items) + " lượt phát của " + std::to_string(g.announcements.size()) +
           " bản tin";
}

void PeriodSummary::set_planned(
    const std::map<std::string, std::size_t> &items_by_announcement,
    const std::map<std::string, std::optional<std::string>> &library_campaigns) {
    m_has_plan = true;
    for (const auto &[announcement, count] : items_by_announcement) {
        std::optional<std::string> campaign;
        if (const auto played = m_campaign_played.find(announcement);
            played != m_campaign_played.end())
            campaign = played->second;
        else if (const auto known = library_campaigns.find(announcement);
                 known != library_campaigns.end())
            campaign = known->second;
        if (m_heading.campaign && campaign != m_heading.campaign)
            continue;
        m_total.planned += count;
        m_by_campaign[campaign.value_or(no_campaign)].planned += count;
    }
}

std::string percent_of_plan(const Totals &totals) {
    if (totals.planned == 0)
        return "—";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %%",
                  100.0 * static_cast<double>(totals.aired_as_planned) /
                      static_cast<double>(totals.planned));
    return playlog::people_decimal(text);
}

std::string reason_or_unknown(const playlog::PlayRecord &record) {
    return record.error ? playlog::shown_reason(record) : std::string("(không rõ lý do)");
}

std::string vietnamese_date(const std::string &iso_date) {
    if (iso_date.size() < 10)
        return iso_date;
    return iso_date.substr(8, 2) + "/" + iso_date.substr(5, 2) + "/" + iso_date.substr(0, 4);
}

std::string vietnamese_duration(std::int64_t ms) {
    const std::int64_t seconds = (ms + 500) / 1000;
    char text[64];
    if (seconds >= 3600)
        std::snprintf(text, sizeof text, "%lld giờ %02lld phút %02lld giây",
                      static_cast<long long>(seconds / 3600),
                      static_cast<long long>(seconds / 60 % 60),
                      static_cast<long long>(seconds % 60));
    else
        std::snprintf(text, sizeof text, "%lld phút %02lld giây",
                      static_cast<long long>(seconds / 60), static_cast<long long>(seconds % 60));
    return text;
}

} // namespace loa::report
