#include "core/regular_file.hpp"

#include "core/i18n.hpp"

#include "core/error.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace loa {
namespace {

std::string_view kind_of(mode_t mode) noexcept {
    if (S_ISFIFO(mode))
        return _("a named pipe");
    if (S_ISCHR(mode))
        return _("a character device");
    if (S_ISBLK(mode))
        return _("a block device");
    if (S_ISSOCK(mode))
        return _("a socket");
    return _("not a file");
}

void refuse_kind(const std::filesystem::path &path, const struct stat &status,
                 const NotAFileHint &hint) {
    if (S_ISDIR(status.st_mode))
        throw InputError(quote(path) + " is a folder; " + std::string(hint.folder));
    if (!S_ISREG(status.st_mode))
        throw InputError(quote(path) + " is not a regular file (" +
                         std::string(kind_of(status.st_mode)) + "); " + std::string(hint.other));
}

[[noreturn]] void refuse_unreadable(const std::filesystem::path &path) {
    throw InputError(quote(path) + " cannot be read (" + std::strerror(errno) +
                     "); copy it somewhere readable or fix its permissions");
}

} // namespace

int open_regular_file(const std::filesystem::path &path, const NotAFileHint &hint) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            throw InputError(quote(path) + ": no such file; check the name and folder");
        refuse_unreadable(path);
    }
    refuse_kind(path, status, hint);
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        refuse_unreadable(path);
    if (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode)) {
        const int error = errno;
        ::close(fd);
        refuse_kind(path, status, hint);
        errno = error;
        refuse_unreadable(path);
    }
    return fd;
}

} // namespace loa
