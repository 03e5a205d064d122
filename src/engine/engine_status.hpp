#pragma once
// What a running player is doing, as `loa status` shows it. The engine fills it
// (Engine::status(), any thread); the daemon's control socket sends it to the CLI.
#include "core/clock.hpp"
#include "core/vocabulary.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace loa::engine {

enum class EngineState {
    starting,           ///< recovering rows left started, opening the output
    no_schedule,        ///< running, but no schedule is loaded
    idle,               ///< waiting for the next occurrence
    playing,            ///< an item is on air
    device_unavailable, ///< the sound output failed; retrying
    stopping            ///< SIGTERM received; fading out
};

struct NowPlaying {
    std::string announcement;
    std::string title;
    std::string slot; ///< empty for a manual or emergency play
    std::int64_t position = 0;
    Priority priority = Priority::normal;
    TimePoint started_at;
};

struct UpcomingOccurrence {
    std::string slot;
    TimePoint at;
    Priority priority = Priority::normal;
    std::vector<std::string> items; ///< announcement ids in play order
};

struct Problem {
    TimePoint at;
    std::string message; ///< one operator-readable line
};

struct EngineStatus {
    EngineState state = EngineState::starting;
    std::string device;
    std::optional<NowPlaying> now_playing;
    std::vector<UpcomingOccurrence> next; ///< the next five occurrences, in time order
    std::vector<Problem> problems;        ///< the last ten, oldest first
    long long schedule_version = 0;       ///< 0: none loaded
    std::string schedule_file;
    /// Why the play log cannot be written right now (rows wait in memory), or else
    /// what it repaired while it ran (a damaged loa.db set aside) and what to do.
    std::optional<std::string> log_problem;
    std::size_t pending_log_rows = 0;
};

} // namespace loa::engine
