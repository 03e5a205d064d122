#pragma once
// The report the province asks for ("tổng hợp báo cáo kết quả"): the play log of
// a period summed up — what aired, how much, by campaign and by day, emergencies,
// and every missed, failed or interrupted item with its reason. Built by feeding
// the period's rows to add(); rendered as text, CSV or printable HTML.
#include "playlog/play_record.hpp"
#include "report/chain_witness.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace loa::report {

struct ReportHeading {
    std::string station_code;
    std::string station_name;
    std::string reports_to;
    std::string from_date; ///< YYYY-MM-DD, inclusive, station time.
    std::string to_date;
    std::optional<std::string> campaign; ///< Only this campaign's plays.
};

struct Totals {
    std::size_t plays = 0; ///< Items that aired (completed or interrupted after starting).
    std::int64_t airtime_ms = 0;
    std::set<std::string> announcements;
    std::size_t planned = 0;          ///< Items the schedule versions of the period planned.
    std::size_t aired_as_planned = 0; ///< Scheduled items completed (late ones too).
};

/// Items of one occurrence of a slot that ended the same way for the same reason
/// (a power cut misses a whole session): one line of the report, not twelve.
struct ProblemGroup {
    playlog::PlayRecord first;      ///< The group's first item.
    std::int64_t last_position = 0; ///< Position of its last item (first.position is the first).
    std::size_t items = 1;
    std::set<std::string> announcements;
};

class PeriodSummary {
public:
    explicit PeriodSummary(ReportHeading heading);

    /// Counts one row of the period (rows of other campaigns are ignored when one is chosen).
    void add(const playlog::PlayRecord &row);

    /// Sets what the schedule planned (planned_items()), after every row was added.
    /// An item counts for the campaign its plays in the period carried, else the one
    /// `library_campaigns` gives its announcement now, else no campaign.
    void set_planned(const std::map<std::string, std::size_t> &items_by_announcement,
                     const std::map<std::string, std::optional<std::string>> &library_campaigns);
    /// Names the campaigns the station knows: id → title and reference document.
    void set_campaign_names(std::map<std::string, std::string> names) {
        m_campaign_names = std::move(names);
    }
    /// A campaign of by_campaign() or of the heading as the province reads it: its name
    /// from set_campaign_names(), else the id the plays carried.
    const std::string &campaign_name(const std::string &id) const;
    /// Whether set_planned() was called (a station without a loaded schedule has no plan).
    bool has_plan() const noexcept { return m_has_plan; }

    const ReportHeading &heading() const noexcept { return m_heading; }
    std::size_t rows() const noexcept { return m_rows; }
    const Totals &total() const noexcept { return m_total; }
    const std::map<std::string, Totals> &by_campaign() const noexcept { return m_by_campaign; }
    /// Key: YYYY-MM-DD; every day of the period is present, aired or not.
    const std::map<std::string, Totals> &by_day() const noexcept { return m_by_day; }
    const std::vector<playlog::PlayRecord> &emergencies() const noexcept { return m_emergencies; }
    /// Missed, failed, interrupted and skipped items, in time order.
    const std::vector<playlog::PlayRecord> &problems() const noexcept { return m_problems; }
    /// The same, items of one occurrence with one outcome and reason grouped, in time order.
    const std::vector<ProblemGroup> &problem_groups() const noexcept { return m_problem_groups; }
    /// The stretch of the hash chain the period's rows cover (all campaigns).
    ChainWitness chain() const { return m_chain.witness(); }

private:
    void add_problem(const playlog::PlayRecord &row);

    ReportHeading m_heading;
    ChainTally m_chain;
    std::size_t m_rows = 0;
    Totals m_total;
    std::map<std::string, Totals> m_by_campaign;
    std::map<std::string, Totals> m_by_day;
    std::vector<playlog::PlayRecord> m_emergencies;
    std::vector<playlog::PlayRecord> m_problems;
    std::vector<ProblemGroup> m_problem_groups;
    std::map<std::string, std::string>
        m_campaign_played; ///< Announcement → campaign its rows carried.
    std::map<std::string, std::string> m_campaign_names;
    bool m_has_plan = false;
};

/// Aired as planned, as a percentage of planned ("97,5 %"); "—" when nothing was planned.
std::string percent_of_plan(const Totals &totals);

/// The campaign name shown for plays without one.
inline constexpr const char *no_campaign = "(không thuộc chiến dịch)";

/// Which items a group covers, counted from 1 as people do (the log's position
/// 0 is #1): "sang #4", "sang #1–#12 (12 mục)", "(phát trực tiếp)".
std::string problem_items(const ProblemGroup &group);
/// What a group played: the announcement's title (its id when it has none), or
/// "12 lượt phát của 5 bản tin".
std::string problem_announcements(const ProblemGroup &group);

/// The reason of a problem row as the reader reads it (playlog::shown_reason), or
/// "(không rõ lý do)" when it has none.
std::string reason_or_unknown(const playlog::PlayRecord &record);

/// "2020-07-20" → "20/07/2020".
std::string vietnamese_date(const std::string &iso_date);
/// Milliseconds as "H giờ MM phút SS giây" / "MM phút SS giây".
std::string vietnamese_duration(std::int64_t ms);

void write_report_text(std::ostream &out, const PeriodSummary &summary);
void write_report_csv(std::ostream &out, const PeriodSummary &summary);
/// A self-contained HTML page (no network) that prints on A4, with an SVG chart of airtime per day.
void write_report_html(std::ostream &out, const PeriodSummary &summary);
/// The report as an Excel workbook (replaced whole). Throws Error naming the file.
void write_report_xlsx(const std::filesystem::path &path, const PeriodSummary &summary);

} // namespace loa::report
