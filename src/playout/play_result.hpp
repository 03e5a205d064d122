#pragma once
// What Player::play reports; the engine turns it into a play-log row.
#include "core/clock.hpp"

#include <chrono>
#include <cstdint>
#include <string>

namespace loa::playout {

enum class PlayOutcome {
    completed,   ///< every frame left the device
    interrupted, ///< stop() ended it (faded out), or it never started
    failed       ///< the device (or the file, part-way) failed; see PlayResult::error
};

struct PlayResult {
    PlayOutcome outcome = PlayOutcome::failed;
    /// Wall-clock instant the first sample left the device (from its DAC time). If nothing
    /// was played, the instant play() gave up (then ended_at is the same).
    TimePoint started_at;
    /// Wall-clock instant the last sample had left the device: started_at plus the
    /// device time the item took (its frames and any underrun padding).
    TimePoint ended_at;
    std::int64_t frames_played = 0; ///< frames of the item's audio, at the device rate
    /// How far into the file the play reached (start_offset plus what was played), so an
    /// interrupted item can resume there.
    std::chrono::milliseconds position{0};
    std::uint64_t underruns = 0; ///< render calls that had to pad silence mid-item
    std::string error;           ///< operator-readable reason when failed
};

} // namespace loa::playout
