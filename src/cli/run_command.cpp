// loa run: the unattended player. Signals are handled on a thread of their own
// (sigwait), so SIGTERM from systemd or Ctrl-C stops the engine cleanly: the
// current play fades out and is logged as interrupted.
#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/open_station.hpp"
#include "core/error.hpp"
#include "engine/engine.hpp"
#include "library/library.hpp"
#include "playlog/play_log.hpp"
#include "playout/player.hpp"
#include "station/schedule_store.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <iostream>
#include <mutex>
#include <thread>

namespace loa::cli {
namespace {

/// Holds an exclusive lock on the station home for this player's lifetime, so a
/// second player cannot play the same schedule twice.
class PlayerLock {
public:
    explicit PlayerLock(const std::filesystem::path &path)
        : m_fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0660)) {
        if (m_fd < 0)
            throw Error("cannot create " + quote(path) + "; check that the station home is writable");
        if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0)
            throw Error("another loa player is already running for this station (" +
                        quote(path.parent_path()) + "); stop it first (systemctl stop loa)");
    }
    ~PlayerLock() { ::close(m_fd); }
    PlayerLock(const PlayerLock &) = delete;
    PlayerLock &operator=(const PlayerLock &) = delete;

private:
    int m_fd;
};

/// SIGINT and SIGTERM, blocked in every thread so only SignalWatcher receives them.
sigset_t stop_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    return signals;
}

/// Blocks the stop signals in the calling thread and every thread it starts
/// afterwards (PortAudio's and JACK's included). Call before any thread exists.
void block_stop_signals() {
    const sigset_t signals = stop_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

/// Waits for SIGINT/SIGTERM and stops the engine.
class SignalWatcher {
public:
    explicit SignalWatcher(engine::Engine &engine) : m_signals(stop_signals()) {
        m_thread = std::jthread([this, &engine] {
            int signal = 0;
            sigwait(&m_signals, &signal);
            if (!m_done)
                engine.stop();
        });
    }
    ~SignalWatcher() {
        m_done = true;
        // Wake the waiting thread with a signal of ours, then let it end.
        pthread_kill(m_thread.native_handle(), SIGTERM);
    }
    SignalWatcher(const SignalWatcher &) = delete;
    SignalWatcher &operator=(const SignalWatcher &) = delete;

private:
    sigset_t m_signals{};
    std::atomic<bool> m_done{false};
    std::jthread m_thread;
};

playout::OutputSpec output_spec(const Arguments &args, const station::StationConfig &config) {
    if (const auto output = args.option("--output"))
        return playout::parse_output_spec(*output);
    return playout::parse_output_spec("device:" + config.output_device);
}

/// A sound card missing at start is not fatal: the player retries it in the background
/// and reports each attempt (through `out`, shared with the engine's messages).
playout::PlayerOptions player_options(Context &context, std::mutex &out) {
    playout::PlayerOptions options;
    options.wait_for_device = true;
    options.on_message = [&context, &out](const std::string &message) {
        const std::lock_guard lock(out);
        context.out << "loa: " << message << std::endl;
    };
    return options;
}

} // namespace

int run_player(Context &context, const std::vector<std::string> &words) {
    const Arguments args("run", words, {"--output"}, {});
    args.expect_positionals(0, "no arguments");
    block_stop_signals();
    auto station = open_station(context.home);
    const PlayerLock lock(context.home.root() / "loa.lock");
    const auto spec = output_spec(args, station.config);
    SystemClock clock;
    std::mutex out_mutex;
    playout::Player player(spec, clock, player_options(context, out_mutex));
    station::ScheduleStore schedules(*station.db);
    library::Library library(*station.db, context.home.library_path());
    playlog::PlayLog log(*station.db, station.config.code, station.zone);
    // Never hold playback for the database: rows wait in memory if it stays locked.
    log.set_write_wait(std::chrono::milliseconds(200));
    engine::EngineSettings settings{station.zone, station.config.quiet_hours};
    settings.loudness_target_lufs = station.config.loudness_target_lufs;
    settings.max_boost_db = station.config.max_boost_db;
    engine::Engine engine(clock, schedules, library, log, player, settings);
    engine.on_message([&](std::string_view message) {
        const std::lock_guard guard(out_mutex);
        context.out << message << std::endl;
    });
    context.out << "loa: station " << station.config.code << " playing to " << player.device_name()
                << (player.rate() > 0 ? " (" + std::to_string(player.rate()) + " Hz)" : " (waiting for it)")
                << "; press Ctrl-C to stop" << std::endl;
    if (!schedules.active())
        context.out << "loa: no schedule is loaded yet; load one with 'loa schedule load FILE'" << std::endl;
    {
        const SignalWatcher signals(engine);
        engine.run();
    }
    context.out << "loa: stopped" << std::endl;
    return 0;
}

} // namespace loa::cli
