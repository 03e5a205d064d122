#pragma once
// The running player's control socket: `loa play`, `loa status` and `loa schedule
// load` reach the player through it.
//
// How it works. The socket (loa.sock in the station home, mode 0660 so the group
// `loa` can use it) is bound under a temporary name, given its mode, and renamed
// into place, so it never exists with a wider mode. One thread serves every client
// with poll(): sockets are non-blocking and every client has an absolute deadline
// from its connection (answers do not extend it), so a client that sends half a
// line, sends garbage, never reads its answer or polls forever is dropped in bounded
// time. The server answers one request per client per round and reads at most one
// buffer per client per round, so no client makes the others wait. A new connection
// never waits for a free place: when all are taken it takes the place of a client
// that has nothing for the server to do (one that does not read its answers first,
// then one that has had its answer, then one that sends half a line, then one that
// has sent nothing yet), so a flood of clients cannot keep an emergency out. A client
// the server closes without an answer had no request run, so it may ask again
// (ControlClient does); a request whose client hung up before it was read does not
// run. Requests run on this thread (ControlHandler's methods return promptly). A
// socket file a crash left behind is removed at start, but only when nothing
// answers on it.
#include "core/time_zone.hpp"
#include "daemon/control_handler.hpp"
#include "daemon/unique_fd.hpp"

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <thread>

namespace loa::daemon {

struct ControlServerSettings {
    /// A client is dropped this long after it connected, whatever it did meanwhile.
    /// Shorter than ControlClient's timeout, so a client's request is answered, or
    /// known not to have run, before the client gives up.
    std::chrono::milliseconds client_timeout{2000};
    /// Clients served at once; a new one takes the place of an idle or slow one.
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
