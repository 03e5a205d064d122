// loa report: the period's summary for the province, as text, CSV or printable HTML.
#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/open_station.hpp"
#include "core/durable_file.hpp"
#include "core/error.hpp"
#include "playlog/play_log.hpp"
#include "report/period_summary.hpp"

#include <ostream>
#include <sstream>

namespace loa::cli {

int run_report(Context &context, const std::vector<std::string> &words) {
    const Arguments args("report", words, {"--from", "--to", "--campaign", "--format", "-o", "--output"}, {});
    args.expect_positionals(0, "no arguments; the file goes after -o");
    const std::string format = args.option("--format").value_or("text");
    if (format != "text" && format != "csv" && format != "html")
        throw UsageError("--format must be text, csv or html");
    const std::string from = args.required("--from"), to = args.required("--to");
    auto station = open_station(context.home);
    const auto range = local_date_range(station.zone, from, to);
    const playlog::PlayLog log(*station.db, station.config.code, station.zone);
    report::PeriodSummary summary({station.config.code, station.config.name, station.config.reports_to, from, to,
                                   args.option("--campaign")});
    playlog::PlayFilter filter;
    filter.from = range.from;
    filter.to = range.to;
    log.scan(filter, [&](const playlog::PlayRecord &row) { summary.add(row); });
    std::ostringstream text;
    if (format == "html")
        report::write_report_html(text, summary);
    else if (format == "csv")
        report::write_report_csv(text, summary);
    else
        report::write_report_text(text, summary);
    const auto output = args.option("-o") ? args.option("-o") : args.option("--output");
    if (!output) {
        context.out << text.str();
        return 0;
    }
    write_file_durably(*output, text.str());
    context.err << "wrote the report for " << from << " to " << to << " to " << *output << "\n";
    return 0;
}

} // namespace loa::cli
