// loa report: the period's summary for the province, as text, CSV, printable
// HTML or an Excel workbook, with the schedule's plan set against what aired.
#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/open_station.hpp"
#include "core/durable_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "library/campaign_store.hpp"
#include "library/library.hpp"
#include "playlog/play_log.hpp"
#include "playlog/play_rows.hpp"
#include "report/period_summary.hpp"
#include "report/planned_plays.hpp"
#include "schedule/schedule.hpp"
#include "station/schedule_store.hpp"

#include <ostream>
#include <sstream>

namespace loa::cli {
namespace {

/// Every schedule version the operator loaded, each active from its load until the
/// next one. A stored version that no longer parses (it did when it was loaded)
/// is named on stderr and plans nothing.
std::vector<report::ScheduleSpan> schedule_spans(sqlite::Database &db, std::ostream &err) {
    const auto history = station::ScheduleStore(db).history();
    std::vector<report::ScheduleSpan> spans;
    for (std::size_t i = 0; i < history.size(); ++i) {
        const auto &version = history[i];
        auto parsed = schedule::parse(version.content, version.file_name);
        if (!parsed.ok()) {
            err << i18n::format(_("warning: schedule version {1} ({2}) cannot be read again; its "
                                  "plan is left out of the report"),
                                std::to_string(version.version), version.file_name)
                << "\n";
            continue;
        }
        std::optional<TimePoint> until;
        if (i + 1 < history.size())
            until = history[i + 1].loaded_at_instant;
        spans.push_back({std::move(*parsed.schedule), version.loaded_at_instant, until});
    }
    return spans;
}

std::map<std::string, std::optional<std::string>> library_campaigns(sqlite::Database &db,
                                                                    const station::Home &home) {
    std::map<std::string, std::optional<std::string>> campaigns;
    for (const auto &announcement : library::Library(db, home.library_path()).list())
        campaigns[announcement.id] = announcement.campaign;
    return campaigns;
}

/// What the report calls each campaign: the title the operator gave it, with the
/// reference document the province knows it by.
std::map<std::string, std::string> campaign_names(sqlite::Database &db) {
    std::map<std::string, std::string> names;
    for (const auto &campaign : library::CampaignStore(db).list()) {
        std::string name = campaign.title.empty() ? campaign.id : campaign.title;
        if (campaign.reference && !campaign.reference->empty())
            name += " (" + *campaign.reference + ")";
        names[campaign.id] = std::move(name);
    }
    return names;
}

} // namespace

int run_report(Context &context, const Arguments &args) {
    const std::string format = args.option("--format").value_or("text");
    const auto output = args.option("--output");
    if (format == "xlsx" && !output)
        throw UsageError(_("--format xlsx needs -o FILE.xlsx (a workbook is not text)"));
    const std::string from = args.required("--from"), to = args.required("--to");
    auto station = open_station(context.home, Access::read);
    const auto range = local_date_range(station.zone, from, to);
    report::PeriodSummary summary({station.config.code, station.config.name,
                                   station.config.reports_to, from, to, args.option("--campaign")});
    summary.set_campaign_names(campaign_names(*station.db));
    playlog::PlayFilter filter;
    filter.from = range.from;
    filter.to = range.to;
    playlog::scan_plays(*station.db, filter,
                        [&](const playlog::PlayRecord &row) { summary.add(row); });
    const auto spans = schedule_spans(*station.db, context.err);
    if (!spans.empty())
        summary.set_planned(report::planned_items(spans, range.from, range.to, station.zone),
                            library_campaigns(*station.db, context.home));
    const auto written = [&] {
        return i18n::format(_("wrote the report for {1} to {2} to {3}"), from, to, *output);
    };
    if (format == "xlsx") {
        report::write_report_xlsx(*output, summary);
        context.err << written() << "\n";
        return 0;
    }
    std::ostringstream text;
    if (format == "html")
        report::write_report_html(text, summary);
    else if (format == "csv")
        report::write_report_csv(text, summary);
    else
        report::write_report_text(text, summary);
    if (!output) {
        context.out << text.str();
        return 0;
    }
    write_file_durably(*output, text.str());
    context.err << written() << "\n";

    return 0;
}

} // namespace loa::cli
