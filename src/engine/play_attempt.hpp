#pragma once
// The one way a play happens: scheduled by the engine, requested on demand, `loa play`
// with no player running, and `loa simulate` all come through PlayAttempts. It fills
// the row's fields in one place (the library's title, campaign and sha256 as they are
// now, the device, whether the clock was synchronised), computes the item's gain
// (loudness target, boost cap, true-peak ceiling and the mono spread), writes the row
// as started before the first sample and finalises it after the last, and records the
// rows of items that never start. It returns what happened as a value; the caller
// decides what to say and what comes next. One thread at a time.
#include "core/clock.hpp"
#include "core/vocabulary.hpp"
#include "engine/log_port.hpp"
#include "engine/output.hpp"
#include "library/announcement.hpp"
#include "playlog/play_record.hpp"
#include "playout/play_result.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace loa::library {
class Library;
}

namespace loa::engine {

/// The station's loudness settings (station.toml).
struct Loudness {
    double target_lufs = -16.0;
    double max_boost_db = 12.0;
};

/// The gain an announcement plays at: its loudness brought to the target (boosted
/// at most max_boost_db, never above -1 dBTP), and a mono file spread to both channels.
double play_gain_db(const Loudness &loudness, const library::Announcement &announcement);

/// One attempt as the caller plans it.
struct PlannedPlay {
    /// Who plays it and why: announcement, slot, occurrence, position, priority,
    /// trigger, resumes, offset_ms. The rest is filled here.
    playlog::PlayRecord record;
    std::optional<TimePoint> scheduled; ///< The occurrence's instant; none on demand.
    TimePoint start_at;                 ///< When its first sample should leave the device.
    TimePoint planned;                  ///< When it should have started (lateness from it).
    std::chrono::milliseconds start_offset{0};
    bool followed = false;            ///< Another item follows at once (gapless).
    std::optional<TimePoint> stop_at; ///< Stop it then (a scheduled emergency is due).
};

enum class AttemptEnd {
    called_off,    ///< Not started (stopping, or something came first): no row, it stays due.
    refused,       ///< The log says the item already has its outcome: nothing played.
    file_failed,   ///< The stored file could not be read, or would play silent: logged failed.
    device_failed, ///< The output failed before the first sample: logged failed.
    played,        ///< It started; its row has its outcome (completed, interrupted, failed).
};

struct AttemptResult {
    AttemptEnd end = AttemptEnd::called_off;
    PlayStatus status = PlayStatus::failed; ///< played: the row's final status.
    playlog::Reason reason;                 ///< Why it failed, was refused or interrupted.
    playout::PlayResult result;             ///< What the output reported.
    std::int64_t play_id = 0;               ///< played.
    TimePoint ended_at;                     ///< When the attempt came to its end.
};

/// What the caller does at the attempt's turning points (each may be empty).
struct AttemptHooks {
    /// Just before the first sample: true calls the play off (nothing plays, no row).
    std::function<bool()> call_off;
    /// The row is begun and the first sample is about to leave.
    std::function<void(const playlog::PlayRecord &, TimePoint start)> started;
    /// An interrupted play's reason (an emergency, a stop).
    std::function<playlog::Reason(const playout::PlayResult &)> why_interrupted;
};

class PlayAttempts {
public:
    /// Every reference must outlive this.
    PlayAttempts(Clock &clock, const library::Library &library, LogPort &log, Output &output,
                 Loudness loudness);

    /// Plays `announcement` as `plan` says. Throws only what the output throws
    /// besides a file it cannot decode (that is AttemptEnd::file_failed).
    AttemptResult play(const library::Announcement &announcement, PlannedPlay plan,
                       const AttemptHooks &hooks);

    /// Records an item that never starts (missed, skipped, failed) as its final row,
    /// with the same fields a played row has (`announcement`'s, if the library has it).
    void record_unplayed(playlog::PlayRecord record, const library::Announcement *announcement,
                         std::optional<TimePoint> scheduled, PlayStatus status,
                         const playlog::Reason &reason, std::optional<TimePoint> planned);

    const std::string &device() const noexcept { return m_device; }
    LogPort &log() noexcept { return m_log; }

private:
    void fill(playlog::PlayRecord &record, const library::Announcement *announcement) const;
    AttemptResult unplayed(AttemptEnd end, const PlannedPlay &plan, const playlog::Reason &reason);
    AttemptResult finish(std::int64_t play_id, const playout::PlayResult &result,
                         const AttemptHooks &hooks);

    Clock &m_clock;
    const library::Library &m_library;
    LogPort &m_log;
    Output &m_output;
    Loudness m_loudness;
    std::string m_device;
};

} // namespace loa::engine
