#include "cli/engine_control.hpp"

#include "core/i18n.hpp"
#include "engine/engine.hpp"

namespace loa::cli {

daemon::PlayAnswer EngineControl::play(const std::string &announcement, Priority priority) {
    const auto asked = m_engine.request_play(announcement, priority);
    auto future = asked->future();
    if (future.wait_for(m_answer_within) != std::future_status::ready) {
        if (asked->withdraw())
            return {false, i18n::format(_("the player did not take '{1}' in time (it is busy "
                                          "with its play log); nothing plays: ask again"),
                                        announcement)};
        // The engine thread has it and is answering now.
        if (future.wait_for(m_answer_within) != std::future_status::ready)
            return {false, i18n::format(_("the player has '{1}' but did not confirm it in "
                                          "time; 'loa status' shows whether it plays"),
                                        announcement)};
    }
    const engine::RequestAnswer answer = future.get();
    if (!answer.accepted)
        return {false, answer.message};
    if (priority == Priority::emergency && answer.on_air)
        return {true,
                i18n::format(_("{1} plays now; what was on air continues after it"), announcement)};
    return {true,
            i18n::format(answer.on_air ? _("{1} plays after the current item") : _("{1} plays now"),
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
