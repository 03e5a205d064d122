#pragma once
// The running engine behind the control socket and systemd's watchdog: `loa run`
// gives an EngineControl to daemon::ControlServer, and pings the watchdog from the
// engine's heartbeat (which the engine only gives while its loop is healthy).
#include "daemon/control_handler.hpp"
#include "daemon/systemd_notifier.hpp"

#include <chrono>

namespace loa::engine {
class Engine;
struct EngineSettings;
} // namespace loa::engine

namespace loa::cli {

class EngineControl final : public daemon::ControlHandler {
public:
    /// `engine` must outlive this; its control methods are safe from any thread. A
    /// play request waits at most `answer_within` for the engine thread's answer
    /// (shorter than the control server's client timeout), then is withdrawn.
    explicit EngineControl(engine::Engine &engine,
                           std::chrono::milliseconds answer_within = std::chrono::milliseconds{800})
        : m_engine(engine), m_answer_within(answer_within) {}

    daemon::PlayAnswer play(const std::string &announcement, Priority priority) override;
    engine::EngineStatus status() override;
    void reload() override;

private:
    engine::Engine &m_engine;
    std::chrono::milliseconds m_answer_within;
};

/// Asks the engine for a heartbeat at half systemd's WatchdogSec, when systemd wants
/// one. Before the engine is constructed (it copies its settings).
void configure_watchdog(engine::EngineSettings &settings, const daemon::SystemdNotifier &systemd);

/// Sends WATCHDOG=1 from each heartbeat of `engine`. Before engine.run().
void feed_watchdog(engine::Engine &engine, daemon::SystemdNotifier &systemd);

} // namespace loa::cli
