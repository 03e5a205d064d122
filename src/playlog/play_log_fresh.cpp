// A damaged station database (pages overwritten, a header that is no database's):
// the play log sets the file aside as loa.db.damaged-YYYYMMDDTHHMMSS (with its -wal
// and -shm), makes a fresh loa.db holding what of the station is still readable
// (meta, announcements, campaigns, schedules), begins a new chain there whose meta
// names the chain before it and the damaged file, and writes the journal into it.
// The journal is the source of the plays: rows of the damaged file are not copied,
// so none is written twice. The player goes on from its schedule in memory.
#include "core/i18n.hpp"
#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"
#include "playlog/play_log.hpp"
#include "playlog/play_rows.hpp"
#include "playlog/reason_text.hpp"
#include "station/home.hpp"
#include "station/schema.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <chrono>
#include <ctime>
#include <exception>

namespace loa::playlog {
namespace {

/// "20200720T060000" (UTC): the name a damaged file is kept under says when.
std::filesystem::path with_suffix(std::filesystem::path path, const std::string &suffix) {
    path += suffix;
    return path;
}

/// The columns `table` has in both the damaged database ("main") and the fresh one.
std::string shared_columns(sqlite::Database &db, const std::string &table) {
    std::string columns;
    sqlite::Statement select(db, "SELECT name FROM pragma_table_info(?1, 'fresh') WHERE name "
                                 "IN (SELECT name FROM pragma_table_info(?1, 'main'))");
    select.bind(1, table);
    while (select.step())
        columns += (columns.empty() ? "\"" : ", \"") + select.column_text(0) + "\"";
    return columns;
}

/// Copies what of `table` the damaged database still gives; false when it gives none.
bool carry_table(sqlite::Database &db, const std::string &table, const std::string &where) {
    try {
        const std::string columns = shared_columns(db, table);
        if (columns.empty())
            return false;
        db.execute("INSERT OR IGNORE INTO fresh." + table + " (" + columns + ") SELECT " + columns +
                   " FROM main." + table + where);
        return true;
    } catch (const sqlite::SqliteError &) {
        return false; // a damaged page in it: the fresh table starts empty
    }
}

void put_meta(sqlite::Database &db, const char *key, const std::string &value) {
    sqlite::Statement insert(db, "INSERT OR REPLACE INTO fresh.meta (key, value) VALUES (?1, ?2)");
    insert.bind(1, key).bind(2, value).run();
}

/// What the fresh database is made from.
struct FreshStart {
    std::filesystem::path damaged; ///< Where the damaged file is kept.
    std::string previous_chain;    ///< Its chain id (as the log had it in memory).
    std::string previous_head;     ///< "seq:row_hash", or empty when unreadable.
    std::string chain;             ///< The new chain's id.
    std::vector<std::string> lost; ///< Tables none of which could be read.
};

/// Makes the fresh database at `making` from what `damaged` (the player's own
/// connection, whose cache and write-ahead log still hold pages the file lost)
/// gives of the station: everything but the plays, which the journal gives.
void make_fresh(sqlite::Database &damaged, const std::filesystem::path &making, FreshStart &start) {
    std::error_code ec;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(with_suffix(making, suffix), ec);
    {
        sqlite::Database fresh(making, sqlite::Database::Mode::read_write_create);
        station::migrate(fresh);
    }
    sqlite::Statement attach(damaged, "ATTACH DATABASE ?1 AS fresh");
    attach.bind(1, making.string()).run();
    if (!carry_table(damaged, "meta", " WHERE key NOT IN ('chain_id', 'chain_head')"))
        start.lost.emplace_back("meta");
    for (const char *table : {"campaigns", "announcements", "schedules", "users", "actions"})
        if (!carry_table(damaged, table, ""))
            start.lost.emplace_back(table);
    put_meta(damaged, "chain_id", start.chain);
    put_meta(damaged, "previous_chain_id", start.previous_chain);
    put_meta(damaged, "previous_chain_head", start.previous_head);
    put_meta(damaged, "previous_database", start.damaged.filename().string());
    damaged.execute("DETACH DATABASE fresh");
}

/// Keeps the damaged file and its -wal and -shm aside, and puts the fresh one in its place.
void replace_damaged(const std::filesystem::path &path, const std::filesystem::path &making,
                     const FreshStart &start) {
    std::error_code ec;
    for (const char *suffix : {"", "-wal", "-shm"})
        if (std::filesystem::exists(with_suffix(path, suffix), ec))
            std::filesystem::rename(with_suffix(path, suffix), with_suffix(start.damaged, suffix));
    std::filesystem::rename(making, path);
}

/// How often (at most) the file on disk is checked after a write: the player's own
/// connection reads its pages from its cache and the write-ahead log, so it would
/// not see pages overwritten under it.
constexpr std::chrono::seconds look_interval{10};

/// False when PRAGMA quick_check finds `db` damaged.
bool intact(sqlite::Database &db) {
    try {
        sqlite::Statement check(db, "PRAGMA quick_check(1)");
        const bool ok = check.step() && check.column_text(0) == "ok";
        check.reset();
        return ok;
    } catch (const sqlite::SqliteError &error) {
        return error.code() != SQLITE_CORRUPT && error.code() != SQLITE_NOTADB &&
               error.code() != SQLITE_FORMAT; // busy or locked is no damage
    }
}

/// False when the file at `path`, read afresh from the disk, is damaged.
bool intact_on_disk(const std::filesystem::path &path) {
    try {
        sqlite::Database look(path, sqlite::Database::Mode::read_only);
        return intact(look);
    } catch (const std::exception &) {
        return true; // cannot be opened now (deleted, locked): not a damage it can see
    }
}

} // namespace

bool PlayLog::damaged_for_good() {
    return !intact(m_db) || !intact_on_disk(m_db.path());
}

void PlayLog::watch_for_damage() {
    if (m_corrupt || journal_path().empty())
        return;
    if (m_look.valid()) {
        if (m_look.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            return;
        if (!m_look.get())
            m_corrupt = true; // the next flush sets it aside and begins a fresh one
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (m_last_look && now - *m_last_look < look_interval)
        return;
    m_last_look = now;
    m_look = std::async(std::launch::async, intact_on_disk, m_db.path());
}

bool PlayLog::start_fresh_database() {
    // Without its journal the log could not write again what the damaged file held.
    if (!m_corrupt || !m_journal || journal_path().empty())
        return false;
    if (!damaged_for_good()) {
        m_corrupt = false; // a damaged page SQLite no longer finds
        return false;
    }
    FreshStart start;
    start.previous_chain = m_chain_id;
    start.chain = station::new_chain_id();
    try {
        if (const auto head = chain_head(m_db))
            start.previous_head = std::to_string(head->seq) + ":" + head->row_hash;
    } catch (const sqlite::SqliteError &) {
    }
    const std::filesystem::path path = m_db.path();
    const auto making = with_suffix(path, ".fresh");
    start.damaged = with_suffix(path, ".damaged-" + aside_stamp());
    std::exception_ptr failed;
    try {
        make_fresh(m_db, making, start);
        m_db.reopen([&] {
            try {
                replace_damaged(path, making, start);
            } catch (...) {
                failed = std::current_exception();
            }
        });
        if (failed)
            std::rethrow_exception(failed);
    } catch (const std::exception &error) {
        m_problem = i18n::format(_("the station database {1} is damaged and a fresh one could not "
                                   "be made ({2}); plays go on and are kept in {3}"),
                                 quote(path), error.what(), quote(journal_path()));
        return false;
    }
    began_fresh(start.chain, start.damaged, start.lost);
    return true;
}

void PlayLog::began_fresh(const std::string &chain, const std::filesystem::path &damaged,
                          const std::vector<std::string> &lost) {
    m_chain_id = chain;
    m_corrupt = false;
    m_damage.reset();
    m_file_id.reset();
    struct stat status {};
    if (::stat(m_db.path().c_str(), &status) == 0)
        m_file_id = std::make_pair(static_cast<std::uintmax_t>(status.st_dev),
                                   static_cast<std::uintmax_t>(status.st_ino));
    // The plays begun before: their finish finds its row by the begin entry.
    for (const auto &[id, entry] : m_begin_entries)
        m_moved[id] = entry;
    m_begin_entries.clear();
    m_written_ids.clear();
    m_pending.clear();
    queue_journal(m_journal->read());
    std::string missing;
    for (const auto &table : lost) {
        missing += (missing.empty() ? "" : ", ") + table;
        m_lost_library = m_lost_library || table == "announcements";
    }
    m_notice = i18n::format(_("loa.db was damaged; it is kept as {1}; a new play log began in a "
                              "fresh {2} with the plays of the journal; send {1} to the province "
                              "or restore a backup"),
                            quote(damaged), quote(m_db.path()));
    if (!missing.empty())
        *m_notice += i18n::format(_(" (unreadable, not carried over: {1}; restore them from a "
                                    "backup)"),
                                  missing);
}

} // namespace loa::playlog
