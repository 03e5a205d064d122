#include "lib/sqlite/database.hpp"

#include "lib/sqlite/statement.hpp"

#include <sqlite3.h>

#include <cctype>
#include <cstdio>

namespace loa::sqlite {
namespace {

[[noreturn]] void fail(sqlite3 *db, const std::filesystem::path &path, const std::string &what,
                       int code) {
    std::string message =
        what + " " + quote(path) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    if ((code & 0xff) == SQLITE_FULL)
        message += "; the disk is full, free some space";
    else if ((code & 0xff) == SQLITE_READONLY || (code & 0xff) == SQLITE_CANTOPEN)
        message += "; check that the station home exists and is writable by this user";
    throw SqliteError(message, code & 0xff);
}

/// `path` as an SQLite URI that opens it immutable (file:PATH?immutable=1), with every
/// byte outside the unreserved set percent-encoded.
std::string immutable_uri(const std::filesystem::path &path) {
    std::string uri = "file:";
    for (const unsigned char c : path.string()) {
        if (std::isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_' || c == '~') {
            uri += static_cast<char>(c);
        } else {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            uri += escaped;
        }
    }
    return uri + "?immutable=1";
}

} // namespace

Database::Database(const std::filesystem::path &path, Mode mode) : m_path(path), m_mode(mode) {
    open();
}

void Database::open() {
    const Mode mode = m_mode;
    const std::filesystem::path &path = m_path;
    int flags = SQLITE_OPEN_FULLMUTEX;
    switch (mode) {
    case Mode::read_write_create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    case Mode::read_write:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::read_only:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::read_only_immutable:
        flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
        break;
    }
    const std::string name =
        mode == Mode::read_only_immutable ? immutable_uri(path) : path.string();
    const int rc = sqlite3_open_v2(name.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_close(m_db);
        m_db = nullptr;
        fail(nullptr, path, "cannot open database", rc);
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000);
    try {
        if (mode != Mode::read_only && mode != Mode::read_only_immutable)
            execute("PRAGMA journal_mode = WAL");
        // FULL: a play's "started" and "finalised" transitions must survive a power cut.
        execute("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");
    } catch (const SqliteError &error) {
        // A damaged file still opens (no statement can even be prepared on it):
        // each use then says so, the play log keeps its rows elsewhere meanwhile,
        // instead of every program failing here.
        if (error.code() != SQLITE_CORRUPT && error.code() != SQLITE_NOTADB) {
            sqlite3_close_v2(m_db);
            throw;
        }
    }
}

Database::~Database() {
    m_cache.clear();
    sqlite3_close_v2(m_db);
}

void Database::copy_to(const std::filesystem::path &to) {
    sqlite3 *copy = nullptr;
    int rc =
        sqlite3_open_v2(to.c_str(), &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_backup *backup = sqlite3_backup_init(copy, "main", m_db, "main");
        if (backup) {
            sqlite3_backup_step(backup, -1);
            rc = sqlite3_backup_finish(backup);
        } else {
            rc = sqlite3_errcode(copy);
        }
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(copy, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = copy ? sqlite3_errmsg(copy) : sqlite3_errstr(rc);
        sqlite3_close_v2(copy);
        throw SqliteError(
            "cannot copy database " + quote(m_path) + " to " + quote(to) + ": " + message, rc);
    }
    sqlite3_close_v2(copy);
}

void Database::reopen(const std::function<void()> &between) {
    m_cache.clear();
    sqlite3_close_v2(m_db);
    m_db = nullptr;
    between();
    open();
}

void Database::execute(const std::string &sql) {
    char *error = nullptr;
    const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw SqliteError("database " + quote(m_path) + ": " + message, rc & 0xff);
    }
}

long long Database::last_insert_rowid() const noexcept {
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const noexcept {
    return sqlite3_changes(m_db);
}

int Database::user_version() {
    Statement statement(*this, "PRAGMA user_version");
    statement.step();
    const int version = static_cast<int>(statement.column_int(0));
    statement.reset();
    return version;
}

void Database::set_user_version(int version) {
    execute("PRAGMA user_version = " + std::to_string(version));
}

Transaction::Transaction(Database &db) : m_db(db) {
    m_db.cached("BEGIN IMMEDIATE")->run();
}

Transaction::~Transaction() {
    if (!m_done)
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    m_db.cached("COMMIT")->run();
    m_done = true;
}

} // namespace loa::sqlite
