#pragma once
// The play log in the station database. A play is inserted as `started` (and
// committed durably) before its first sample and finalised after its last; rows
// are hash-chained as they are finalised. A power cut leaves `started` rows,
// which recover_unfinished() turns into `interrupted` at the next start.
#include "core/clock.hpp"
#include "core/time_zone.hpp"
#include "playlog/play_record.hpp"

#include <optional>
#include <string>
#include <vector>

namespace loa::sqlite {
class Database;
}

namespace loa::playlog {

/// Which rows a listing or export wants. Dates are station-local and inclusive.
struct PlayFilter {
    std::optional<TimePoint> from; ///< Rows at or after (by start, else scheduled time).
    std::optional<TimePoint> to;   ///< Rows before.
    std::optional<PlayStatus> status;
};

/// How an attempt ended, for finish().
struct PlayEnd {
    PlayStatus status = PlayStatus::completed;
    std::optional<TimePoint> started_at; ///< Measured first sample; absent if nothing played.
    std::optional<TimePoint> ended_at;
    std::optional<std::string> error;
    std::optional<std::int64_t> underruns;
};

class PlayLog {
public:
    /// Opens the log of the station `station_code`. The caller keeps `db` alive.
    PlayLog(sqlite::Database &db, std::string station_code, TimeZone zone);

    /// Records `record` (status `started`) and commits it durably. `scheduled` is
    /// the occurrence's instant (none for a manual play), `planned_start` when this
    /// item should start (lateness is measured from it). Returns the play_id.
    /// Throws SqliteError: a constraint violation means the item already has its
    /// outcome, and must not play.
    std::int64_t begin(PlayRecord record, std::optional<TimePoint> scheduled, TimePoint planned_start);

    /// Finalises a started row with its outcome and chains it.
    void finish(std::int64_t play_id, const PlayEnd &end);

    /// Records an item that never started (missed, skipped, failed) as a final row.
    std::int64_t record_outcome(PlayRecord record, std::optional<TimePoint> scheduled,
                                PlayStatus status, const std::string &reason);

    /// True when the item already has an outcome other than `interrupted`
    /// (or is being played right now).
    bool has_outcome(const std::string &slot, const std::string &scheduled_at, std::int64_t position);

    /// Turns rows left `started` by a crash or power cut into `interrupted`.
    /// Returns how many there were.
    int recover_unfinished(const std::string &reason);

    std::vector<PlayRecord> query(const PlayFilter &filter) const;

    const TimeZone &zone() const noexcept { return m_zone; }
    const std::string &station_code() const noexcept { return m_station; }

private:
    void chain(std::int64_t play_id);

    sqlite::Database &m_db;
    std::string m_station;
    std::string m_chain_id;
    TimeZone m_zone;
};

} // namespace loa::playlog
