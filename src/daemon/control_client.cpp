#include "daemon/control_client.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "daemon/control_protocol.hpp"
#include "daemon/socket_address.hpp"
#include "daemon/status_json.hpp"

#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace loa::daemon {
namespace {

using SteadyClock = std::chrono::steady_clock;

/// The longest answer read (a status is a few kilobytes).
constexpr std::size_t max_answer_bytes = std::size_t{1024} * 1024;

/// Waits for `events` on `fd` until `deadline`; false when it passed.
bool wait_for(int fd, short events, SteadyClock::time_point deadline) {
    for (;;) {
        const auto left =
            std::chrono::ceil<std::chrono::milliseconds>(deadline - SteadyClock::now()).count();
        if (left <= 0)
            return false;
        pollfd polled{fd, events, 0};
        const int ready = ::poll(&polled, 1, static_cast<int>(left));
        if (ready > 0)
            return true;
        if (ready < 0 && errno != EINTR)
            return false;
    }
}

std::string seconds_text(std::chrono::milliseconds timeout) {
    return i18n::format(_("{1} s"), std::to_string((timeout.count() + 999) / 1000));
}

std::string closed_without_answer() {
    return _("the running player closed the connection without answering; it may be stopping");
}

} // namespace

ControlClient::ControlClient(UniqueFd fd, std::filesystem::path path,
                             std::chrono::milliseconds timeout)
    : m_fd(std::move(fd)), m_path(std::move(path)), m_timeout(timeout) {}

std::optional<ControlClient> ControlClient::connect(const std::filesystem::path &path,
                                                    std::chrono::milliseconds timeout) {
    const auto address = socket_address(path);
    const auto deadline = SteadyClock::now() + timeout;
    for (;;) {
        UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
        if (!fd.valid())
            throw Error(i18n::format(_("cannot create a socket: {1}"), std::strerror(errno)));
        if (::connect(fd.get(), reinterpret_cast<const sockaddr *>(&address.address),
                      address.length) == 0)
            return ControlClient(std::move(fd), path, timeout);
        switch (errno) {
        case ENOENT:
        case ECONNREFUSED:
        case ENOTSOCK:
            return std::nullopt; // no player: no socket, or one a crash left behind
        case EACCES:
        case EPERM:
            throw Error(i18n::format(_("cannot reach the running player at {1}: permission "
                                       "denied; add your user to group loa (sudo adduser $USER "
                                       "loa) and log in again"),
                                     quote(path)));
        case EAGAIN: // its queue is full: try again until the deadline
            if (SteadyClock::now() >= deadline)
                throw Error(i18n::format(_("the running player is too busy to answer on {1} "
                                           "within {2}; try again, or check 'systemctl status "
                                           "loa'"),
                                         quote(path), seconds_text(timeout)));
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            break;
        default:
            throw Error(i18n::format(_("cannot reach the running player at {1}: {2}"), quote(path),
                                     std::strerror(errno)));
        }
    }
}

std::optional<std::string> ControlClient::try_exchange(const std::string &line,
                                                       SteadyClock::time_point deadline) {
    const std::string no_answer = i18n::format(
        _("the running player did not answer within {1}; check it with 'systemctl status loa'"),
        seconds_text(m_timeout));
    for (std::size_t sent = 0; sent < line.size();) {
        if (!wait_for(m_fd.get(), POLLOUT, deadline))
            throw Error(no_answer);
        const ssize_t wrote =
            ::send(m_fd.get(), line.data() + sent, line.size() - sent, MSG_NOSIGNAL);
        if (wrote < 0 && (errno == EPIPE || errno == ECONNRESET))
            return std::nullopt; // closed before the request was whole: it did not run
        if (wrote < 0 && errno != EAGAIN && errno != EINTR)
            throw Error(i18n::format(
                _("the running player closed its control socket ({1}); it may be stopping"),
                std::strerror(errno)));
        if (wrote > 0)
            sent += static_cast<std::size_t>(wrote);
    }
    std::string answer;
    std::size_t end;
    while ((end = answer.find('\n')) == std::string::npos) {
        if (answer.size() > max_answer_bytes)
            throw Error(_("the running player's answer is too long; is 'loa' the same version "
                          "as the player?"));
        if (!wait_for(m_fd.get(), POLLIN, deadline))
            throw Error(no_answer);
        char buffer[4096];
        const ssize_t got = ::recv(m_fd.get(), buffer, sizeof buffer, 0);
        const bool closed = got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR);
        if (closed && answer.empty())
            return std::nullopt; // the server closes a connection without an answer only before
                                 // running it
        if (closed)
            throw Error(closed_without_answer());
        if (got > 0)
            answer.append(buffer, static_cast<std::size_t>(got));
    }
    answer.resize(end);
    return answer;
}

json::Value ControlClient::exchange(const std::string &request) {
    const auto deadline = SteadyClock::now() + m_timeout;
    std::optional<std::string> answer;
    while (!(answer = try_exchange(request + "\n", deadline))) {
        // The player made room for another client before reading this request: ask again.
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now());
        auto again = left.count() > 0 ? connect(m_path, left) : std::nullopt;
        if (!again)
            throw Error(closed_without_answer());
        m_fd = std::move(again->m_fd);
    }
    auto parsed = json::Value::parse(*answer);
    if (!parsed || parsed->kind() != json::Value::Kind::object || !parsed->member("ok") ||
        !parsed->member("ok")->boolean())
        throw Error(_("the running player's answer cannot be read; is 'loa' the same version as "
                      "the player?"));
    return std::move(*parsed);
}

std::string ControlClient::expect_ok(const json::Value &answer) {
    const json::Value *error = answer.member("error");
    const std::string text = error && error->string() ? *error->string() : "";
    if (*answer.member("ok")->boolean()) {
        const json::Value *message = answer.member("message");
        return message && message->string() ? *message->string() : "";
    }
    const json::Value *refused = answer.member("refused");
    if (refused && refused->boolean().value_or(false))
        throw InputError(text.empty() ? std::string(_("the running player refused the request"))
                                      : text);
    throw Error(i18n::format(_("the running player failed: {1}"),
                             text.empty() ? std::string(_("no reason given")) : text));
}

PlayAnswer ControlClient::play(const std::string &announcement, Priority priority) {
    const json::Value answer = exchange(play_request(announcement, priority));
    try {
        return {true, expect_ok(answer)};
    } catch (const InputError &refusal) {
        return {false, refusal.what()};
    }
}

engine::EngineStatus ControlClient::status() {
    const json::Value answer = exchange(status_request());
    expect_ok(answer);
    const json::Value *status = answer.member("status");
    if (!status)
        throw Error(_("the running player's answer has no status; is 'loa' the same version as "
                      "the player?"));
    return status_from_json(*status);
}

std::string ControlClient::reload() {
    return expect_ok(exchange(reload_request()));
}

} // namespace loa::daemon
