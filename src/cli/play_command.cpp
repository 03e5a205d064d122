// loa play ID [--priority normal|priority|emergency] [--output SPEC]: play an
// announcement now. Through the running player when there is one (it fits the play
// into what is on air and logs it); otherwise this command is the player for the
// length of one item: it takes the station's player lock, opens the output, plays
// at the station's loudness and logs the play as manual (or emergency).
#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/open_station.hpp"
#include "cli/player_lock.hpp"
#include "cli/signal_watcher.hpp"
#include "core/error.hpp"
#include "daemon/control_client.hpp"
#include "daemon/control_protocol.hpp"
#include "library/library.hpp"
#include "playlog/play_log.hpp"
#include "playout/gain.hpp"
#include "playout/player.hpp"

#include <signal.h>

#include <cstdio>
#include <ostream>

namespace loa::cli {
namespace {

Priority priority_option(const Arguments &args) {
    const auto text = args.option("--priority");
    if (!text)
        return Priority::normal;
    const auto priority = parse_priority(*text);
    if (!priority)
        throw UsageError("--priority must be normal, priority or emergency, not '" + *text + "'");
    return *priority;
}

/// Refuses a play inside quiet hours unless it is an emergency (DESIGN.md, Priorities).
void check_quiet_hours(const OpenStation &station, Priority priority, TimePoint now) {
    const auto &quiet = station.config.quiet_hours;
    if (!quiet || priority == Priority::emergency)
        return;
    const auto local = station.zone.to_local(now);
    if (quiet->contains(std::chrono::duration_cast<std::chrono::seconds>(local.time_of_day)))
        throw InputError("it is inside the station's quiet hours; only an emergency plays now "
                         "(loa play ID --priority emergency)");
}

std::string seconds_text(TimePoint from, TimePoint to) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", std::chrono::duration<double>(to - from).count());
    return text;
}

/// No player runs: play `id` here and log it. Returns the exit code.
int play_directly(Context &context, const Arguments &args, const std::string &id, Priority priority) {
    auto station = open_station(context.home);
    const auto lock = PlayerLock::try_acquire(context.home.root());
    if (!lock)
        throw Error("a loa player is running for this station but does not answer on " +
                    quote(daemon::control_socket_path(context.home.root())) +
                    "; try again in a moment, or restart it (systemctl restart loa)");
    const library::Library library(*station.db, context.home.library_path());
    const auto announcement = library.find(id);
    if (!announcement)
        throw InputError("announcement '" + id + "' is not in the library; 'loa list' shows the ids");
    SystemClock clock;
    check_quiet_hours(station, priority, clock.now());
    const auto spec = playout::parse_output_spec(args.option("--output").value_or("device:" + station.config.output_device));
    playout::Player player(spec, clock);
    playlog::PlayLog log(*station.db, station.config.code, station.zone);

    playlog::PlayRecord record;
    record.announcement = id;
    record.title = announcement->title;
    record.campaign = announcement->campaign;
    record.sha256 = announcement->sha256;
    record.priority = priority;
    record.trigger = priority == Priority::emergency ? Trigger::emergency : Trigger::manual;
    record.device = player.device_name();
    playout::PlayItem item;
    item.file = library.content_path(*announcement);
    item.gain_db = playout::loudness_gain_db(station.config.loudness_target_lufs, announcement->loudness_lufs,
                                             announcement->true_peak_dbtp, station.config.max_boost_db);
    context.out << "loa: playing " << id << " to " << player.device_name() << "; Ctrl-C stops it" << std::endl;
    std::optional<std::int64_t> play_id;
    playout::PlayResult result;
    {
        const SignalWatcher signals([&player](int signal) {
            if (signal != SIGHUP)
                player.stop();
        });
        const TimePoint start = clock.now();
        try {
            result = player.play(item, start, [&] { play_id = log.begin(record, std::nullopt, start).play_id; });
        } catch (const InputError &error) {
            log.record_outcome(record, std::nullopt, PlayStatus::failed, error.what());
            throw;
        }
    }
    const PlayStatus status = result.outcome == playout::PlayOutcome::completed     ? PlayStatus::completed
                              : result.outcome == playout::PlayOutcome::interrupted ? PlayStatus::interrupted
                                                                                    : PlayStatus::failed;
    if (!play_id) {
        // Nothing left the device: stopped before the first sample, or the output failed.
        const std::string reason = result.error.empty() ? "stopped before it started" : result.error;
        log.record_outcome(record, std::nullopt, status == PlayStatus::completed ? PlayStatus::failed : status,
                           reason);
        context.err << "loa: " << id << " did not play: " << reason << "\n";
        return status == PlayStatus::interrupted ? 0 : 3;
    }
    playlog::PlayEnd end;
    end.status = status;
    end.started_at = result.started_at;
    end.ended_at = result.ended_at;
    end.underruns = static_cast<std::int64_t>(result.underruns);
    if (!result.error.empty())
        end.error = result.error;
    log.finish(*play_id, end);
    if (log.pending_writes() > 0 && !log.flush())
        context.err << "loa: the play log cannot be written now ("
                    << log.write_problem().value_or("unknown reason")
                    << "); this play is kept in " << log.journal_path()
                    << " and goes into the log at its next write; free disk space and check loa.db\n";
    context.out << id << ": " << to_string(status) << " (" << seconds_text(result.started_at, result.ended_at)
                << ")" << (result.error.empty() ? "" : ": " + result.error) << "\n";
    return status == PlayStatus::failed ? 3 : 0;
}

} // namespace

int run_play(Context &context, const std::vector<std::string> &words) {
    const Arguments args("play", words, {"--priority", "--output"}, {});
    args.expect_positionals(1, "the announcement's id: loa play ID [--priority emergency]");
    const std::string &id = args.positionals().front();
    const Priority priority = priority_option(args);
    block_control_signals();
    if (auto player = daemon::ControlClient::connect(daemon::control_socket_path(context.home.root()))) {
        if (args.option("--output"))
            throw UsageError("a player is running and plays through its own output; leave out --output");
        const auto answer = player->play(id, priority);
        if (!answer.accepted)
            throw InputError(answer.message);
        context.out << "the running player: " << answer.message << "\n";
        return 0;
    }
    return play_directly(context, args, id, priority);
}

} // namespace loa::cli
