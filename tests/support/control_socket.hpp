#pragma once
// The control socket tests' side of the wire: raw connections for clients that
// misbehave on purpose, and one line sent or received with a deadline.
#include "core/time_zone.hpp"
#include "daemon/socket_address.hpp"
#include "daemon/unique_fd.hpp"

#include <poll.h>
#include <sys/socket.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <string>

namespace loa::test {

inline const TimeZone &control_zone() {
    static const TimeZone vietnam = TimeZone::load("Asia/Ho_Chi_Minh");
    return vietnam;
}

/// A plain blocking connection.
inline daemon::UniqueFd raw_connect(const std::filesystem::path &path) {
    daemon::UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const auto address = daemon::socket_address(path);
    REQUIRE(::connect(fd.get(), reinterpret_cast<const sockaddr *>(&address.address),
                      address.length) == 0);
    return fd;
}

/// Sends all of `text`; false if the server is gone. Safe on any thread (no REQUIRE).
inline bool send_all(int fd, const std::string &text) {
    return ::send(fd, text.data(), text.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(text.size());
}

inline void send_text(const daemon::UniqueFd &fd, const std::string &text) {
    REQUIRE(send_all(fd.get(), text));
}

/// What arrives within `wait`, up to and with the first newline; with "<closed>"
/// appended if the server hung up. Safe on any thread (no REQUIRE).
inline std::string receive_line(int fd, std::chrono::milliseconds wait = std::chrono::seconds(2)) {
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (line.find('\n') == std::string::npos) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd polled{fd, POLLIN, 0};
        if (left.count() <= 0 || ::poll(&polled, 1, static_cast<int>(left.count())) != 1)
            return line;
        char c;
        if (::recv(fd, &c, 1, 0) != 1)
            return line + "<closed>";
        line.push_back(c);
    }
    return line;
}

inline std::string receive_line(const daemon::UniqueFd &fd,
                                std::chrono::milliseconds wait = std::chrono::seconds(2)) {
    return receive_line(fd.get(), wait);
}

} // namespace loa::test
