// loa schedule check|load|show|history.
#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/open_station.hpp"
#include "core/durable_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/json.hpp"
#include "daemon/control_client.hpp"
#include "daemon/control_protocol.hpp"
#include "library/library.hpp"
#include "schedule/check.hpp"
#include "schedule/schedule.hpp"
#include "station/schedule_store.hpp"

#include <algorithm>
#include <sstream>
#include <ostream>

namespace loa::cli {
namespace {

struct CheckedSchedule {
    std::string content;
    schedule::ParseResult result;
    bool ok() const { return result.ok(); }
};

/// An announcement's validity date, if the library holds a readable one.
std::optional<std::chrono::year_month_day> library_date(const std::optional<std::string> &text) {
    if (!text)
        return std::nullopt;
    try {
        return parse_date(*text, "validity date");
    } catch (const InputError &) {
        return std::nullopt;
    }
}

/// What schedule::check needs from the station: its library, quiet hours, session
/// cap and time zone. `library` must outlive the context.
schedule::CheckContext check_context(const OpenStation &station, const library::Library &library) {
    schedule::CheckContext context{
        .lookup = [&library](const std::string &id) -> std::optional<schedule::AnnouncementFacts> {
            const auto announcement = library.find(id);
            if (!announcement)
                return std::nullopt;
            return schedule::AnnouncementFacts{std::chrono::milliseconds{announcement->duration_ms},
                                               library_date(announcement->valid_from),
                                               library_date(announcement->valid_until)};
        },
        .quiet_hours = std::nullopt,
        .max_session = std::nullopt,
        .zone = station.zone,
        .today = std::chrono::year_month_day{parse_date(
            station.zone.format_date(std::chrono::system_clock::now()), "today")},
    };
    if (const auto &quiet = station.config.quiet_hours)
        context.quiet_hours = schedule::QuietHours{quiet->begin, quiet->end};
    if (station.config.max_session_minutes > 0)
        context.max_session = std::chrono::minutes{station.config.max_session_minutes};
    return context;
}

/// Parses `file` and checks it against the station (library, quiet hours, session
/// cap, overlaps); prints every problem, sorted by position.
CheckedSchedule check_file(Context &context, const OpenStation &station, const std::string &file) {
    CheckedSchedule checked{read_text_file(file), {}};
    checked.result = schedule::parse(checked.content, file);
    if (checked.result.schedule) {
        const library::Library library(*station.db, context.home.library_path());
        auto problems = schedule::check(*checked.result.schedule, check_context(station, library));
        checked.result.diagnostics.insert(checked.result.diagnostics.end(), problems.begin(),
                                          problems.end());
        schedule::sort_diagnostics(checked.result.diagnostics);
    }
    for (const auto &diagnostic : checked.result.diagnostics)
        context.err << schedule::format(diagnostic) << "\n";
    return checked;
}

} // namespace

int run_schedule_check(Context &context, const Arguments &args) {
    const auto station = open_station(context.home, Access::read);
    const auto &file = args.positionals().front();
    const auto checked = check_file(context, station, file);
    if (!checked.ok())
        return 1;
    context.out << i18n::format(_("{1}: ok, {2} slot(s)"), file,
                                std::to_string(checked.result.schedule->slots.size()))
                << "\n";
    return 0;
}

namespace {

/// Asks a running player to switch to the schedule just activated now, rather than at
/// its next poll (within a second anyway); the load has succeeded whatever happens here.
void tell_running_player(Context &context) {
    try {
        if (auto player =
                daemon::ControlClient::connect(daemon::control_socket_path(context.home.root()))) {
            player->reload();
            context.out << _("the running player switched to it") << "\n";
        }
    } catch (const Error &error) {
        context.err << "loa: "
                    << i18n::format(_("the running player will pick it up within a second ({1})"),
                                    error.what())
                    << "\n";
    }
}

} // namespace

int run_schedule_load(Context &context, const Arguments &args) {
    const auto station = open_station(context.home, Access::write_after_check);
    const auto &file = args.positionals().front();
    const auto checked = check_file(context, station, file);
    station::ScheduleStore store(*station.db);
    if (!checked.ok()) {
        const auto active = store.active();
        context.err << "loa: "
                    << (active
                            ? i18n::format(_("{1} was refused; the schedule loaded before ({2}, "
                                             "version {3}) stays active"),
                                           file, active->file_name, std::to_string(active->version))
                            : i18n::format(_("{1} was refused; no schedule is active yet"), file))
                    << "\n";
        return 1;
    }
    const auto now = std::chrono::system_clock::now();
    const auto version = store.activate(std::filesystem::path(file).filename().string(),
                                        checked.content, station.zone.format_iso(now), now);
    context.out << i18n::format(_("{1} is now the active schedule (version {2})"), file,
                                std::to_string(version))
                << "\n";
    tell_running_player(context);
    return 0;
}

int run_schedule_show(Context &context, const Arguments &args) {
    const auto station = open_station(context.home, Access::read);
    const station::ScheduleStore store(*station.db);
    const auto active = store.active();
    if (!active)
        throw InputError(_("no schedule is active; load one with 'loa schedule load FILE'"));
    const auto parsed = schedule::parse(active->content, active->file_name);
    if (!parsed.schedule)
        throw Error(_("the active schedule can no longer be read; load it again"));
    const auto now = std::chrono::system_clock::now();
    const std::string from_date = args.option("--from").value_or(station.zone.format_date(now));
    const int days = args.count("--days").value_or(1);
    const auto first = parse_date(from_date, "--from");
    const auto last =
        std::chrono::year_month_day(std::chrono::sys_days(first) + std::chrono::days(days - 1));
    const auto range = local_date_range(station.zone, from_date, format_date(last));
    const auto occurrences = schedule::expand(*parsed.schedule, range.from, range.to, station.zone);
    const bool as_json = args.flag("--json");
    for (const auto &occurrence : occurrences) {
        const auto at = station.zone.format_iso(occurrence.at);
        const auto gap = std::chrono::duration_cast<std::chrono::milliseconds>(occurrence.gap);
        if (as_json) {
            std::string items;
            for (const auto &item : occurrence.items)
                items += (items.empty() ? "" : ",") + json::quoted(item);
            context.out << "{\"slot\":" << json::quoted(occurrence.slot)
                        << ",\"at\":" << json::quoted(at)
                        << ",\"priority\":" << json::quoted(to_string(occurrence.priority))
                        << ",\"items\":[" << items << "],\"gap_ms\":" << gap.count() << "}\n";
        } else {
            context.out << at << "  " << occurrence.slot << "  " << people_name(occurrence.priority)

                        << "  ";
            for (std::size_t i = 0; i < occurrence.items.size(); ++i)
                context.out << (i ? ", " : "") << occurrence.items[i];
            if (gap.count() > 0)
                context.out << "  ("
                            << i18n::format(_("{1} s of silence between items"),
                                            (std::ostringstream() << gap.count() / 1000.0).str())

                            << ")";
            context.out << "\n";
        }
    }
    return 0;
}

int run_schedule_history(Context &context, const Arguments &args) {
    const auto station = open_station(context.home, Access::read);
    const auto versions = station::ScheduleStore(*station.db).history();
    if (args.flag("--json")) {
        context.out << "[";
        for (std::size_t i = 0; i < versions.size(); ++i) {
            const auto &v = versions[i];
            context.out << (i ? "," : "") << "{\"version\":" << v.version
                        << ",\"loaded_at\":" << json::quoted(v.loaded_at)
                        << ",\"file_name\":" << json::quoted(v.file_name)
                        << ",\"sha256\":" << json::quoted(v.sha256)
                        << ",\"active\":" << (v.active ? "true" : "false") << "}";
        }
        context.out << "]\n";
        return 0;
    }
    for (const auto &version : versions)
        context.out << version.version << "\t" << version.loaded_at << "\t" << version.file_name
                    << "\t" << version.sha256.substr(0, 12)
                    << (version.active ? std::string("\t") + _("active") : std::string()) << "\n";
    if (versions.empty())
        context.out << _("no schedule loaded yet; load one with 'loa schedule load FILE'") << "\n";

    return 0;
}

} // namespace loa::cli
