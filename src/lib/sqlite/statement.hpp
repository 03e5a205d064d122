#pragma once
// A prepared statement with checked binding and stepping. Parameters are bound by
// position, starting at 1; the statement resets itself for reuse.
#include "core/error.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace loa::sqlite {

class Database;

class SqliteError : public Error {
public:
    /// `code` is SQLite's result code, extended or primary.
    SqliteError(const std::string &message, int code) : Error(message), m_code(code) {}
    /// SQLite's primary result code (SQLITE_FULL, SQLITE_BUSY, ...).
    int code() const noexcept { return m_code & 0xff; }
    /// The extended code where SQLite gave one (SQLITE_CONSTRAINT_UNIQUE, ...), else the primary.
    int extended_code() const noexcept { return m_code; }

private:
    int m_code;
};

class Statement {
public:
    /// Prepares `sql` on `db`. Throws SqliteError naming the database file.
    Statement(Database &db, std::string_view sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, std::string_view value);
    Statement &bind(int index, const char *value) { return bind(index, std::string_view(value)); }
    Statement &bind(int index, const std::string &value) {
        return bind(index, std::string_view(value));
    }
    Statement &bind_null(int index);
    template <typename T> Statement &bind(int index, const std::optional<T> &value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    /// Advances to the next row; false when done (then the statement is reset).
    /// Throws SqliteError (constraint violations included).
    bool step();
    /// Runs a statement that returns no rows.
    void run();

    bool is_null(int column) const;
    std::int64_t column_int(int column) const;
    double column_double(int column) const;
    std::string column_text(int column) const;
    std::optional<std::string> column_optional_text(int column) const;
    /// The column's text without a copy; valid until the next step() or reset().
    std::string_view column_view(int column) const;
    int column_count() const;

    /// Clears bindings and resets the statement.
    void reset();

private:
    Database &m_db;
    sqlite3_stmt *m_statement = nullptr;
};

} // namespace loa::sqlite
