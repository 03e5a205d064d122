#include "daemon/control_server.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "daemon/control_protocol.hpp"
#include "daemon/socket_address.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

namespace loa::daemon {
namespace {

using SteadyClock = std::chrono::steady_clock;

std::string system_reason() {
    return std::strerror(errno);
}

/// Removes a socket file a crashed player left, after making sure nobody answers
/// on it. Throws Error when a player answers, or the path is not a socket.
void remove_stale_socket(const std::filesystem::path &path) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0)
        return; // nothing there
    if (!S_ISSOCK(info.st_mode))
        throw Error(i18n::format(
            _("{1} exists and is not loa's control socket; move it away and start again"),
            quote(path)));
    const UniqueFd probe(::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!probe.valid())
        throw Error(i18n::format(_("cannot create a socket: {1}"), system_reason()));
    const auto address = socket_address(path);
    if (::connect(probe.get(), reinterpret_cast<const sockaddr *>(&address.address),
                  address.length) == 0 ||
        errno == EAGAIN)
        throw Error(
            i18n::format(_("another loa player answers on {1}; stop it first (systemctl stop loa)"),
                         quote(path)));
    if (errno != ECONNREFUSED)
        throw Error(i18n::format(_("cannot check the old control socket {1}: {2}"), quote(path),
                                 system_reason()));
    if (::unlink(path.c_str()) != 0 && errno != ENOENT)
        throw Error(i18n::format(_("cannot remove the old control socket {1}: {2}"), quote(path),
                                 system_reason()));
}

struct Client {
    UniqueFd fd;
    std::string input;
    std::string output;
    SteadyClock::time_point deadline; ///< From its connection: never extended.
    std::uint64_t order = 0;          ///< Accepted before every client with a higher one.
    bool answered = false;            ///< Has had at least one answer.
    bool close_after_output = false;
    bool done = false;
};

bool has_line(const Client &client) {
    return client.input.find('\n') != std::string::npos;
}

/// Bytes the kernel holds for `fd` that the server has not read yet.
bool has_unread_bytes(int fd) {
    int bytes = 0;
    return ::ioctl(fd, FIONREAD, &bytes) == 0 && bytes > 0;
}

/// Sends what the client can take now; marks it done when it is gone.
void send_output(Client &client) {
    while (!client.output.empty()) {
        const ssize_t sent = ::send(client.fd.get(), client.output.data(), client.output.size(),
                                    MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                client.done = true;
            return;
        }
        client.output.erase(0, static_cast<std::size_t>(sent));
    }
    if (client.close_after_output)
        client.done = true;
}

/// How readily `client` gives up its place to a new connection: lower goes first,
/// nullopt never (it has a request the server is about to answer). A client that
/// does not read its answers goes first, then one that has had its answer and sent
/// nothing since, then one that sends half a line, then one that has sent nothing yet.
std::optional<int> eviction_rank(const Client &client) {
    if (client.done || !client.output.empty())
        return 0;
    if (has_line(client) || has_unread_bytes(client.fd.get()))
        return std::nullopt;
    if (!client.input.empty())
        return 2;
    return client.answered ? 1 : 3;
}

/// The client to close so that a new connection gets its place: the oldest of the
/// lowest rank among those accepted before `newest_order`. Nullopt when none may go.
std::optional<std::size_t> pick_eviction(const std::vector<Client> &clients,
                                         std::uint64_t newest_order) {
    std::optional<std::size_t> chosen;
    int chosen_rank = 0;
    for (std::size_t i = 0; i < clients.size(); ++i) {
        if (clients[i].order >= newest_order)
            continue; // accepted in this round: it gets one poll before it can be evicted
        const auto rank = eviction_rank(clients[i]);
        if (rank && (!chosen || *rank < chosen_rank)) // the vector is in accept order: oldest first
            chosen = i, chosen_rank = *rank;
    }
    return chosen;
}

/// Answers the client's next complete request line, if the last answer is gone; one
/// per round, so that no client makes the others wait.
void answer_next(Client &client, ControlHandler &handler, const TimeZone &zone) {
    if (!client.output.empty())
        return;
    if (const std::size_t end = client.input.find('\n'); end != std::string::npos) {
        client.output =
            answer_request(std::string_view(client.input).substr(0, end), handler, zone);
        client.output += '\n';
        client.input.erase(0, end + 1);
        client.answered = true;
    } else if (client.input.size() > max_request_bytes) {
        client.output = "{\"ok\":false,\"refused\":true,\"error\":\"the request is too long\"}\n";
        client.close_after_output = true;
    }
    send_output(client);
}

/// Reads what the client sent (at most one buffer, and never past a line that waits
/// for its answer) and answers one request. A client that hung up is dropped before
/// its requests run: nobody would learn their outcome.
void serve_client(Client &client, short events, ControlHandler &handler,
                  const TimeZone &zone) noexcept {
    try {
        if (!client.output.empty()) {
            if (events != 0)
                send_output(client);
        } else if (events & (POLLHUP | POLLERR)) {
            client.done = true;
            return;
        } else if ((events & POLLIN) && !has_line(client)) {
            char buffer[4096];
            const ssize_t got = ::recv(client.fd.get(), buffer, sizeof buffer, MSG_DONTWAIT);
            if (got == 0 ||
                (got < 0 && errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK)) {
                client.done = true;
                return;
            }
            if (got > 0)
                client.input.append(buffer, static_cast<std::size_t>(got));
        }
        answer_next(client, handler, zone);
    } catch (const std::exception &) {
        client.done = true; // out of memory: drop this client, keep serving
    }
}

/// Accepts waiting connections. When every place is taken, each new one takes the
/// place of the client eviction_rank() picks; when none may go, the rest wait in the
/// listen queue. Returns the next accept order number.
std::uint64_t accept_clients(int listener, std::vector<Client> &clients, std::uint64_t order,
                             const ControlServerSettings &settings) {
    const std::uint64_t round = order;
    for (std::size_t n = 0; n < settings.max_clients; ++n) {
        std::optional<std::size_t> evict;
        if (clients.size() >= settings.max_clients && !(evict = pick_eviction(clients, round)))
            break;
        UniqueFd fd(::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC));
        if (!fd.valid())
            break;
        try {
            if (evict)
                clients.erase(clients.begin() + static_cast<std::ptrdiff_t>(*evict));
            clients.push_back(Client{
                std::move(fd), {}, {}, SteadyClock::now() + settings.client_timeout, order++});
        } catch (const std::exception &) {
            break;
        }
    }
    return order;
}

} // namespace

ControlServer::ControlServer(std::filesystem::path path, ControlHandler &handler, TimeZone zone,
                             ControlServerSettings settings)
    : m_path(std::move(path)), m_handler(handler), m_zone(std::move(zone)), m_settings(settings) {
    remove_stale_socket(m_path);
    // Bound under a temporary name and renamed: loa.sock never exists with the umask's mode.
    const std::filesystem::path temporary = m_path.string() + ".new" + std::to_string(::getpid());
    const auto address = socket_address(temporary);
    ::unlink(temporary.c_str());
    m_listener = UniqueFd(::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!m_listener.valid())
        throw Error(i18n::format(_("cannot create the control socket: {1}"), system_reason()));
    if (::bind(m_listener.get(), reinterpret_cast<const sockaddr *>(&address.address),
               address.length) != 0)
        throw Error(i18n::format(
            _("cannot create the control socket {1}: {2}; check that the station home is writable"),
            quote(temporary), system_reason()));
    struct stat info {};
    if (::chmod(temporary.c_str(), 0660) != 0 || ::listen(m_listener.get(), 64) != 0 ||
        ::lstat(temporary.c_str(), &info) != 0 ||
        ::rename(temporary.c_str(), m_path.c_str()) != 0) {
        const std::string reason = system_reason();
        ::unlink(temporary.c_str());
        throw Error(
            i18n::format(_("cannot set up the control socket {1}: {2}"), quote(m_path), reason));
    }
    m_device = info.st_dev;
    m_inode = info.st_ino;
    int wake[2];
    if (::pipe2(wake, O_CLOEXEC | O_NONBLOCK) != 0) {
        ::unlink(m_path.c_str());
        throw Error(i18n::format(_("cannot create a pipe: {1}"), system_reason()));
    }
    m_wake_read = UniqueFd(wake[0]);
    m_wake_write = UniqueFd(wake[1]);
    m_thread = std::jthread([this] { serve(); });
}

ControlServer::~ControlServer() {
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(m_wake_write.get(), &byte, 1);
    m_thread.join();
    m_listener.reset();
    struct stat info {};
    if (::lstat(m_path.c_str(), &info) == 0 && info.st_dev == m_device && info.st_ino == m_inode)
        ::unlink(m_path.c_str());
}

void ControlServer::serve() noexcept {
    std::vector<Client> clients;
    std::vector<pollfd> polled;
    std::uint64_t accepted = 0;
    for (;;) {
        const auto now = SteadyClock::now();
        std::erase_if(
            clients, [now](const Client &client) { return client.done || now >= client.deadline; });
        polled.clear();
        polled.push_back({m_wake_read.get(), POLLIN, 0});
        polled.push_back({m_listener.get(), POLLIN, 0});
        int timeout_ms = -1;
        for (const Client &client : clients) {
            const bool waiting_line = client.output.empty() && has_line(client);
            const short events = !client.output.empty() ? POLLOUT : waiting_line ? 0 : POLLIN;
            polled.push_back({client.fd.get(), events, 0});
            const auto left =
                waiting_line
                    ? 0
                    : std::chrono::ceil<std::chrono::milliseconds>(client.deadline - now).count();
            timeout_ms = timeout_ms < 0 ? static_cast<int>(left)
                                        : std::min(timeout_ms, static_cast<int>(left));
        }
        if (::poll(polled.data(), polled.size(), timeout_ms) < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if (polled[0].revents != 0)
            return; // the destructor asks us to stop
        for (std::size_t i = 0; i < clients.size(); ++i)
            serve_client(clients[i], polled[i + 2].revents, m_handler, m_zone);
        if (polled[1].revents & POLLIN)
            accepted = accept_clients(m_listener.get(), clients, accepted, m_settings);
    }
}

} // namespace loa::daemon
