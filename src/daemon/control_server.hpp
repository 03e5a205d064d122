#pragma once
// The running player's control socket: `loa play`, `loa status` and `loa schedule
// load` reach the player through it.
//
// How it works. The socket (loa.sock in the station home, mode 0660 so the group
// `loa` can use it) is bound under a temporary name, given its mode, and renamed
// into place, so it never exists with a wider mode. One thread serves every client
// with poll(): sockets are non-blocking, each client has a deadline that only a
// fully sent answer extends, so a client that sends half a line, sends garbage or
// never reads its answer is dropped and can never hold the player up. Requests run
// on this thread (ControlHandler's methods return promptly). A socket file a crash
// left behind is removed at start, but only when nothing answers on it.
#include "core/time_zone.hpp"
#include "daemon/control_handler.hpp"
#include "daemon/unique_fd.hpp"

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <thread>

namespace loa::daemon {

struct ControlServerSettings {
    /// A client that has not completed a request (or read its answer) this long is dropped.
    std::chrono::milliseconds client_timeout{2000};
    /// Clients served at once; more wait in the listen queue.
    std::size_t max_clients = 16;
};

class ControlServer {
public:
    /// Listens on `path` and starts serving `handler` (which must outlive the server);
    /// times in answers use `zone`. Throws Error when another process answers on
    /// `path`, when `path` exists and is not a socket, or when it cannot be created.
    ControlServer(std::filesystem::path path, ControlHandler &handler, TimeZone zone,
                  ControlServerSettings settings = {});
    /// Stops serving, closes every connection and removes the socket file (if it is
    /// still this server's).
    ~ControlServer();
    ControlServer(const ControlServer &) = delete;
    ControlServer &operator=(const ControlServer &) = delete;

    const std::filesystem::path &path() const noexcept { return m_path; }

private:
    void serve() noexcept;

    const std::filesystem::path m_path;
    ControlHandler &m_handler;
    const TimeZone m_zone;
    const ControlServerSettings m_settings;
    UniqueFd m_listener;
    UniqueFd m_wake_read, m_wake_write; ///< The destructor writes a byte to stop serve().
    dev_t m_device = 0;                 ///< Of the socket file, to unlink only our own.
    ino_t m_inode = 0;
    std::jthread m_thread; ///< Last: started after, and joined before, everything above.
};

} // namespace loa::daemon
