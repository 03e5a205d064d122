// loa log, loa export: the play log for the operator and for the province.
#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/open_station.hpp"
#include "core/durable_file.hpp"
#include "core/error.hpp"
#include "playlog/play_log.hpp"
#include "report/csv_export.hpp"
#include "report/json_export.hpp"

#include <ostream>
#include <sstream>

namespace loa::cli {
namespace {

playlog::PlayFilter filter_from(const Arguments &args, const TimeZone &zone, bool dates_required) {
    playlog::PlayFilter filter;
    const auto from = dates_required ? std::optional(args.required("--from")) : args.option("--from");
    const auto to = dates_required ? std::optional(args.required("--to")) : args.option("--to");
    if (from || to) {
        const auto range = local_date_range(zone, from.value_or("1970-01-01"), to.value_or("9999-12-31"));
        filter.from = range.from;
        filter.to = range.to;
    }
    if (const auto status = args.option("--status")) {
        filter.status = parse_play_status(*status);
        if (!filter.status)
            throw UsageError("--status must be one of completed, interrupted, failed, missed, skipped, started");
    }
    return filter;
}

} // namespace

int run_log(Context &context, const std::vector<std::string> &words) {
    const Arguments args("log", words, {"--from", "--to", "--status"}, {"--json"});
    args.expect_positionals(0, "no arguments");
    auto station = open_station(context.home);
    const playlog::PlayLog log(*station.db, station.config.code, station.zone);
    const auto rows = log.query(filter_from(args, station.zone, false));
    if (args.flag("--json")) {
        report::write_json_lines(context.out, rows, station::chain_id(*station.db));
        return 0;
    }
    for (const auto &r : rows)
        context.out << r.started_at.value_or(r.scheduled_at.value_or("-")) << "  " << to_string(r.status) << "  "
                    << r.slot.value_or("(manual)") << " #" << r.position.value_or(0) << "  " << r.announcement
                    << (r.error ? "  (" + *r.error + ")" : "") << "\n";
    if (rows.empty())
        context.out << "no plays in this period\n";
    return 0;
}

int run_export(Context &context, const std::vector<std::string> &words) {
    const Arguments args("export", words, {"--from", "--to", "--format", "-o", "--output"}, {});
    args.expect_positionals(0, "no arguments; the file goes after -o");
    const std::string format = args.option("--format").value_or("csv");
    if (format != "csv" && format != "json")
        throw UsageError("--format must be csv or json");
    auto station = open_station(context.home);
    const playlog::PlayLog log(*station.db, station.config.code, station.zone);
    const auto rows = log.query(filter_from(args, station.zone, true));
    const auto chain = station::chain_id(*station.db);
    std::ostringstream text;
    if (format == "csv")
        report::write_csv(text, rows, chain);
    else
        report::write_json_lines(text, rows, chain);
    const auto output = args.option("-o") ? args.option("-o") : args.option("--output");
    if (!output) {
        context.out << text.str();
        return 0;
    }
    write_file_durably(*output, text.str());
    context.err << "wrote " << rows.size() << " play(s) to " << *output << "\n";
    return 0;
}

} // namespace loa::cli
