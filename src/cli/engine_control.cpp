#include "cli/engine_control.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "engine/engine.hpp"

namespace loa::cli {

daemon::PlayAnswer EngineControl::play(const std::string &announcement, Priority priority) {
    const bool on_air = m_engine.status().now_playing.has_value();
    try {
        m_engine.request_play(announcement, priority);
    } catch (const InputError &refusal) {
        return {false, refusal.what()};
    }
    if (priority == Priority::emergency && on_air)
        return {true, i18n::format(_("{1} plays now; what was on air continues after it"),
                                   announcement)};
    return {true, i18n::format(on_air ? _("{1} plays after the current item") : _("{1} plays now"),
                               announcement)};

}

engine::EngineStatus EngineControl::status() {
    return m_engine.status();
}

void EngineControl::reload() {
    m_engine.reload();
}

void configure_watchdog(engine::EngineSettings &settings, const daemon::SystemdNotifier &systemd) {
    if (const auto interval = systemd.watchdog_interval())
        settings.heartbeat_interval = *interval;
}

void feed_watchdog(engine::Engine &engine, daemon::SystemdNotifier &systemd) {
    if (systemd.watchdog_interval())
        engine.on_heartbeat([&systemd] { systemd.watchdog(); });
}

} // namespace loa::cli
