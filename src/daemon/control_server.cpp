#include "daemon/control_server.hpp"

#include "core/error.hpp"
#include "daemon/control_protocol.hpp"
#include "daemon/socket_address.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
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
        throw Error(quote(path) + " exists and is not loa's control socket; move it away and start again");
    const UniqueFd probe(::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!probe.valid())
        throw Error("cannot create a socket: " + system_reason());
    const auto address = socket_address(path);
    if (::connect(probe.get(), reinterpret_cast<const sockaddr *>(&address.address), address.length) == 0 ||
        errno == EAGAIN)
        throw Error("another loa player answers on " + quote(path) + "; stop it first (systemctl stop loa)");
    if (errno != ECONNREFUSED)
        throw Error("cannot check the old control socket " + quote(path) + ": " + system_reason());
    if (::unlink(path.c_str()) != 0 && errno != ENOENT)
        throw Error("cannot remove the old control socket " + quote(path) + ": " + system_reason());
}

struct Client {
    UniqueFd fd;
    std::string input;
    std::string output;
    SteadyClock::time_point deadline;
    bool close_after_output = false;
    bool done = false;
};

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
        throw Error("cannot create the control socket: " + system_reason());
    if (::bind(m_listener.get(), reinterpret_cast<const sockaddr *>(&address.address), address.length) != 0)
        throw Error("cannot create the control socket " + quote(temporary) + ": " + system_reason() +
                    "; check that the station home is writable");
    struct stat info {};
    if (::chmod(temporary.c_str(), 0660) != 0 || ::listen(m_listener.get(), 16) != 0 ||
        ::lstat(temporary.c_str(), &info) != 0 || ::rename(temporary.c_str(), m_path.c_str()) != 0) {
        const std::string reason = system_reason();
        ::unlink(temporary.c_str());
        throw Error("cannot set up the control socket " + quote(m_path) + ": " + reason);
    }
    m_device = info.st_dev;
    m_inode = info.st_ino;
    int wake[2];
    if (::pipe2(wake, O_CLOEXEC | O_NONBLOCK) != 0) {
        ::unlink(m_path.c_str());
        throw Error("cannot create a pipe: " + system_reason());
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
    for (;;) {
        const auto now = SteadyClock::now();
        std::erase_if(clients, [now](const Client &client) { return client.done || now >= client.deadline; });
        polled.clear();
        polled.push_back({m_wake_read.get(), POLLIN, 0});
        const bool room = clients.size() < m_settings.max_clients;
        polled.push_back({room ? m_listener.get() : -1, POLLIN, 0});
        int timeout_ms = -1;
        for (const Client &client : clients) {
            polled.push_back({client.fd.get(), static_cast<short>(client.output.empty() ? POLLIN : POLLOUT), 0});
            const auto left = std::chrono::ceil<std::chrono::milliseconds>(client.deadline - now).count();
            timeout_ms = timeout_ms < 0 ? static_cast<int>(left) : std::min(timeout_ms, static_cast<int>(left));
        }
        if (::poll(polled.data(), polled.size(), timeout_ms) < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if (polled[0].revents != 0)
            return; // the destructor asks us to stop
        for (std::size_t i = 0; i < clients.size(); ++i) {
            Client &client = clients[i];
            const short events = polled[i + 2].revents;
            if (events == 0)
                continue;
            if (!client.output.empty()) {
                send_output(client);
                continue;
            }
            char buffer[4096];
            const ssize_t got = ::recv(client.fd.get(), buffer, sizeof buffer, MSG_DONTWAIT);
            if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK)) {
                client.done = true;
                continue;
            }
            if (got < 0)
                continue;
            client.input.append(buffer, static_cast<std::size_t>(got));
            try {
                std::size_t end;
                while ((end = client.input.find('\n')) != std::string::npos) {
                    client.output += answer_request(std::string_view(client.input).substr(0, end), m_handler, m_zone);
                    client.output += '\n';
                    client.input.erase(0, end + 1);
                }
                if (client.input.size() > max_request_bytes) {
                    client.output += "{\"ok\":false,\"refused\":true,\"error\":\"the request is too long\"}\n";
                    client.close_after_output = true;
                }
            } catch (const std::exception &) {
                client.done = true; // out of memory: drop this client, keep serving
                continue;
            }
            if (!client.output.empty()) {
                // Answered: the client gets a fresh allowance to read it and ask again.
                client.deadline = SteadyClock::now() + m_settings.client_timeout;
                send_output(client);
            }
        }
        if (room && (polled[1].revents & POLLIN)) {
            for (;;) {
                UniqueFd accepted(::accept4(m_listener.get(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC));
                if (!accepted.valid())
                    break;
                try {
                    clients.push_back(Client{std::move(accepted), {}, {}, SteadyClock::now() + m_settings.client_timeout});
                } catch (const std::exception &) {
                    break;
                }
                if (clients.size() >= m_settings.max_clients)
                    break;
            }
        }
    }
}

} // namespace loa::daemon
