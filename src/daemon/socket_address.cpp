#include "daemon/socket_address.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

#include <cstddef>
#include <cstring>

namespace loa::daemon {

SocketAddress socket_address(const std::filesystem::path &path) {
    SocketAddress result;
    const std::string &text = path.native();
    if (text.size() >= sizeof result.address.sun_path)
        throw Error(i18n::format(_("the control socket path {1} is longer than {2} bytes; move "
                                   "the station home to a shorter path"),
                                 quote(path), std::to_string(sizeof result.address.sun_path - 1)));
    result.address.sun_family = AF_UNIX;
    std::memcpy(result.address.sun_path, text.c_str(), text.size() + 1);
    result.length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + text.size() + 1);
    return result;
}

} // namespace loa::daemon
