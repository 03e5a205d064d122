#pragma once
// Where the engine sends an item: the real Player (sound card, WAV, null sink), or
// a virtual output that only moves a ManualClock by the item's length, which is how
// `loa simulate` runs a month of schedule in well under a second.
#include "core/clock.hpp"
#include "playout/play_item.hpp"
#include "playout/play_result.hpp"

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace loa::playout {
class Player;
}

namespace loa::engine {

class Output {
public:
    virtual ~Output() = default;
    /// The output's name for the log ("null", "wav:PATH", the device's). Engine thread.
    virtual std::string device_name() const = 0;
    /// As playout::Player::play; `length` is the whole file's duration (from the library).
    /// With `stop_at`, an item still playing then is stopped as by stop() (a scheduled
    /// emergency is due): the result is `interrupted`.
    virtual playout::PlayResult play(const playout::PlayItem &item, std::chrono::milliseconds length,
                                     TimePoint start_at, const std::function<void()> &before_first_sample,
                                     std::optional<TimePoint> stop_at = std::nullopt) = 0;
    /// Any thread: ends the current play as interrupted (a short fade).
    virtual void stop() noexcept = 0;
};

/// The real player.
class PlayerOutput final : public Output {
public:
    /// `clock` is the one the player runs on; a stop_at watch sleeps on it.
    PlayerOutput(playout::Player &player, Clock &clock) : m_player(player), m_clock(clock) {}
    std::string device_name() const override;
    playout::PlayResult play(const playout::PlayItem &item, std::chrono::milliseconds length, TimePoint start_at,
                             const std::function<void()> &before_first_sample,
                             std::optional<TimePoint> stop_at) override;
    void stop() noexcept override;

private:
    playout::Player &m_player;
    Clock &m_clock;
};

/// Plays nothing: waits on the clock until `start_at`, then for the item's length
/// (from its start_offset). On a ManualClock both waits are jumps.
class VirtualOutput final : public Output {
public:
    explicit VirtualOutput(Clock &clock) : m_clock(clock) {}
    std::string device_name() const override { return "null"; }
    playout::PlayResult play(const playout::PlayItem &item, std::chrono::milliseconds length, TimePoint start_at,
                             const std::function<void()> &before_first_sample,
                             std::optional<TimePoint> stop_at) override;
    void stop() noexcept override;

private:
    Clock &m_clock;
    std::atomic<bool> m_stop{false};
};

} // namespace loa::engine
