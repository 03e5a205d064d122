#pragma once
// The sockaddr of a Unix socket path, shared by the control server and client.
#include <sys/socket.h>
#include <sys/un.h>

#include <filesystem>

namespace loa::daemon {

struct SocketAddress {
    sockaddr_un address{};
    socklen_t length = 0;
};

/// Throws Error when `path` is too long for a Unix socket (108 bytes): the
/// station home then needs a shorter path.
SocketAddress socket_address(const std::filesystem::path &path);

} // namespace loa::daemon
