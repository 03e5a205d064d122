#include "station/schedule_store.hpp"

#include "core/sha256.hpp"
#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"

namespace loa::station {
namespace {

constexpr const char *columns =
    "SELECT version, sha256, file_name, content, loaded_at, active, loaded_ms FROM schedules ";

ScheduleVersion read_version(const sqlite::Statement &row) {
    return ScheduleVersion{
        row.column_int(0),     row.column_text(1),
        row.column_text(2),    row.column_text(3),
        row.column_text(4),    TimePoint{std::chrono::milliseconds{row.column_int(6)}},
        row.column_int(5) != 0};
}

} // namespace

long long ScheduleStore::activate(const std::string &file_name, const std::string &content,
                                  const std::string &loaded_at, TimePoint loaded_at_instant) {
    sqlite::Transaction transaction(m_db);
    m_db.execute("UPDATE schedules SET active = 0 WHERE active = 1");
    sqlite::Statement insert(
        m_db, "INSERT INTO schedules (sha256, file_name, content, loaded_at, loaded_ms, active) "
              "VALUES (?1, ?2, ?3, ?4, ?5, 1)");
    const auto loaded_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(loaded_at_instant.time_since_epoch());
    insert.bind(1, Sha256::of(content)).bind(2, file_name).bind(3, content).bind(4, loaded_at);
    insert.bind(5, static_cast<std::int64_t>(loaded_ms.count())).run();
    const long long version = m_db.last_insert_rowid();
    transaction.commit();
    return version;
}

std::optional<ScheduleVersion> ScheduleStore::active() const {
    sqlite::Statement select(m_db, std::string(columns) + "WHERE active = 1");
    if (!select.step())
        return std::nullopt;
    auto version = read_version(select);
    select.reset();
    return version;
}

long long ScheduleStore::active_version() const {
    // Kept prepared: the engine asks before every play whether the schedule changed.
    const auto select = m_db.cached("SELECT version FROM schedules WHERE active = 1");
    if (!select->step())
        return 0;
    return select->column_int(0);
}

std::vector<ScheduleVersion> ScheduleStore::history() const {
    sqlite::Statement select(m_db, std::string(columns) + "ORDER BY version");
    std::vector<ScheduleVersion> versions;
    while (select.step())
        versions.push_back(read_version(select));
    return versions;
}

} // namespace loa::station
