#pragma once
// Statements a connection keeps prepared, keyed by their SQL text, for the SQL run
// on every write (the play log's): preparing costs more than running such a
// statement. A lease hands one out reset, with no bindings, and resets it when it
// ends, so a kept statement never holds a read snapshot between uses. SQL asked
// for again while its statement is leased (a nested use, or another thread on the
// same connection: the control socket's) gets a statement of its own for that
// lease. Leasing is safe from any thread.
#include "lib/sqlite/statement.hpp"

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace loa::sqlite {

class Database;
class StatementCache;

class CachedStatement {
public:
    CachedStatement(CachedStatement &&other) noexcept;
    CachedStatement &operator=(CachedStatement &&) = delete;
    ~CachedStatement();

    Statement &operator*() const noexcept { return *m_statement; }
    Statement *operator->() const noexcept { return m_statement; }

private:
    friend class StatementCache;
    CachedStatement(StatementCache &cache, std::string_view key, Statement &kept)
        : m_statement(&kept), m_cache(&cache), m_key(key) {}
    explicit CachedStatement(std::unique_ptr<Statement> own)
        : m_statement(own.get()), m_own(std::move(own)) {}

    Statement *m_statement;
    StatementCache *m_cache = nullptr; ///< Where the kept one goes back; none for one of its own.
    std::string_view m_key;            ///< The kept one's SQL (the cache's own copy).
    std::unique_ptr<Statement> m_own;
};

class StatementCache {
public:
    /// Leases the statement for `sql` on `db`, preparing it at its first use.
    /// Throws SqliteError as Statement's constructor does.
    CachedStatement lease(Database &db, std::string_view sql);
    /// Finalises the kept statements (before the connection closes or reopens); one
    /// leased now is finalised when its lease ends, and none is handed out again.
    void clear() noexcept;

private:
    friend class CachedStatement;
    void give_back(std::string_view key) noexcept;

    struct Kept {
        std::unique_ptr<Statement> statement;
        bool in_use = false;
        bool retired = false; ///< Of a closed connection: finalised when given back.
    };
    std::mutex m_mutex; ///< Guards m_kept (not the statements: a lease has its own).
    std::unordered_map<std::string, Kept> m_kept;
};

} // namespace loa::sqlite
