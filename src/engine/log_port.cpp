#include "engine/log_port.hpp"

#include "engine/reasons.hpp"
#include "lib/sqlite/statement.hpp"

namespace loa::engine {

Begun LogPort::begin(const playlog::PlayRecord &record, std::optional<TimePoint> scheduled,
                     TimePoint planned) {
    Begun begun;
    try {
        begun.play_id = m_log.begin(record, scheduled, planned);
    } catch (const sqlite::SqliteError &error) {
        // The log refused the "started" row (the item already has its outcome, as
        // the unique index says): nothing played, and it must not.
        begun.status = BeginStatus::already_has_outcome;
        begun.refusal = error.what();
        return begun;
    }
    begun.status = begun.play_id < 0 ? BeginStatus::queued : BeginStatus::started;
    return begun;
}

void LogPort::finish(std::int64_t play_id, const playlog::PlayEnd &end) {
    m_log.finish(play_id, end);
}

void LogPort::record_outcome(const playlog::PlayRecord &record, std::optional<TimePoint> scheduled,
                             PlayStatus status, const std::string &reason,
                             std::optional<TimePoint> planned) {
    m_log.record_outcome(record, scheduled, status, reason, planned);
}

bool LogPort::has_outcome(const std::string &slot, const std::string &occurrence,
                          std::int64_t position) {
    return m_log.has_outcome(slot, occurrence, position);
}

int LogPort::recover_unfinished() {
    return m_log.recover_unfinished(reasons::crash_cut());
}

bool LogPort::flush() {
    return m_log.pending_writes() == 0 || m_log.flush();
}

} // namespace loa::engine
