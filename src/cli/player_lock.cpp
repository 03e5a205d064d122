#include "cli/player_lock.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <utility>

namespace loa::cli {

std::optional<PlayerLock> PlayerLock::try_acquire(const std::filesystem::path &station_home) {
    const auto path = station_home / "loa.lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0660);
    if (fd < 0)
        throw Error(i18n::format(_("cannot create {1}; check that the station home is writable"),
                                 quote(path)));

    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return std::nullopt;
    }
    return PlayerLock(fd);
}

bool PlayerLock::held_elsewhere(const std::filesystem::path &station_home) {
    const int fd = ::open((station_home / "loa.lock").c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false; // never created: no player ever ran here
    const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0;
    ::close(fd);
    return held;
}

PlayerLock::PlayerLock(PlayerLock &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}

PlayerLock::~PlayerLock() {
    if (m_fd >= 0)
        ::close(m_fd);
}

} // namespace loa::cli
