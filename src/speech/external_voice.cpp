#include "speech/external_voice.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "speech/wav_file.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace loa::speech {
namespace {

using Clock = std::chrono::steady_clock;

/// Starts `command` with `input` as its stdin and `output` as its stdout, in a
/// process group of its own. Returns its pid.
pid_t start(const std::string &command, int input, int output) {
    const pid_t pid = ::fork();
    if (pid < 0)
        throw Error(i18n::format(_("cannot start the [tts] command: {1}"), std::strerror(errno)));
    if (pid == 0) {
        ::setpgid(0, 0);
        ::dup2(input, STDIN_FILENO);
        ::dup2(output, STDOUT_FILENO);
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char *>(nullptr));
        ::_exit(127);
    }
    ::setpgid(pid, pid);
    return pid;
}

/// Sends `text` on `socket` until the deadline; a command that does not read it all
/// is not an error here (its exit status or output says what happened).
void send_text(int socket, const std::string &text, Clock::time_point deadline) {
    std::size_t sent = 0;
    while (sent < text.size() && Clock::now() < deadline) {
        pollfd ready{socket, POLLOUT, 0};
        if (::poll(&ready, 1, 50) <= 0)
            continue;
        const ssize_t n = ::send(socket, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN && errno != EINTR)
            return;
        sent += n > 0 ? static_cast<std::size_t>(n) : 0;
    }
}

/// Waits for `pid` until the deadline, then kills its group. Returns the problem, if any.
std::string wait_for(pid_t pid, Clock::time_point deadline, std::chrono::milliseconds timeout) {
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (Clock::now() >= deadline) {
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return i18n::format(_("it did not finish within {1} s and was stopped"),
                                std::to_string(timeout.count() / 1000));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (WIFSIGNALED(status))
        return i18n::format(_("it was killed by signal {1}"), std::to_string(WTERMSIG(status)));
    if (WEXITSTATUS(status) == 127)
        return _("/bin/sh could not find it (exit status 127)");
    if (WEXITSTATUS(status) != 0)
        return i18n::format(_("it exited with status {1}"), std::to_string(WEXITSTATUS(status)));
    return {};
}

struct Descriptor {
    int fd = -1;
    ~Descriptor() {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

ExternalSpeech speak_with_command(const std::string &command, const std::string &text,
                                  std::chrono::milliseconds timeout,
                                  const std::filesystem::path &scratch) {
    const auto wav = scratch / (".tts-" + std::to_string(::getpid()) + ".wav");
    Descriptor output{::open(wav.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)};
    int pair[2];
    if (output.fd < 0 || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
        throw Error(i18n::format(_("cannot start the [tts] command: {1}"), std::strerror(errno)));
    Descriptor ours{pair[0]}, theirs{pair[1]};
    const auto deadline = Clock::now() + timeout;
    const pid_t pid = start(command, theirs.fd, output.fd);
    ::close(theirs.fd);
    theirs.fd = -1;
    ::fcntl(ours.fd, F_SETFL, O_NONBLOCK);
    send_text(ours.fd, text, deadline);
    ::shutdown(ours.fd, SHUT_WR);
    ExternalSpeech result;
    result.problem = wait_for(pid, deadline, timeout);
    if (result.problem.empty()) {
        auto reading = read_wav(wav);
        result.speech = std::move(reading.speech);
        result.problem = std::move(reading.problem);
    }
    std::error_code ec;
    std::filesystem::remove(wav, ec);
    return result;
}

} // namespace loa::speech
