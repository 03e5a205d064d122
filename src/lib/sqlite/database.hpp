#pragma once
// A thin owner of a sqlite3 connection, so raw handles never spread (as MPD's
// lib/sqlite). All SQL goes through Statement with bound parameters.
#include "lib/sqlite/statement_cache.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

struct sqlite3;

namespace loa::sqlite {

/// A failure reported by SQLite, with its result code. Derived from loa::Error.
class SqliteError;

class Database {
public:
    /// `read_only_immutable` is for a file nothing can change while it is open (its
    /// folder is read-only, so no writer can make the -wal it needs): SQLite then
    /// takes no locks and makes no -shm, which a read-only folder cannot hold.
    enum class Mode { read_write_create, read_write, read_only, read_only_immutable };

    /// Opens `path` with WAL journal, foreign keys and a busy timeout, so readers
    /// (the CLI) never disturb the writer (the player). Throws SqliteError.
    Database(const std::filesystem::path &path, Mode mode);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Runs SQL without parameters (schema, pragmas). Throws SqliteError.
    void execute(const std::string &sql);
    /// The statement for `sql`, prepared at its first use and kept for the next
    /// (statement_cache.hpp): for SQL run on every write. Throws SqliteError.
    CachedStatement cached(std::string_view sql) { return m_cache.lease(*this, sql); }

    sqlite3 *handle() const noexcept { return m_db; }
    const std::filesystem::path &path() const noexcept { return m_path; }
    long long last_insert_rowid() const noexcept;
    int changes() const noexcept;

    /// Copies the database as this connection sees it (its write-ahead log
    /// included) into a new file `to`, durably: what survives of a file deleted
    /// while it was open. Throws SqliteError.
    void copy_to(const std::filesystem::path &to);
    /// Closes the connection, runs `between` (which may put another file at the
    /// path), and opens the path again with the same mode. The caller makes sure
    /// no other thread uses the connection meanwhile. Throws SqliteError.
    void reopen(const std::function<void()> &between);

    /// PRAGMA user_version, the schema's migration number.
    int user_version();
    void set_user_version(int version);

private:
    void open();

    sqlite3 *m_db = nullptr;
    std::filesystem::path m_path;
    Mode m_mode;
    StatementCache m_cache;
};

/// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() ran.
class Transaction {
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    Database &m_db;
    bool m_done = false;
};

} // namespace loa::sqlite
