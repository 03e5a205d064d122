#pragma once
// The play log in the station database. A play is inserted as `started` (and
// committed durably) before its first sample and finalised after its last; rows
// are hash-chained as they are finalised. A power cut leaves `started` rows,
// which recover_unfinished() turns into `interrupted` at the next start.
//
// When the database cannot take a write (locked by another program, disk full,
// read-only file system, I/O error), the write waits in memory, in order, and
// playback goes on: begin() then returns a provisional (negative) play_id that
// finish() accepts as usual. Every later call first retries what is waiting, so
// rows reach the database, chained in the order they happened, as soon as it
// accepts them again. write_problem() says why rows are waiting (for `loa status`).
// A PlayLog is used by one thread at a time.
#include "core/clock.hpp"
#include "core/time_zone.hpp"
#include "playlog/play_record.hpp"

#include <chrono>
#include <deque>
#include <functional>
#include <map>
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
    /// item should start (lateness is measured from it). Returns the play_id, or a
    /// negative provisional id when the row waits in memory (see above).
    /// Throws SqliteError: a constraint violation means the item already has its
    /// outcome, and must not play.
    std::int64_t begin(PlayRecord record, std::optional<TimePoint> scheduled, TimePoint planned_start);

    /// Finalises a started row with its outcome and chains it (or queues that).
    void finish(std::int64_t play_id, const PlayEnd &end);

    /// Records an item that never started (missed, skipped, failed) as a final row.
    /// `planned`: when it would have started (gives a manual play its place in time).
    /// Returns its play_id (negative while it waits in memory).
    std::int64_t record_outcome(PlayRecord record, std::optional<TimePoint> scheduled,
                                PlayStatus status, const std::string &reason,
                                std::optional<TimePoint> planned = std::nullopt);

    /// True when the item already has an outcome other than `interrupted`
    /// (or is being played right now), in the database or waiting in memory.
    /// `occurrence` is PlayRecord::occurrence, the occurrence's civil identity
    /// (an ISO scheduled_at names the same: its date and time without offset).
    bool has_outcome(const std::string &slot, const std::string &occurrence, std::int64_t position);

    /// Turns rows left `started` by a crash or power cut into `interrupted`.
    /// Returns how many there were. Throws SqliteError when the database refuses.
    int recover_unfinished(const std::string &reason);

    /// Writes the rows waiting in memory; true when none are left waiting.
    bool flush();
    /// How many writes wait in memory for the database.
    std::size_t pending_writes() const noexcept { return m_pending.size(); }
    /// Why writes are waiting; none when everything is in the database.
    const std::optional<std::string> &write_problem() const noexcept { return m_problem; }
    /// How long a write waits for a lock held by another program before it is
    /// queued instead. Applies to the whole connection.
    void set_write_wait(std::chrono::milliseconds wait);

    std::vector<PlayRecord> query(const PlayFilter &filter) const;
    /// Calls `visit` with each row query() would return, in the same order,
    /// without holding them all in memory (exports of a year).
    void scan(const PlayFilter &filter, const std::function<void(const PlayRecord &)> &visit) const;

    const TimeZone &zone() const noexcept { return m_zone; }
    const std::string &station_code() const noexcept { return m_station; }

private:
    struct PendingWrite {
        enum class Kind { begin, finish, outcome } kind;
        std::int64_t id = 0; ///< Provisional id (begin, outcome) or the id to finish.
        PlayRecord record;
        std::optional<std::int64_t> scheduled_ms;
        std::optional<std::int64_t> planned_ms;
        PlayEnd end;
    };

    /// Writes one change in its own transaction; returns the row's play_id. Throws SqliteError.
    std::int64_t apply(const PendingWrite &write);
    /// Writes `write` now if nothing waits and the database takes it, else queues it.
    /// Returns the row's play_id (provisional when queued).
    std::int64_t write_or_queue(PendingWrite write);
    std::int64_t real_id(std::int64_t id) const;
    void chain(std::int64_t play_id);

    sqlite::Database &m_db;
    std::string m_station;
    std::string m_chain_id;
    TimeZone m_zone;
    std::deque<PendingWrite> m_pending;
    std::map<std::int64_t, std::int64_t> m_written_ids; ///< Provisional → real, until finished.
    std::int64_t m_next_provisional_id = -1;
    std::optional<std::string> m_problem;
};

} // namespace loa::playlog
