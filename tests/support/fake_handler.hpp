#pragma once
// A ControlHandler that records what it was asked, for the socket tests.
#include "core/error.hpp"
#include "daemon/control_handler.hpp"

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace loa::test {

class FakeHandler final : public daemon::ControlHandler {
public:
    daemon::PlayAnswer play(const std::string &announcement, Priority priority) override {
        const std::lock_guard lock(m_mutex);
        if (announcement == "broken")
            throw Error("the sound device is gone");
        if (announcement != "lua-dao-01")
            return {false, "announcement '" + announcement + "' is not in the library"};
        m_plays.push_back(announcement + "/" + std::string(to_string(priority)));
        return {true, "playing " + announcement};
    }
    engine::EngineStatus status() override {
        std::chrono::milliseconds delay;
        {
            const std::lock_guard lock(m_mutex);
            delay = m_status_delay;
        }
        std::this_thread::sleep_for(delay); // a player slow to answer, holding the server's thread
        const std::lock_guard lock(m_mutex);
        return m_status;
    }
    void reload() override {
        const std::lock_guard lock(m_mutex);
        ++m_reloads;
    }

    void set_status(engine::EngineStatus status) {
        const std::lock_guard lock(m_mutex);
        m_status = std::move(status);
    }
    void set_status_delay(std::chrono::milliseconds delay) {
        const std::lock_guard lock(m_mutex);
        m_status_delay = delay;
    }
    std::vector<std::string> plays() const {
        const std::lock_guard lock(m_mutex);
        return m_plays;
    }
    int reloads() const {
        const std::lock_guard lock(m_mutex);
        return m_reloads;
    }

private:
    mutable std::mutex m_mutex;
    engine::EngineStatus m_status;
    std::vector<std::string> m_plays;
    int m_reloads = 0;
    std::chrono::milliseconds m_status_delay{0};
};

} // namespace loa::test
