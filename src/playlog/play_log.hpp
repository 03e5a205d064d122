#pragma once
// The play log in the station database. A play is inserted as `started` (and
// committed durably) before its first sample and finalised after its last; rows
// are hash-chained as they are finalised. A power cut leaves `started` rows,
// which recover_unfinished() turns into `interrupted` at the next start.
//
// The log answers in its own terms and never throws SQLite's errors at its
// callers: begin() says whether the play is `started`, `already_has_outcome`
// (it must not play) or `queued`; finish() and record_outcome() say `written`,
// `queued` or `already_has_outcome`. Every transition is first appended to the
// journal beside the database (journal.hpp), flushed to the disk, so it survives
// whatever happens to the database and to the process. When the database cannot
// take a write (locked by another program, disk full, read-only file system, I/O
// error, a damaged page, the file deleted or replaced), the write waits in
// memory, in order, and playback goes on: begin() then returns a provisional
// (negative) play_id that finish() accepts as usual. Every later call first
// retries what is waiting, so rows reach the database, chained in the order they
// happened, as soon as it accepts them again; a log that died with writes waiting
// replays them from the journal at its next write. write_problem() says why rows
// are waiting and what to do (for `loa status`, the console and systemd).
// A PlayLog is used by one thread at a time.
#include "core/clock.hpp"
#include "core/time_zone.hpp"
#include "playlog/journal.hpp"
#include "playlog/play_record.hpp"
#include "playlog/reason.hpp"

#include <chrono>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace loa::sqlite {
class Database;
class SqliteError;
} // namespace loa::sqlite

namespace loa::playlog {

/// Which rows a listing or export wants. Dates are station-local and inclusive.
struct PlayFilter {
    std::optional<TimePoint> from; ///< Rows at or after (by start, else scheduled time).
    std::optional<TimePoint> to;   ///< Rows before.
    std::optional<PlayStatus> status;
    /// Only rows of occurrences scheduled before this instant (manual plays pass).
    std::optional<TimePoint> scheduled_before;
};

/// What begin() did.
enum class Begin {
    started,             ///< The `started` row is in the database: play it.
    queued,              ///< The row waits (journal and memory): play it all the same.
    already_has_outcome, ///< The item already has its outcome: it must not play.
};

/// What finish() and record_outcome() did.
enum class Write {
    written, ///< In the database, chained.
    queued,  ///< Waits in the journal and memory; written when the database can take it.
    already_has_outcome, ///< Refused: the item already has an outcome (nothing changed).
};

struct Begun {
    Begin result = Begin::started;
    std::int64_t play_id = 0; ///< For finish(); negative while the row waits. 0 when refused.
};

struct Recorded {
    Write result = Write::written;
    std::int64_t play_id = 0; ///< Negative while the row waits. 0 when refused.
};

class PlayLog {
public:
    /// Opens the log of the station `station_code`. The caller keeps `db` alive.
    PlayLog(sqlite::Database &db, std::string station_code, TimeZone zone);

    /// Records `record` (status `started`) durably. `scheduled` is the occurrence's
    /// instant (none for a manual play), `planned_start` when this item should start
    /// (lateness is measured from it). Throws nothing from the database.
    Begun begin(PlayRecord record, std::optional<TimePoint> scheduled, TimePoint planned_start);

    /// Finalises a started row with its outcome and chains it (or queues that).
    Write finish(std::int64_t play_id, const PlayEnd &end);

    /// Records an item that never started (missed, skipped, failed) as a final row.
    /// `planned`: when it would have started (gives a manual play its place in time).
    Recorded record_outcome(PlayRecord record, std::optional<TimePoint> scheduled,
                            PlayStatus status, const Reason &reason,
                            std::optional<TimePoint> planned = std::nullopt);

    /// True when the item already has an outcome other than `interrupted`
    /// (or is being played right now), in the database or waiting in memory.
    /// `occurrence` is the occurrence's civil identity (PlayRecord::occurrence).
    /// When the database cannot be read, answers from what waits in memory.
    bool has_outcome(const std::string &slot, const CivilDateTime &occurrence,
                     std::int64_t position);

    /// Replays the journal a crash left, then turns rows left `started` by a crash
    /// or power cut into `interrupted`. Returns how many there were (0 when the
    /// database cannot be written now: write_problem() says why).
    int recover_unfinished(const Reason &reason);

    /// Writes the rows waiting in memory; true when none are left waiting.
    bool flush();
    /// How many writes wait for the database.
    std::size_t pending_writes() const noexcept { return m_pending.size(); }
    /// The journal beside the database; empty for a log in memory (`simulate`).
    std::filesystem::path journal_path() const;
    /// Why writes are waiting; none when everything is in the database.
    const std::optional<std::string> &write_problem() const noexcept { return m_problem; }
    /// What the log repaired while it ran (a database written back, or a damaged one
    /// set aside and a fresh one begun) and what to do about it; none when nothing was.
    const std::optional<std::string> &notice() const noexcept { return m_notice; }
    /// True once a fresh database was begun without the damaged one's announcements
    /// (unreadable): the player then plays the ones it had looked up from memory.
    bool lost_library() const noexcept { return m_lost_library; }
    /// How long a write waits for a lock held by another program before it is
    /// queued instead. Applies to the whole connection.
    void set_write_wait(std::chrono::milliseconds wait);

    std::vector<PlayRecord> query(const PlayFilter &filter) const;
    /// The content hashes (sha256) that plays in the log played: their files are kept.
    std::vector<std::string> played_content() const;
    /// Calls `visit` with each row query() would return, in the same order,
    /// without holding them all in memory (exports of a year).
    void scan(const PlayFilter &filter, const std::function<void(const PlayRecord &)> &visit) const;

    const TimeZone &zone() const noexcept { return m_zone; }
    const std::string &station_code() const noexcept { return m_station; }

private:
    /// Now in UTC as YYYYMMDDTHHMMSS, for the name of a file set aside (.replaced-, .damaged-).
    static std::string aside_stamp();
    struct PendingWrite {
        JournalEntry entry;
        std::int64_t id = 0; ///< Provisional id (begin, outcome) or the id to finish.
    };
    enum class Failure { later, damaged, duplicate, refused };

    /// Writes one change in its own transaction; returns the row's play_id. Throws SqliteError.
    std::int64_t apply(const PendingWrite &write);
    /// Journals `write`, then writes it now if nothing waits and the database takes
    /// it, else queues it. Returns the row's play_id (provisional when queued) and
    /// what happened.
    std::pair<Write, std::int64_t> write_or_queue(PendingWrite write);
    std::int64_t real_id(std::int64_t id) const;
    void chain(std::int64_t play_id);
    Failure classify(const sqlite::SqliteError &error);
    void journal(const JournalEntry &entry);
    void open_journal();
    bool database_replaced();
    void checkpoint();
    std::string next_entry_id();
    bool load_chain_id();
    /// Puts the database this log has open back at its path (deleted or replaced).
    bool restore_database();
    /// Queues the journal's entries to be written (again), in order.
    void queue_journal(const JournalContents &contents);
    /// True when PRAGMA quick_check finds the database damaged, as this connection
    /// sees it or as the file on disk is.
    bool damaged_for_good();
    /// Now and then, checks the file on disk (pages overwritten under the player), on a
    /// thread of its own: the look reads the whole file, which takes seconds on a large
    /// log and a cold disk and must not delay the next item. Its answer is read at the
    /// next write.
    void watch_for_damage();
    /// Sets a damaged database aside, begins a fresh one with a new chain and queues
    /// the whole journal for it (play_log_fresh.cpp). False when it cannot.
    bool start_fresh_database();
    void began_fresh(const std::string &chain, const std::filesystem::path &damaged,
                     const std::vector<std::string> &lost);

    sqlite::Database &m_db;
    std::string m_station;
    std::string m_chain_id;
    TimeZone m_zone;
    std::deque<PendingWrite> m_pending;
    std::map<std::int64_t, std::int64_t> m_written_ids; ///< Provisional → real, until finished.
    std::map<std::int64_t, std::string>
        m_begin_entries; ///< play_id (either) → its begin entry, until finished.
    std::int64_t m_next_provisional_id = -1;
    std::optional<std::string> m_problem;
    std::unique_ptr<Journal> m_journal; ///< Opened at the first write.
    bool m_journal_opened = false;
    std::optional<std::string> m_journal_problem;
    std::string m_epoch;
    std::int64_t m_next_entry = 1;
    std::optional<std::pair<std::uintmax_t, std::uintmax_t>>
        m_file_id; ///< (device, inode) of the database file.
    std::optional<std::string> m_damage;
    bool m_corrupt = false; ///< SQLite said the file is damaged (not deleted, not busy).
    std::optional<std::chrono::steady_clock::time_point> m_last_look; ///< watch_for_damage()
    std::future<bool> m_look; ///< The file on disk intact: a look still running, or its answer.
    /// Plays begun in a database since set aside → their begin entry, until finished.
    std::map<std::int64_t, std::string> m_moved;
    std::optional<std::string> m_notice; ///< What the log repaired, for status.
    bool m_lost_library = false;
};

} // namespace loa::playlog
