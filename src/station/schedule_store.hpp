#pragma once
// The versions of the schedule an operator has loaded. Loading stores the file's
// content, so what was active at any time can be shown and reported later.
#include "core/clock.hpp"

#include <optional>
#include <string>
#include <vector>

namespace loa::sqlite {
class Database;
}

namespace loa::station {

struct ScheduleVersion {
    long long version = 0;
    std::string sha256;
    std::string file_name;
    std::string content;
    std::string loaded_at; ///< ISO 8601, station offset.
    TimePoint loaded_at_instant;
    bool active = false;
};

class ScheduleStore {
public:
    explicit ScheduleStore(sqlite::Database &db) : m_db(db) {}

    /// Stores `content` as the new active version, in one transaction.
    long long activate(const std::string &file_name, const std::string &content,
                       const std::string &loaded_at, TimePoint loaded_at_instant);

    std::optional<ScheduleVersion> active() const;
    /// Just the active version's number (cheap; the player polls it). 0 if none.
    long long active_version() const;
    std::vector<ScheduleVersion> history() const;

private:
    sqlite::Database &m_db;
};

} // namespace loa::station
