#include "daemon/socket_address.hpp"

#include "core/error.hpp"

#include <cstddef>
#include <cstring>

namespace loa::daemon {

SocketAddress socket_address(const std::filesystem::path &path) {
    SocketAddress result;
    const std::string &text = path.native();
    if (text.size() >= sizeof result.address.sun_path)
        throw Error("the control socket path " + quote(path) + " is longer than " +
                    std::to_string(sizeof result.address.sun_path - 1) +
                    " bytes; move the station home to a shorter path");
    result.address.sun_family = AF_UNIX;
    std::memcpy(result.address.sun_path, text.c_str(), text.size() + 1);
    result.length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + text.size() + 1);
    return result;
}

} // namespace loa::daemon
