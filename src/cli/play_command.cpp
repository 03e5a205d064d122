// loa play ID [--priority normal|priority|emergency] [--output SPEC]: play an
// announcement now. Through the running player when there is one (it fits the play
// into what is on air and logs it); otherwise this command is the player for the
// length of one item: it takes the station's player lock, opens the output and plays
// through the engine's own play path (engine::PlayAttempts: the same gain, the same
// row fields), logging the play as manual (or emergency).
#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/open_station.hpp"
#include "cli/player_lock.hpp"
#include "cli/signal_watcher.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "daemon/control_client.hpp"
#include "daemon/control_protocol.hpp"
#include "engine/decision.hpp"
#include "engine/output.hpp"
#include "engine/play_attempt.hpp"
#include "engine/reasons.hpp"
#include "library/library.hpp"
#include "playlog/play_log.hpp"
#include "playlog/reason_text.hpp"
#include "playout/player.hpp"

#include <signal.h>

#include <cstdio>
#include <ostream>

namespace loa::cli {

Priority priority_option(const Arguments &args) {
    const auto text = args.option("--priority");
    if (!text)
        return Priority::normal;
    const auto priority = parse_priority(*text);
    if (!priority)
        throw UsageError(
            i18n::format(_("--priority must be normal, priority or emergency, not '{1}'"), *text));
    return *priority;
}

namespace {

/// Refuses a play inside quiet hours unless it is an emergency (DESIGN.md, Priorities).
void check_quiet_hours(const OpenStation &station, Priority priority, TimePoint now) {
    const engine::StationPolicy policy{station.zone, station.config.quiet_hours};
    engine::RequestFacts facts;
    facts.priority = priority;
    facts.now = now;
    if (engine::decide_request(facts, policy).fate == engine::Fate::skip)
        throw InputError(_("it is inside the station's quiet hours; only an emergency plays now "
                           "(loa play ID --priority emergency)"));
}

std::string seconds_text(TimePoint from, TimePoint to) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", std::chrono::duration<double>(to - from).count());
    return text;
}

/// Says how the play ended; returns the exit code.
int report(Context &context, const std::string &id, const engine::AttemptResult &attempt) {
    switch (attempt.end) {
    case engine::AttemptEnd::file_failed:
        throw InputError(playlog::people_text(attempt.reason)); // logged failed
    case engine::AttemptEnd::refused:
        throw Error(i18n::format(_("the play log refused the play: {1}"),
                                 playlog::people_text(attempt.reason)));
    case engine::AttemptEnd::device_failed:
    case engine::AttemptEnd::called_off:
        context.err << "loa: "
                    << i18n::format(
                           _("{1} did not play: {2}"), id,
                           playlog::people_text(attempt.reason.empty()
                                                    ? engine::reasons::stopped_before_start()
                                                    : attempt.reason))
                    << "\n";
        return attempt.end == engine::AttemptEnd::called_off ? 0 : 3;
    case engine::AttemptEnd::played:
        break;
    }
    const auto &result = attempt.result;
    context.out << id << ": " << to_string(attempt.status) << " ("
                << seconds_text(result.started_at, result.ended_at) << ")"
                << (result.error.empty() ? "" : ": " + result.error) << "\n";
    return attempt.status == PlayStatus::failed ? 3 : 0;
}

/// No player runs: play `id` here, through the same play path as the engine's, and
/// log it. Returns the exit code.
int play_directly(Context &context, const Arguments &args, const std::string &id,
                  Priority priority) {
    auto station = open_station(context.home, Access::write_after_check);
    const auto lock = PlayerLock::try_acquire(context.home.root());
    if (!lock)
        throw Error(i18n::format(_("a loa player is running for this station but does not answer "
                                   "on {1}; try again in a moment, or restart it (systemctl "
                                   "restart loa)"),
                                 quote(daemon::control_socket_path(context.home.root()))));
    const library::Library library(*station.db, context.home.library_path());
    const auto announcement = library.find(id);
    if (!announcement)
        throw InputError(no_such_announcement(id));
    SystemClock clock;
    check_quiet_hours(station, priority, clock.now());
    const auto spec = playout::parse_output_spec(
        args.option("--output").value_or("device:" + station.config.output_device));
    playout::Player player(spec, clock);
    engine::PlayerOutput output(player, clock);
    playlog::PlayLog log(*station.db, station.config.code, station.zone);
    engine::LogPort log_port(log);
    engine::PlayAttempts attempts(
        clock, library, log_port, output,
        {station.config.loudness_target_lufs, station.config.max_boost_db});

    engine::PlannedPlay plan;
    plan.record.announcement = id;
    plan.record.priority = priority;
    plan.record.trigger = priority == Priority::emergency ? Trigger::emergency : Trigger::manual;
    engine::AttemptHooks hooks;
    hooks.why_interrupted = [](const playout::PlayResult &) {
        return engine::reasons::player_stopped();
    };
    context.out << "loa: "
                << i18n::format(_("playing {1} to {2}; Ctrl-C stops it"), id, player.device_name())
                << std::endl;
    engine::AttemptResult attempt;
    {
        const SignalWatcher signals([&output](int signal) {
            if (signal != SIGHUP)
                output.stop();
        });
        plan.start_at = plan.planned = clock.now();
        attempt = attempts.play(*announcement, plan, hooks);
    }
    if (attempt.end == engine::AttemptEnd::called_off) // Ctrl-C before the first sample
        attempts.record_unplayed(plan.record, &*announcement, std::nullopt, PlayStatus::interrupted,
                                 engine::reasons::stopped_before_start(), plan.planned);
    if (!log_port.flush())
        context.err << "loa: "
                    << i18n::format(_("the play log cannot be written now ({1}); this play is kept "
                                      "in {2} and goes into the log at its next write; free disk "
                                      "space and check loa.db"),
                                    log_port.write_problem().value_or(_("unknown reason")),
                                    log.journal_path().string())
                    << "\n";
    return report(context, id, attempt);
}

} // namespace

int play_now(Context &context, const Arguments &args, const std::string &id, Priority priority) {
    block_control_signals();
    if (auto player =
            daemon::ControlClient::connect(daemon::control_socket_path(context.home.root()))) {
        if (args.option("--output"))
            throw UsageError(
                _("a player is running and plays through its own output; leave out --output"));
        const auto answer = player->play(id, priority);
        if (!answer.accepted)
            throw InputError(answer.message);
        context.out << i18n::format(_("the running player: {1}"), answer.message) << "\n";

        return 0;
    }
    return play_directly(context, args, id, priority);
}

int run_play(Context &context, const Arguments &args) {
    args.expect_positionals(1, _("the announcement's id: loa play ID [--priority emergency]"));
    return play_now(context, args, args.positionals().front(), priority_option(args));
}

} // namespace loa::cli
