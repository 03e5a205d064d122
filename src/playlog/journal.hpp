#pragma once
// The play log's journal: an append-only file beside the station database that
// holds every transition of the log (a play begun, a play finished, an outcome
// recorded) as one JSON line, each flushed to the disk (fdatasync) before the
// transition goes to the database. So an outcome survives when the database
// cannot take it (disk full, locked, damaged, deleted) and the process then dies:
// the next start replays the journal into the database. Replay is idempotent:
// each begin and outcome carries an entry id that its row keeps (plays.entry), and
// a finish names the entry it finishes. A crash during an append leaves a last
// line without its line end, which reading ignores.
//
// The journal is emptied (checkpoint) only when every entry in it is in a database
// that was checked healthy. A Journal is used by one thread at a time.
#include "playlog/play_record.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace loa::playlog {

/// How an attempt ended, for PlayLog::finish().
struct PlayEnd {
    PlayStatus status = PlayStatus::completed;
    std::optional<TimePoint> started_at; ///< Measured first sample; absent if nothing played.
    std::optional<TimePoint> ended_at;
    std::optional<std::string> error; ///< The chained text (reason_text.hpp's stored_columns).
    std::optional<std::int64_t> underruns;
    std::optional<std::string> reason_code = {};   ///< The reason as data.
    std::optional<std::string> reason_params = {}; ///< Its parameters, a flat JSON object.
};

/// One transition of the log.
struct JournalEntry {
    enum class Kind { begin, finish, outcome } kind = Kind::begin;
    std::string id;       ///< Unique: "<journal epoch>-<n>".
    std::string finishes; ///< finish: the id of the begin entry it ends.
    PlayRecord record;    ///< begin, outcome: the row (stored fields; no play_id, no chain).
    PlayEnd end;          ///< finish: how it ended.
};

/// What reading a journal found.
struct JournalContents {
    std::vector<JournalEntry> entries;
    std::size_t unreadable_lines = 0; ///< Complete lines that did not parse (a damaged file).
    bool torn_tail = false;           ///< The last line had no line end: an append cut by a crash.
    std::size_t complete_bytes = 0;   ///< Length of the file up to its last line end.
};

class Journal {
public:
    /// Opens (creating) the journal at `path`, cutting off a torn last line so that
    /// the next append starts a line of its own. Throws Error when it cannot be opened.
    explicit Journal(std::filesystem::path path);
    ~Journal();
    Journal(const Journal &) = delete;
    Journal &operator=(const Journal &) = delete;

    /// Appends `entry` and flushes it to the disk. Throws Error (with errno's text)
    /// when the file cannot be written: the caller then has the entry in memory only.
    void append(const JournalEntry &entry);
    /// Everything in the file, in order.
    JournalContents read() const;
    /// Empties the file (durably). Throws Error.
    void clear();
    /// How many entries were appended since the file was last empty.
    std::size_t size() const noexcept { return m_entries; }

    const std::filesystem::path &path() const noexcept { return m_path; }

    /// The text of one entry (one line, without its line end), and back.
    static std::string encode(const JournalEntry &entry);
    static std::optional<JournalEntry> decode(std::string_view line);

private:
    std::filesystem::path m_path;
    int m_fd = -1;
    std::size_t m_entries = 0;
};

} // namespace loa::playlog
