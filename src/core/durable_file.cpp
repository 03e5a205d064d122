#include "core/durable_file.hpp"

#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/regular_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <string>

namespace loa {
namespace {

/// Closes a file descriptor when it goes out of scope.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) noexcept : m_fd(fd) {}
    ~FileDescriptor() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    int get() const noexcept { return m_fd; }
    /// Closes now, reporting the error close() can carry (NFS, quota).
    int close() noexcept {
        const int result = ::close(m_fd);
        m_fd = -1;
        return result;
    }

private:
    int m_fd;
};

/// `what` is a translated "cannot write {1}"; errno says why.
[[noreturn]] void fail(const char *what, const std::filesystem::path &path) {
    const int error = errno;
    std::string why;
    if (error == ENOSPC || error == EDQUOT)
        why = _("the disk is full; free some space and try again");
    else if (error == EROFS)
        why = _("the file system is read-only");
    else if (error == EACCES || error == EPERM)
        why = _("permission denied; run as the station's user");
    else
        why = std::strerror(error);
    throw Error(i18n::format("{1}: {2}", i18n::format(what, quote(path)), why));
}

std::filesystem::path temporary_name(const std::filesystem::path &path) {
    return path.parent_path() /
           ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid()));
}

void write_all(int fd, const char *data, std::size_t size, const std::filesystem::path &path) {
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            fail(_("cannot write {1}"), path);
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
}

/// Writes a temporary file with `fill`, syncs it and renames it to `path`.
template <typename Fill> void replace_durably(const std::filesystem::path &path, Fill fill) {
    const auto temporary = temporary_name(path);
    FileDescriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (fd.get() < 0)
        fail(_("cannot create {1}"), temporary);
    try {
        fill(fd.get(), temporary);
        if (::fsync(fd.get()) != 0)
            fail(_("cannot sync {1}"), temporary);
        if (fd.close() != 0)
            fail(_("cannot close {1}"), temporary);
        if (::rename(temporary.c_str(), path.c_str()) != 0)
            fail(_("cannot rename into place {1}"), path);
    } catch (...) {
        ::unlink(temporary.c_str());
        throw;
    }
    sync_directory(path.parent_path().empty() ? "." : path.parent_path());
}

} // namespace

void write_file_durably(const std::filesystem::path &path, std::string_view content) {
    replace_durably(path, [&](int fd, const std::filesystem::path &temporary) {
        write_all(fd, content.data(), content.size(), temporary);
    });
}

void copy_file_durably(const std::filesystem::path &from, const std::filesystem::path &to) {
    FileDescriptor in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
    if (in.get() < 0)
        fail(_("cannot read {1}"), from);
    replace_durably(to, [&](int fd, const std::filesystem::path &temporary) {
        std::array<char, 1 << 16> buffer{};
        for (;;) {
            const ssize_t got = ::read(in.get(), buffer.data(), buffer.size());
            if (got < 0) {
                if (errno == EINTR)
                    continue;
                fail(_("cannot read {1}"), from);
            }
            if (got == 0)
                break;
            write_all(fd, buffer.data(), static_cast<std::size_t>(got), temporary);
        }
    });
}

void sync_directory(const std::filesystem::path &directory) {
    FileDescriptor fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0)
        fail(_("cannot sync folder {1}"), directory);
}

std::string read_text_file(const std::filesystem::path &path) {
    FileDescriptor fd(open_regular_file(
        path, {N_("give the file inside it"), N_("copy it into a regular file and give that")}));

    std::string text;
    std::array<char, 65536> buffer{};
    for (;;) {
        const ssize_t got = ::read(fd.get(), buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            throw InputError(i18n::format(_("{1} cannot be read ({2}); copy it somewhere "
                                            "readable or fix its permissions"),
                                          quote(path), std::strerror(errno)));
        if (got == 0)
            return text;
        text.append(buffer.data(), static_cast<std::size_t>(got));
    }
}

} // namespace loa
