// loa run: the unattended player. It answers `loa play`, `loa status` and `loa schedule
// load` on the control socket (loa.sock in the station home). Signals are handled on a thread of
// their own (SignalWatcher, which sleeps until one comes), so SIGTERM from systemd or Ctrl-C stops
// the engine cleanly: the current play fades out and is logged as interrupted. SIGHUP makes the
// engine read the active schedule at once. Under systemd (Type=notify) it sends READY=1 once the
// output is open and a schedule is loaded, and STOPPING=1 when asked to stop.
#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/engine_control.hpp"
#include "cli/open_station.hpp"
#include "cli/player_lock.hpp"
#include "cli/signal_watcher.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "daemon/control_protocol.hpp"
#include "daemon/control_server.hpp"
#include "daemon/systemd_notifier.hpp"
#include "engine/engine.hpp"
#include "library/library.hpp"
#include "playlog/play_log.hpp"
#include "playout/player.hpp"
#include "station/schedule_store.hpp"

#include <signal.h>

#include <iostream>
#include <mutex>
#include <optional>

namespace loa::cli {
namespace {

playout::OutputSpec output_spec(const Arguments &args, const station::StationConfig &config) {
    if (const auto output = args.option("--output"))
        return playout::parse_output_spec(*output);
    return playout::parse_output_spec("device:" + config.output_device);
}

/// Sends READY=1 to systemd the first time the sound output is open and the engine has
/// a schedule, and a STATUS= line while it waits for either. Not polled: it looks again
/// after each thing that can change the answer, which the engine or the player always
/// says (a schedule is active, the sound device is available again).
class ReadyWhenScheduled {
public:
    explicit ReadyWhenScheduled(daemon::SystemdNotifier &systemd) : m_systemd(systemd) {}

    /// Main thread: from now on check() looks at these, and it looks at once. `unwatch`
    /// before either is destroyed.
    void watch(const engine::Engine &engine, const playout::Player &player) {
        {
            const std::lock_guard lock(m_mutex);
            m_engine = &engine;
            m_player = &player;
            m_device = player.device_name();
        }
        check();
    }
    void unwatch() {
        const std::lock_guard lock(m_mutex);
        m_engine = nullptr;
        m_player = nullptr;
    }

    /// Any thread, with none of the engine's or the player's locks held. Never throws.
    void check() noexcept {
        try {
            const std::lock_guard lock(m_mutex);
            if (m_engine && m_player) {
                check_schedule();
                check_log();
            }
        } catch (const std::exception &) {
        }
    }

private:
    void check_schedule() {
        if (m_ready)
            return;
        if (!m_player->device_available()) {
            if (!m_said_no_device)
                m_systemd.status(i18n::format(_("waiting for the sound device {1}"), m_device));
            m_said_no_device = true;
            return;
        }
        const auto status = m_engine->status();
        if (status.schedule_version == 0) {
            if (!m_said_waiting)
                m_systemd.status(i18n::format(
                    _("output {1} open; waiting for a schedule (loa schedule load FILE)"),
                    m_device));
            m_said_waiting = true;
            return;
        }
        m_playing = i18n::format(_("playing {1} (version {2}) to {3}"), status.schedule_file,
                                 std::to_string(status.schedule_version), m_device);
        m_systemd.ready(m_playing);
        m_ready = true;
    }

    /// A STATUS= line when play rows start to wait for the database, and when they are
    /// all written again (`systemctl status loa` shows the latest).
    void check_log() {
        const auto status = m_engine->status();
        const bool waiting = status.pending_log_rows > 0;
        if (waiting == m_said_log_waits && (waiting || status.log_problem == m_said_log_problem))
            return;
        m_said_log_waits = waiting;
        m_said_log_problem = status.log_problem;
        if (waiting)
            m_systemd.status(i18n::format(_("play log cannot be written: {1} row(s) wait; {2}"),
                                          std::to_string(status.pending_log_rows),
                                          status.log_problem.value_or(_("the database is busy"))));
        else if (status.log_problem)
            m_systemd.status(i18n::format(_("play log written again; {1}"), *status.log_problem));
        else
            m_systemd.status(m_playing.empty()
                                 ? std::string(_("play log written again"))
                                 : i18n::format(_("play log written again; {1}"), m_playing));
    }

    daemon::SystemdNotifier &m_systemd;
    std::mutex m_mutex;
    const engine::Engine *m_engine = nullptr;      ///< Protected by #m_mutex.
    const playout::Player *m_player = nullptr;     ///< Protected by #m_mutex.
    std::string m_device;                          ///< Protected by #m_mutex.
    bool m_ready = false;                          ///< Protected by #m_mutex.
    bool m_said_waiting = false;                   ///< Protected by #m_mutex.
    bool m_said_no_device = false;                 ///< Protected by #m_mutex.
    bool m_said_log_waits = false;                 ///< Protected by #m_mutex.
    std::optional<std::string> m_said_log_problem; ///< Protected by #m_mutex.
    std::string m_playing;                         ///< The READY=1 status; protected by #m_mutex.
};

/// A sound card missing at start is not fatal: the player retries it in the background
/// and reports each attempt (through `out`, shared with the engine's messages), after
/// which `ready` looks again.
playout::PlayerOptions player_options(Context &context, std::mutex &out,
                                      ReadyWhenScheduled &ready) {
    playout::PlayerOptions options;
    options.wait_for_device = true;
    options.on_message = [&context, &out, &ready](const std::string &message) {
        {
            const std::lock_guard lock(out);
            context.out << "loa: " << message << std::endl;
        }
        ready.check();
    };
    return options;
}

/// Ends ReadyWhenScheduled::watch as it goes out of scope (before the engine does).
struct Unwatch {
    ReadyWhenScheduled &ready;
    ~Unwatch() { ready.unwatch(); }
};

/// The last line of `loa run`: where the rows are that the database did not take.
void say_stopped(Context &context, const playlog::PlayLog &log) {
    const std::size_t waiting = log.pending_writes();
    if (waiting == 0) {
        context.out << "loa: "
                    << (log.notice() ? i18n::format(_("stopped; {1}"), *log.notice())
                                     : std::string(_("stopped")))
                    << std::endl;
        return;
    }
    context.out << "loa: "
                << i18n::format(_("stopped; {1} play log row(s) could not be written to the "
                                  "station's database; they are kept in {2} and go into it when "
                                  "the player starts again"),
                                std::to_string(waiting), quote(log.journal_path()))
                << std::endl;
}

} // namespace

int run_player(Context &context, const Arguments &args) {
    args.expect_positionals(0, _("no arguments"));
    block_control_signals();
    auto station = open_station(context.home);
    // What the player writes (its console, the log's reasons, its answers) is in the
    // station's language, whatever the service's environment says.
    i18n::set_language(station.config.language);
    const auto lock = PlayerLock::try_acquire(context.home.root());
    if (!lock)
        throw Error(i18n::format(_("another loa player is already running for this station ({1}); "
                                   "stop it first (systemctl stop loa)"),
                                 quote(context.home.root())));
    const auto spec = output_spec(args, station.config);
    SystemClock clock;
    daemon::SystemdNotifier systemd;
    std::mutex out_mutex;
    ReadyWhenScheduled ready(systemd); // before the player: its housekeeper calls it
    playout::Player player(spec, clock, player_options(context, out_mutex, ready));
    station::ScheduleStore schedules(*station.db);
    library::Library library(*station.db, context.home.library_path());
    playlog::PlayLog log(*station.db, station.config.code, station.zone);
    // Never hold playback for the database: rows wait in memory if it stays locked.
    log.set_write_wait(std::chrono::milliseconds(200));
    engine::EngineSettings settings{station.zone, station.config.quiet_hours};
    settings.loudness_target_lufs = station.config.loudness_target_lufs;
    settings.max_boost_db = station.config.max_boost_db;
    configure_watchdog(settings, systemd);
    engine::Engine engine(clock, schedules, library, log, player, settings);
    feed_watchdog(engine, systemd);
    EngineControl control(engine);
    const daemon::ControlServer server(daemon::control_socket_path(context.home.root()), control,
                                       station.zone);
    engine.on_message([&](std::string_view message) {
        {
            const std::lock_guard guard(out_mutex);
            context.out << message << std::endl;
        }
        ready.check();
    });
    context.out << "loa: "
                << (player.rate() > 0
                        ? i18n::format(
                              _("station {1} playing to {2} ({3} Hz); press Ctrl-C to stop"),
                              station.config.code, player.device_name(),
                              std::to_string(player.rate()))
                        : i18n::format(_("station {1} playing to {2} (waiting for it); press "
                                         "Ctrl-C to stop"),
                                       station.config.code, player.device_name()))
                << std::endl;
    if (!schedules.active())
        context.out << "loa: "
                    << _("no schedule is loaded yet; load one with 'loa schedule load FILE'")
                    << std::endl;
    ready.watch(engine, player);
    const Unwatch unwatch{ready};
    {
        const SignalWatcher signals([&](int signal) {
            if (signal == SIGHUP) {
                {
                    const std::lock_guard guard(out_mutex);
                    context.out << "loa: " << _("SIGHUP: reading the active schedule again")
                                << std::endl;
                }
                engine.reload();
                return;
            }
            systemd.stopping();
            engine.stop();
        });
        engine.run();
    }
    say_stopped(context, log);
    return 0;
}

} // namespace loa::cli
