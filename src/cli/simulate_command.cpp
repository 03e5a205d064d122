// loa simulate: runs the player's own engine on a virtual clock over a period and
// prints the plays it would log. The plays go to a play log in memory; the station's
// database is only read (the library and the active schedule), so its log is never
// touched. The output is virtual: each item takes its recorded length in virtual
// time, so a month runs in well under a second.
#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "core/durable_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/time_of_day.hpp"
#include "engine/engine.hpp"
#include "lib/sqlite/database.hpp"
#include "library/library.hpp"
#include "playlog/play_log.hpp"
#include "report/csv_export.hpp"
#include "report/json_export.hpp"
#include "schedule/schedule.hpp"
#include "station/schedule_store.hpp"
#include "station/schema.hpp"

#include <algorithm>
#include <ostream>

namespace loa::cli {
namespace {

/// "2020-07-20" (that day's start, or for --to the day's end: inclusive) or
/// "2020-07-20T06:00[:SS]" (also with a space), station-local.
TimePoint parse_instant(const TimeZone &zone, const std::string &text, const std::string &what,
                        bool end_of_day) {
    const std::string date_part = text.substr(0, std::min<std::size_t>(text.size(), 10));
    const auto date = parse_date(date_part, what);
    if (text.size() == 10) {
        const auto day = end_of_day ? std::chrono::sys_days(date) + std::chrono::days(1)
                                    : std::chrono::sys_days(date);
        return zone.from_local(std::chrono::year_month_day(day), std::chrono::seconds(0));
    }
    if (text.size() < 16 || (text[10] != 'T' && text[10] != ' '))
        throw UsageError(i18n::format(
            _("{1} {2} is not a date (2020-07-20) or a date and time (2020-07-20T06:00)"), what,
            text));
    const auto time = parse_time_of_day(text.substr(11));
    if (!time)
        throw UsageError(i18n::format(
            _("{1} {2}: the time of day must be HH:MM or HH:MM:SS, like 2020-07-20T06:00"), what,
            text));
    return zone.from_local(date, *time);
}

} // namespace

int run_simulate(Context &context, const Arguments &args) {
    args.expect_positionals(0, _("no arguments"));
    context.home.require_initialised();
    const auto config = context.home.load_config();
    const auto zone = TimeZone::load(config.timezone);
    const TimePoint from = parse_instant(zone, args.required("--from"), "--from", false);
    const TimePoint to = parse_instant(zone, args.required("--to"), "--to", true);
    if (to <= from)
        throw UsageError(i18n::format(_("--to {1} is not after --from {2}"), *args.option("--to"),
                                      *args.option("--from")));

    // The station's database, only read: the library and the active schedule.
    sqlite::Database station_db(context.home.database_path(), sqlite::Database::Mode::read_only);
    std::string file_name, content;
    if (const auto file = args.option("--schedule")) {
        file_name = *file;
        content = read_text_file(*file);
    } else {
        const auto active = station::ScheduleStore(station_db).active();
        if (!active)
            throw InputError(_("no schedule is loaded; load one with 'loa schedule load FILE' or "
                               "give --schedule FILE"));
        file_name = active->file_name;
        content = active->content;
    }
    const auto parsed = schedule::parse(content, file_name);
    if (!parsed.ok()) {
        std::string message =
            i18n::format(_("{1} has errors; 'loa schedule check {1}' lists them:"), file_name);

        for (const auto &diagnostic : parsed.diagnostics)
            if (diagnostic.severity == schedule::Severity::error)
                message += "\n" + schedule::format(diagnostic);
        throw InputError(message);
    }

    // The simulated plays' log, in memory.
    sqlite::Database log_db(":memory:", sqlite::Database::Mode::read_write_create);
    station::migrate(log_db);
    log_db.execute("INSERT INTO meta (key, value) VALUES ('chain_id', 'simulation')");
    station::ScheduleStore schedules(log_db);
    schedules.activate(file_name, content, zone.format_iso(from), from);
    library::Library library(station_db, context.home.library_path());
    playlog::PlayLog log(log_db, config.code, zone);

    ManualClock clock(from);
    engine::VirtualOutput output(clock);
    engine::EngineSettings settings{zone, config.quiet_hours};
    settings.loudness_target_lufs = config.loudness_target_lufs;
    settings.max_boost_db = config.max_boost_db;
    settings.preroll =
        std::chrono::milliseconds(0); // nothing to open: and nothing due after --to is taken up
    engine::Engine engine(clock, schedules, library, log, output, settings);
    while (true) {
        const TimePoint next = engine.step();
        // Busy (next is now) means more is due: an occurrence before --to that waited
        // for a long one still gets its outcome, even when that ends after --to.
        if (next >= to && next > clock.now())
            break;
        clock.sleep_until(next);
    }
    // Occurrences from --to on were taken up only because the engine was busy then.
    playlog::PlayFilter shown;
    shown.scheduled_before = to;
    if (args.flag("--json")) {
        log.scan(shown, [&](const playlog::PlayRecord &row) {
            report::write_json_line(context.out, row, "", report::ExportColumns::row_only);
        });
    } else {
        report::CsvWriter writer(context.out, "", report::ExportColumns::row_only);
        log.scan(shown, [&](const playlog::PlayRecord &row) { writer.write(row); });
    }
    context.out.flush();
    return 0;
}

} // namespace loa::cli
