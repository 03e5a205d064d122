#pragma once
// What the control socket asks of a running player. The player (`loa run`) adapts
// its engine to this; tests use a fake. The daemon module never sees the engine.
#include "core/vocabulary.hpp"
#include "engine/engine_status.hpp"

#include <string>

namespace loa::daemon {

/// The player's answer to a play request: accepted (queued or started), or refused
/// with one operator-readable line (unknown id, ...).
struct PlayAnswer {
    bool accepted = false;
    std::string message;
};

class ControlHandler {
public:
    virtual ~ControlHandler() = default;

    /// Plays `announcement` now (an emergency preempts what is on air). Called on the
    /// control server's thread; must return promptly (queue the play, don't play it
    /// here): the player waits for its engine thread's answer (the only thread that
    /// looks ids up) for a bounded time well under the server's client timeout.
    /// Refusals are values; throws only for failures (Error).
    virtual PlayAnswer play(const std::string &announcement, Priority priority) = 0;

    /// What the player is doing. Control server's thread; must not block for long.
    virtual engine::EngineStatus status() = 0;

    /// Re-reads the active schedule now (after `loa schedule load`, or SIGHUP).
    /// Control server's thread; returns promptly.
    virtual void reload() = 0;
};

} // namespace loa::daemon
