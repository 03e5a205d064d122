#pragma once
// The engine's one door to the play log: every call the engine makes into
// playlog::PlayLog goes through here, and comes back in the engine's terms (a row
// started, the item already has its outcome, the row waits in memory) rather than as
// another library's exception. One thread at a time (the engine thread, or `loa play`).
#include "core/clock.hpp"
#include "playlog/play_log.hpp"
#include "playlog/play_record.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace loa::engine {

enum class BeginStatus {
    started,             ///< The row is in the database.
    queued,              ///< The row waits in memory (the database cannot be written now).
    already_has_outcome, ///< The log refuses: the item has its outcome and must not play.
};

struct Begun {
    BeginStatus status = BeginStatus::started;
    std::int64_t play_id = 0; ///< started, queued (provisional); finish() takes it.
    playlog::Reason refusal;  ///< already_has_outcome: the log's own words.
};

class LogPort {
public:
    /// `log` must outlive this.
    explicit LogPort(playlog::PlayLog &log) : m_log(log) {}

    /// Writes `record` as started before its first sample (see PlayLog::begin).
    Begun begin(const playlog::PlayRecord &record, std::optional<TimePoint> scheduled,
                TimePoint planned);
    void finish(std::int64_t play_id, const playlog::PlayEnd &end);
    /// An item that never started (missed, skipped, failed), as its final row.
    void record_outcome(const playlog::PlayRecord &record, std::optional<TimePoint> scheduled,
                        PlayStatus status, const playlog::Reason &reason,
                        std::optional<TimePoint> planned);
    bool has_outcome(const std::string &slot, const playlog::CivilDateTime &occurrence,
                     std::int64_t position);
    /// Rows a crash left started become interrupted; returns how many.
    int recover_unfinished();
    /// Retries the rows waiting in memory; true when none wait.
    bool flush();
    std::size_t pending_writes() const noexcept { return m_log.pending_writes(); }
    const std::optional<std::string> &write_problem() const noexcept {
        return m_log.write_problem();
    }
    const std::optional<std::string> &notice() const noexcept { return m_log.notice(); }
    bool lost_library() const noexcept { return m_log.lost_library(); }

private:
    playlog::PlayLog &m_log;
};

} // namespace loa::engine
