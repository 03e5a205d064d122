#include "lib/sqlite/statement.hpp"

#include "lib/sqlite/database.hpp"

#include <sqlite3.h>

namespace loa::sqlite {

Statement::Statement(Database &db, std::string_view sql) : m_db(db) {
    const int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()),
                                      &m_statement, nullptr);
    if (rc != SQLITE_OK)
        throw SqliteError("database " + quote(db.path()) + ": " + sqlite3_errmsg(db.handle()) +
                              " (in: " + std::string(sql) + ")",
                          rc & 0xff);
}

Statement::~Statement() {
    sqlite3_finalize(m_statement);
}

namespace {
void check_bind(int rc, Database &db) {
    if (rc != SQLITE_OK)
        throw SqliteError("database " + quote(db.path()) + ": " + sqlite3_errmsg(db.handle()),
                          rc & 0xff);
}
} // namespace

Statement &Statement::bind(int index, std::int64_t value) {
    check_bind(sqlite3_bind_int64(m_statement, index, value), m_db);
    return *this;
}

Statement &Statement::bind(int index, double value) {
    check_bind(sqlite3_bind_double(m_statement, index, value), m_db);
    return *this;
}

Statement &Statement::bind(int index, std::string_view value) {
    check_bind(sqlite3_bind_text(m_statement, index, value.data(), static_cast<int>(value.size()),
                                 SQLITE_TRANSIENT),
               m_db);
    return *this;
}

Statement &Statement::bind_null(int index) {
    check_bind(sqlite3_bind_null(m_statement, index), m_db);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE) {
        reset();
        return false;
    }
    const std::string message = sqlite3_errmsg(m_db.handle());
    reset();
    std::string hint;
    if ((rc & 0xff) == SQLITE_FULL)
        hint = "; the disk is full, free some space";
    throw SqliteError("database " + quote(m_db.path()) + ": " + message + hint, rc);
}

void Statement::run() {
    while (step()) {
    }
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

std::int64_t Statement::column_int(int column) const {
    return sqlite3_column_int64(m_statement, column);
}

double Statement::column_double(int column) const {
    return sqlite3_column_double(m_statement, column);
}

std::string Statement::column_text(int column) const {
    const auto *text = sqlite3_column_text(m_statement, column);
    const int size = sqlite3_column_bytes(m_statement, column);
    return text ? std::string(reinterpret_cast<const char *>(text), static_cast<std::size_t>(size))
                : std::string();
}

std::optional<std::string> Statement::column_optional_text(int column) const {
    if (is_null(column))
        return std::nullopt;
    return column_text(column);
}

std::string_view Statement::column_view(int column) const {
    const auto *text = sqlite3_column_text(m_statement, column);
    const int size = sqlite3_column_bytes(m_statement, column);
    return text ? std::string_view(reinterpret_cast<const char *>(text),
                                   static_cast<std::size_t>(size))
                : std::string_view();
}

int Statement::column_count() const {
    return sqlite3_column_count(m_statement);
}

void Statement::reset() {
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

} // namespace loa::sqlite
