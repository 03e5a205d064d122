#include "engine/log_port.hpp"

#include "engine/reasons.hpp"

namespace loa::engine {

Begun LogPort::begin(const playlog::PlayRecord &record, std::optional<TimePoint> scheduled,
                     TimePoint planned) {
    const auto begun = m_log.begin(record, scheduled, planned);
    switch (begun.result) {
    case playlog::Begin::started:
        return {BeginStatus::started, begun.play_id, {}};
    case playlog::Begin::queued:
        return {BeginStatus::queued, begun.play_id, {}};
    case playlog::Begin::already_has_outcome:
        break;
    }
    // The log refused the "started" row (the item already has its outcome): nothing
    // played, and it must not.
    return {BeginStatus::already_has_outcome, 0, reasons::already_has_outcome()};
}

void LogPort::finish(std::int64_t play_id, const playlog::PlayEnd &end) {
    m_log.finish(play_id, end);
}

void LogPort::record_outcome(const playlog::PlayRecord &record, std::optional<TimePoint> scheduled,
                             PlayStatus status, const playlog::Reason &reason,
                             std::optional<TimePoint> planned) {
    m_log.record_outcome(record, scheduled, status, reason, planned);
}

bool LogPort::has_outcome(const std::string &slot, const playlog::CivilDateTime &occurrence,
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
