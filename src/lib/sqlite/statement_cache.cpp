#include "lib/sqlite/statement_cache.hpp"

namespace loa::sqlite {

CachedStatement::CachedStatement(CachedStatement &&other) noexcept
    : m_statement(other.m_statement), m_in_use(other.m_in_use), m_own(std::move(other.m_own)) {
    other.m_statement = nullptr;
    other.m_in_use = nullptr;
}

CachedStatement::~CachedStatement() {
    if (!m_statement)
        return;
    m_statement->reset();
    if (m_in_use)
        *m_in_use = false;
}

CachedStatement StatementCache::lease(Database &db, std::string_view sql) {
    auto found = m_kept.find(std::string(sql));
    if (found == m_kept.end())
        found = m_kept.emplace(std::string(sql), Kept{std::make_unique<Statement>(db, sql)}).first;
    Kept &kept = found->second;
    if (kept.in_use)
        return CachedStatement(std::make_unique<Statement>(db, sql));
    kept.in_use = true;
    return CachedStatement(*kept.statement, kept.in_use);
}

} // namespace loa::sqlite
