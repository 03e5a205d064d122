#pragma once
// The running engine behind the control socket and systemd's watchdog: `loa run`
// gives an EngineControl to daemon::ControlServer, and pings the watchdog from the
// engine's heartbeat (which the engine only gives while its loop is healthy).
#include "daemon/control_handler.hpp"
#include "daemon/systemd_notifier.hpp"

namespace loa::engine {
class Engine;
struct EngineSettings;
} // namespace loa::engine

namespace loa::cli {

class EngineControl final : public daemon::ControlHandler {
public:
    /// `engine` must outlive this; its control methods are safe from any thread.
    explicit EngineControl(engine::Engine &engine) : m_engine(engine) {}

    daemon::PlayAnswer play(const std::string &announcement, Priority priority) override;
    engine::EngineStatus status() override;
    void reload() override;

private:
    engine::Engine &m_engine;
};

/// Asks the engine for a heartbeat at half systemd's WatchdogSec, when systemd wants
/// one. Before the engine is constructed (it copies its settings).
void configure_watchdog(engine::EngineSettings &settings, const daemon::SystemdNotifier &systemd);

/// Sends WATCHDOG=1 from each heartbeat of `engine`. Before engine.run().
void feed_watchdog(engine::Engine &engine, daemon::SystemdNotifier &systemd);

} // namespace loa::cli
