// loa log, loa export: the play log for the operator and for the province.
#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/open_station.hpp"
#include "cli/people_text.hpp"
#include "core/durable_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "playlog/people_numbers.hpp"
#include "playlog/play_log.hpp"
#include "playlog/reason_text.hpp"
#include "playlog/play_rows.hpp"
#include "report/chain_witness.hpp"
#include "report/csv_export.hpp"
#include "report/excel_csv_export.hpp"
#include "report/json_export.hpp"
#include "report/xlsx_export.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <functional>
#include <ostream>

namespace loa::cli {
namespace {

playlog::PlayFilter filter_from(const Arguments &args, const TimeZone &zone, bool dates_required) {
    playlog::PlayFilter filter;
    const auto from =
        dates_required ? std::optional(args.required("--from")) : args.option("--from");
    const auto to = dates_required ? std::optional(args.required("--to")) : args.option("--to");
    if (from || to) {
        const auto range =
            local_date_range(zone, from.value_or("1970-01-01"), to.value_or("9999-12-31"));
        filter.from = range.from;
        filter.to = range.to;
    }
    return filter;
}

std::string wrote_plays(std::size_t count, const std::string &output) {
    return i18n::format(_("wrote {1} play(s) to {2}"), std::to_string(count), output);
}

/// Streams an export into `path` so that it appears whole or not at all (a
/// year's export need not fit in memory): a temporary file, fsync'd, renamed.
void write_streamed_durably(const std::filesystem::path &path,
                            const std::function<void(std::ostream &)> &write) {
    auto partial = path;
    partial += ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (!out)
            throw Error(
                i18n::format(_("cannot write {1}: check that the folder exists and is writable"),
                             quote(partial)));
        write(out);
        out.flush();
        if (!out)
            throw Error(i18n::format(_("cannot write {1}: the disk may be full"), quote(partial)));
    }
    const int fd = ::open(partial.c_str(), O_RDONLY);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0)
        ::close(fd);
    std::error_code ec;
    if (!synced) {
        std::filesystem::remove(partial, ec);
        throw Error(i18n::format(_("cannot write {1} to disk: the disk may be full or failing"),
                                 quote(path)));
    }
    std::filesystem::rename(partial, path, ec);
    if (ec)
        throw Error(i18n::format(_("cannot write {1}: {2}"), quote(path), ec.message()));
    sync_directory(path.has_parent_path() ? path.parent_path() : std::filesystem::path("."));
}

} // namespace

int run_log(Context &context, const Arguments &args) {
    auto station = open_station(context.home, Access::read);
    const playlog::PlayLog log(*station.db, station.config.code, station.zone);
    auto filter = filter_from(args, station.zone, false);
    if (const auto status = args.option("--status"))
        filter.status = parse_play_status(*status); // one of the table's choices
    const auto rows = log.query(filter);
    if (args.flag("--json")) {
        report::write_json_lines(context.out, rows, station::chain_id(*station.db));
        return 0;
    }
    for (const auto &r : rows) {
        const auto at = playlog::played_at(r);
        context.out << (at ? at->text() : "-") << "  " << people_name(r.status) << "  "

                    << (r.slot ? *r.slot + " " + position_text(r.position.value_or(0))
                               : std::string(_("(manual)")))
                    << "  " << r.announcement;
        if (r.lateness_ms && r.slot)
            context.out << "  " << lateness_text(*r.lateness_ms);
        context.out << (r.error ? "  (" + playlog::shown_reason(r) + ")" : "") << "\n";
    }
    if (rows.empty())
        context.out << _("no plays in this period") << "\n";
    return 0;
}

int run_export(Context &context, const Arguments &args) {
    const std::string format = args.option("--format").value_or("csv");
    const bool excel = args.flag("--excel");
    if (excel && format != "csv")
        throw UsageError(_("--excel goes with --format csv"));
    auto station = open_station(context.home, Access::read);
    const auto filter = filter_from(args, station.zone, true);
    const auto chain = station::chain_id(*station.db);
    // Rows stream from the database to the file through one reused record.
    const auto scan = [&](const std::function<void(const playlog::PlayRecord &)> &visit) {
        playlog::scan_plays(*station.db, filter, visit);
    };
    std::size_t count = 0;
    report::ChainTally tally; // the export's end record: what `loa verify` checks truncation by
    const auto write = [&](std::ostream &out) {
        if (excel) {
            report::ExcelCsvWriter writer(out);
            scan([&](const playlog::PlayRecord &row) { writer.write(row), ++count; });
        } else if (format == "csv") {
            {
                report::CsvWriter writer(out, chain);
                scan([&](const playlog::PlayRecord &row) {
                    writer.write(row), tally.add(row), ++count;
                });
            }
            out << report::csv_end_record(tally.witness(chain));
        } else {
            scan([&](const playlog::PlayRecord &row) {
                report::write_json_line(out, row, chain), tally.add(row), ++count;
            });
            out << report::json_end_record(tally.witness(chain));
        }
    };
    const auto output = args.option("--output");
    if (format == "xlsx") {
        if (!output)
            throw UsageError(_("--format xlsx needs -o FILE.xlsx (a workbook is not text)"));
        const report::WorkbookHeading heading{station.config.code, station.config.name,
                                              station.config.reports_to, args.required("--from"),
                                              args.required("--to")};
        count = report::write_xlsx(*output, heading, scan);
        context.err << wrote_plays(count, *output) << "\n";
        return 0;
    }
    if (!output) {
        write(context.out);
        return 0;
    }
    write_streamed_durably(*output, write);
    context.err << wrote_plays(count, *output) << "\n";
    return 0;
}

} // namespace loa::cli
