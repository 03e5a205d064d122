#pragma once
// The station's player lock (loa.lock in the station home): whoever holds it plays
// through the sound card for this station — `loa run`, or `loa play` when no player
// runs — so the same station never has two things on air or two players logging.
#include <filesystem>
#include <optional>

namespace loa::cli {

class PlayerLock {
public:
    /// Takes the lock, or returns nullopt when someone else holds it. Throws Error
    /// when the lock file cannot be created (station home not writable).
    static std::optional<PlayerLock> try_acquire(const std::filesystem::path &station_home);

    /// True when another process holds the lock now (a player is running).
    static bool held_elsewhere(const std::filesystem::path &station_home);

    ~PlayerLock();
    PlayerLock(PlayerLock &&other) noexcept;
    PlayerLock &operator=(PlayerLock &&) = delete;
    PlayerLock(const PlayerLock &) = delete;
    PlayerLock &operator=(const PlayerLock &) = delete;

private:
    explicit PlayerLock(int fd) noexcept : m_fd(fd) {}
    int m_fd;
};

} // namespace loa::cli
