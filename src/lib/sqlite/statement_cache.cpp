#include "lib/sqlite/statement_cache.hpp"

namespace loa::sqlite {

CachedStatement::CachedStatement(CachedStatement &&other) noexcept
    : m_statement(other.m_statement), m_cache(other.m_cache), m_key(other.m_key),
      m_own(std::move(other.m_own)) {
    other.m_statement = nullptr;
    other.m_cache = nullptr;
}

CachedStatement::~CachedStatement() {
    if (!m_statement)
        return;
    m_statement->reset();
    if (m_cache)
        m_cache->give_back(m_key);
}

CachedStatement StatementCache::lease(Database &db, std::string_view sql) {
    {
        const std::lock_guard lock(m_mutex);
        auto found = m_kept.find(std::string(sql));
        if (found == m_kept.end())
            found =
                m_kept.emplace(std::string(sql), Kept{std::make_unique<Statement>(db, sql)}).first;
        Kept &kept = found->second; // map nodes stay put while the map grows
        if (!kept.in_use && !kept.retired) {
            kept.in_use = true;
            return CachedStatement(*this, found->first, *kept.statement);
        }
    }
    return CachedStatement(std::make_unique<Statement>(db, sql));
}

void StatementCache::give_back(std::string_view key) noexcept {
    const std::lock_guard lock(m_mutex);
    const auto found = m_kept.find(std::string(key));
    if (found == m_kept.end())
        return;
    found->second.in_use = false;
    if (found->second.retired)
        m_kept.erase(found);
}

void StatementCache::clear() noexcept {
    const std::lock_guard lock(m_mutex);
    for (auto it = m_kept.begin(); it != m_kept.end();) {
        if (it->second.in_use) {
            it->second.retired = true;
            ++it;
        } else {
            it = m_kept.erase(it);
        }
    }
}

} // namespace loa::sqlite
