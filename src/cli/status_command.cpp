// loa status [--json]: what the player is doing. From the running player over its
// control socket; when none runs, what can be known without it: the next five
// occurrences of the active schedule and the last problems in the play log.
// Exit code 0 when a player answered, 3 when none is running (so a monitoring
// script can alert on it), as the usage line says.
#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/open_station.hpp"
#include "cli/people_text.hpp"
#include "cli/player_lock.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/station_time.hpp"
#include "daemon/control_client.hpp"
#include "daemon/control_protocol.hpp"
#include "daemon/status_json.hpp"
#include "playlog/play_log.hpp"
#include "playlog/reason_text.hpp"
#include "schedule/schedule.hpp"
#include "station/schedule_store.hpp"

#include <deque>
#include <ostream>

namespace loa::cli {
namespace {

constexpr std::size_t upcoming_count = 5;
constexpr std::size_t problem_count = 10;
constexpr int exit_not_running = 3;

/// "2020-07-20 06:00:00", station time.
std::string local_text(const TimeZone &zone, TimePoint at) {
    return StationTime::in(zone, at).people_text();
}

std::string_view state_text(engine::EngineState state) {
    switch (state) {
    case engine::EngineState::starting:
        return _("starting");
    case engine::EngineState::no_schedule:
        return _("running, but no schedule is loaded ('loa schedule load FILE')");
    case engine::EngineState::idle:
        return _("waiting for the next slot");
    case engine::EngineState::playing:
        return _("playing");
    case engine::EngineState::device_unavailable:
        return _("the sound device is unavailable; retrying");
    case engine::EngineState::stopping:
        return _("stopping");
    }
    return _("unknown");
}

/// "label:" padded to the column the values start in (counted in characters, so a
/// Vietnamese label lines up too), e.g. "schedule:    ".
std::string label(std::string_view text) {
    constexpr std::size_t column = 13;
    std::size_t characters = 0;
    for (const char c : text)
        characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return std::string(text) + std::string(characters < column ? column - characters : 1, ' ');
}

/// The next occurrences of the active schedule, and its name and version.
void add_schedule(engine::EngineStatus &status, const OpenStation &station, TimePoint now) {
    const station::ScheduleStore store(*station.db);
    const auto active = store.active();
    if (!active)
        return;
    status.schedule_version = active->version;
    status.schedule_file = active->file_name;
    const auto parsed = schedule::parse(active->content, active->file_name);
    if (!parsed.schedule)
        return;
    // A month ahead is enough to find five for any real schedule, and cheap.
    for (const auto &occurrence :
         schedule::expand(*parsed.schedule, now, now + std::chrono::days(31), station.zone)) {
        if (status.next.size() == upcoming_count)
            break;
        status.next.push_back(
            {occurrence.slot, occurrence.at, occurrence.priority, occurrence.items});
    }
}

/// One line for a row that went wrong: "missed lua-dao-01 (sang 06:00 #1): reason".
engine::Problem problem_of(const playlog::PlayRecord &row) {
    const auto &when = row.ended_at     ? row.ended_at
                       : row.started_at ? row.started_at
                                        : row.scheduled_at;
    engine::Problem problem;
    problem.at = when ? when->instant : TimePoint{};
    problem.message = std::string(people_name(row.status)) + " " + row.announcement;
    if (row.slot) {
        problem.message += " (" + *row.slot;
        if (row.position)
            problem.message += " " + position_text(*row.position);
        problem.message += ")";
    }
    if (row.error)
        problem.message += ": " + playlog::shown_reason(row);
    return problem;
}

/// The last failed, missed or interrupted plays of the past week, oldest first.
void add_problems(engine::EngineStatus &status, const OpenStation &station, TimePoint now) {
    const playlog::PlayLog log(*station.db, station.config.code, station.zone);
    playlog::PlayFilter filter;
    filter.from = now - std::chrono::days(7);
    std::deque<engine::Problem> last;
    log.scan(filter, [&last](const playlog::PlayRecord &row) {
        if (row.status != PlayStatus::failed && row.status != PlayStatus::missed &&
            row.status != PlayStatus::interrupted)
            return;
        last.push_back(problem_of(row));
        if (last.size() > problem_count)
            last.pop_front();
    });
    status.problems.assign(last.begin(), last.end());
}

void print_upcoming(std::ostream &out, const engine::EngineStatus &status, const TimeZone &zone) {
    if (status.schedule_version == 0) {
        out << label(_("schedule:")) << _("none is loaded; load one with 'loa schedule load FILE'")
            << "\n";
        return;
    }
    out << label(_("schedule:"))
        << i18n::format(_("{1} (version {2})"), status.schedule_file,
                        std::to_string(status.schedule_version))
        << "\n";
    if (status.next.empty())
        out << label(_("next:")) << _("nothing in the coming month") << "\n";
    else
        out << _("next:") << "\n";
    for (const auto &next : status.next) {
        out << "  " << local_text(zone, next.at) << "  " << next.slot << "  "
            << people_name(next.priority) << "  ";
        for (std::size_t i = 0; i < next.items.size(); ++i)
            out << (i ? ", " : "") << next.items[i];
        out << "\n";
    }
}

void print_problems(std::ostream &out, const engine::EngineStatus &status, const TimeZone &zone) {
    if (status.problems.empty())
        out << label(_("problems:")) << _("none") << "\n";
    else
        out << _("problems:") << "\n";
    for (const auto &problem : status.problems)
        out << "  " << local_text(zone, problem.at) << "  " << problem.message << "\n";
}

void print_running(std::ostream &out, const engine::EngineStatus &status, const TimeZone &zone) {
    out << label(_("player:")) << i18n::format(_("running, {1}"), state_text(status.state)) << "\n";
    out << label(_("device:")) << status.device << "\n";
    if (const auto &now = status.now_playing) {
        out << label(_("now playing:")) << now->announcement;
        if (!now->title.empty() && now->title != now->announcement)
            out << " \"" << now->title << "\"";
        if (!now->slot.empty())
            out << " (" << now->slot << " " << position_text(now->position) << ")";
        else
            out << " (" << (now->priority == Priority::emergency ? _("emergency") : _("manual"))
                << ")";
        out << " " << i18n::format(_("since {1}"), local_text(zone, now->started_at)) << "\n";
    }
    print_upcoming(out, status, zone);
    print_problems(out, status, zone);
    if (status.log_problem && status.pending_log_rows == 0)
        out << label(_("play log:")) << *status.log_problem << "\n";
    else if (status.log_problem)
        out << label(_("play log:"))
            << i18n::format(_("CANNOT BE WRITTEN: {1} ({2} row(s) wait in memory; they are written "
                              "as soon as the database accepts them)"),
                            *status.log_problem, std::to_string(status.pending_log_rows))
            << "\n";
}

} // namespace

int run_status(Context &context, const Arguments &args) {
    const bool as_json = args.flag("--json");
    // Only station.toml while a player answers: its status must show even when the
    // database cannot be opened (locked, disk full); that is when it matters most.
    const auto zone = TimeZone::load(context.home.load_config().timezone);
    if (auto player =
            daemon::ControlClient::connect(daemon::control_socket_path(context.home.root()))) {
        const auto status = player->status();
        if (as_json)
            context.out << daemon::status_to_json(status, zone) << "\n";
        else
            print_running(context.out, status, zone);
        return 0;
    }
    const auto station = open_station(context.home, Access::read);
    const auto now = std::chrono::system_clock::now();
    engine::EngineStatus status;
    add_schedule(status, station, now);
    add_problems(status, station, now);
    const bool locked = PlayerLock::held_elsewhere(context.home.root());
    if (as_json) {
        context.out << daemon::status_to_json(status, station.zone,
                                              daemon::PlayerPresence::not_running)
                    << "\n";
    } else {
        if (locked)
            context.out << label(_("player:"))
                        << i18n::format(_("a player holds this station's lock but does not answer "
                                          "on {1}; it may be starting, or it is stuck (systemctl "
                                          "restart loa)"),
                                        quote(daemon::control_socket_path(context.home.root())))
                        << "\n";
        else
            context.out << label(_("player:"))
                        << _("the player is not running (systemctl start loa)") << "\n";

        print_upcoming(context.out, status, station.zone);
        print_problems(context.out, status, station.zone);
    }
    return exit_not_running;
}

} // namespace loa::cli
