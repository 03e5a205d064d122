#pragma once
// Statements a connection keeps prepared, keyed by their SQL text, for the SQL run
// on every write (the play log's): preparing costs more than running such a
// statement. A lease hands one out reset, with no bindings, and resets it when it
// ends, so a kept statement never holds a read snapshot between uses. SQL asked
// for again while its statement is leased (a nested use) gets a statement of its
// own for that lease.
#include "lib/sqlite/statement.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace loa::sqlite {

class Database;

class CachedStatement {
public:
    CachedStatement(CachedStatement &&other) noexcept;
    CachedStatement &operator=(CachedStatement &&) = delete;
    ~CachedStatement();

    Statement &operator*() const noexcept { return *m_statement; }
    Statement *operator->() const noexcept { return m_statement; }

private:
    friend class StatementCache;
    CachedStatement(Statement &kept, bool &in_use) : m_statement(&kept), m_in_use(&in_use) {}
    explicit CachedStatement(std::unique_ptr<Statement> own)
        : m_statement(own.get()), m_own(std::move(own)) {}

    Statement *m_statement;
    bool *m_in_use = nullptr; ///< The kept statement's flag; none for a statement of its own.
    std::unique_ptr<Statement> m_own;
};

class StatementCache {
public:
    /// Leases the statement for `sql` on `db`, preparing it at its first use.
    /// Throws SqliteError as Statement's constructor does.
    CachedStatement lease(Database &db, std::string_view sql);
    /// Finalises every kept statement (before the connection closes). No lease
    /// may be outstanding.
    void clear() noexcept { m_kept.clear(); }

private:
    struct Kept {
        std::unique_ptr<Statement> statement;
        bool in_use = false;
    };
    std::unordered_map<std::string, Kept> m_kept;
};

} // namespace loa::sqlite
