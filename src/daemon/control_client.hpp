#pragma once
// `loa`'s side of the control socket: reaches the running player, if there is one.
// Every wait is bounded, so a hung player makes a command fail with a message
// instead of hanging the operator's terminal. The timeout (3 s) is longer than the
// player's own bound on a connection (ControlServerSettings::client_timeout, 2 s), so
// a request is answered, or known not to have run and asked again, before it.
#include "core/vocabulary.hpp"
#include "daemon/control_handler.hpp"
#include "core/json_value.hpp"
#include "daemon/unique_fd.hpp"
#include "engine/engine_status.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace loa::daemon {

class ControlClient {
public:
    /// Connects to the player's socket at `path`. Nullopt when no player is running
    /// (no socket file, or nothing answers on it). Throws Error when the socket
    /// cannot be used (permission: the user is not in group loa) or the player is
    /// too busy to accept within `timeout`.
    static std::optional<ControlClient>
    connect(const std::filesystem::path &path,
            std::chrono::milliseconds timeout = std::chrono::seconds(3));

    /// Asks the player to play `announcement` now. A refusal (unknown id) is a value.
    /// Throws Error when the player fails or does not answer in time.
    PlayAnswer play(const std::string &announcement, Priority priority);

    /// What the player is doing. Throws Error as play() does.
    engine::EngineStatus status();

    /// Asks the player to read the active schedule now; returns its message.
    std::string reload();

private:
    ControlClient(UniqueFd fd, std::filesystem::path path, std::chrono::milliseconds timeout);
    /// Sends one request line and reads the answer line, parsed. Asks again on a new
    /// connection when the player closed this one without running the request.
    json::Value exchange(const std::string &request);
    /// One attempt: the answer line, or nullopt when the player closed the connection
    /// before answering anything (which it does only to requests it has not run).
    std::optional<std::string> try_exchange(const std::string &line,
                                            std::chrono::steady_clock::time_point deadline);
    /// The answer's message; throws InputError for a refusal and Error for a failure.
    static std::string expect_ok(const json::Value &answer);

    UniqueFd m_fd;
    std::filesystem::path m_path;
    std::chrono::milliseconds m_timeout;
};

} // namespace loa::daemon
