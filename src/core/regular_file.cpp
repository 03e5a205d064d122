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
        throw InputError(i18n::format(_("{1} is a folder; {2}"), quote(path),
                                      i18n::translate(hint.folder.data())));
    if (!S_ISREG(status.st_mode))
        throw InputError(i18n::format(_("{1} is not a regular file ({2}); {3}"), quote(path),
                                      kind_of(status.st_mode), i18n::translate(hint.other.data())));
}

[[noreturn]] void refuse_unreadable(const std::filesystem::path &path) {
    throw InputError(i18n::format(_("{1} cannot be read ({2}); copy it somewhere readable or fix "
                                    "its permissions"),
                                  quote(path), std::strerror(errno)));
}

} // namespace

int open_regular_file(const std::filesystem::path &path, const NotAFileHint &hint) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            throw InputError(
                i18n::format(_("{1}: no such file; check the name and folder"), quote(path)));

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
