#include "engine/engine.hpp"

#include "core/error.hpp"
#include "library/library.hpp"
#include "playlog/play_log.hpp"
#include "playout/gain.hpp"
#include "playout/player.hpp"
#include "station/schedule_store.hpp"

#include <algorithm>

namespace loa::engine {
namespace {

using namespace std::chrono_literals;

/// Thrown from the before-first-sample hook to call off a play when stopping.
struct StopRequested {};

/// A start this close to its instant counts as on time for the `late` policy.
constexpr auto on_time_tolerance = 2s;

std::string minutes_text(std::chrono::seconds duration) {
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(duration).count();
    return minutes >= 1 ? std::to_string(minutes) + " min" : std::to_string(duration.count()) + " s";
}

/// Why an occurrence `lateness` late may not play under `policy`, or nothing if it may.
std::optional<std::string> late_refusal(const schedule::LatePolicy &policy, TimePoint::duration lateness) {
    using Kind = schedule::LatePolicy::Kind;
    if (lateness <= on_time_tolerance || policy.kind == Kind::always)
        return std::nullopt;
    const auto late = std::chrono::duration_cast<std::chrono::seconds>(lateness);
    if (policy.kind == Kind::never)
        return "the player was not running at the slot's time (" + minutes_text(late) +
               " late; the slot does not allow late plays)";
    if (late > policy.within)
        return "the player was not running at the slot's time (" + minutes_text(late) +
               " late; the slot allows " + minutes_text(policy.within) + ")";
    return std::nullopt;
}

/// The fields every row of this item shares, whatever its outcome.
playlog::PlayRecord item_record(const schedule::Occurrence &occurrence, std::size_t position,
                                const std::string &schedule_sha256) {
    playlog::PlayRecord record;
    record.slot = occurrence.slot;
    record.position = static_cast<std::int64_t>(position);
    record.announcement = occurrence.items[position];
    record.priority = occurrence.priority;
    record.schedule_sha256 = schedule_sha256;
    return record;
}

} // namespace

Engine::Engine(Clock &clock, station::ScheduleStore &schedules, library::Library &library,
               playlog::PlayLog &log, playout::Player &player, EngineSettings settings)
    : m_clock(clock), m_schedules(schedules), m_library(library), m_log(log), m_player(player),
      m_settings(std::move(settings)) {}

void Engine::run() {
    const int recovered = m_log.recover_unfinished("the player stopped during this play (power cut or crash)");
    if (recovered > 0)
        say("recorded " + std::to_string(recovered) + " play(s) cut short by the last stop as interrupted");
    while (!m_stopping.load()) {
        const TimePoint next = step();
        if (!m_stopping.load())
            m_clock.sleep_until(next);
    }
}

void Engine::stop() noexcept {
    m_stopping.store(true);
    m_player.stop();
    m_clock.wake();
}

TimePoint Engine::step() {
    const TimePoint now = m_clock.now();
    if (m_log.pending_writes() > 0)
        m_log.flush(); // rows that waited for the database (locked, disk full) go in now
    reload_if_changed(now);
    if (!m_schedule)
        return now + 1s;
    const auto horizon = now + m_settings.preroll;
    const auto due = schedule::expand(*m_schedule, m_settled_until, horizon + 1ms, m_settings.zone);
    if (!due.empty()) {
        // One occurrence per step: playing it takes time, so the next step looks again.
        handle(due.front());
        m_settled_until = std::max(m_settled_until, due.front().at + 1ns);
        return m_clock.now();
    }
    m_settled_until = std::max(m_settled_until, horizon + 1ms);
    const auto upcoming = schedule::expand(*m_schedule, m_settled_until, now + 48h, m_settings.zone);
    const TimePoint poll = now + 1s;
    if (upcoming.empty())
        return poll;
    return std::min(poll, upcoming.front().at - m_settings.preroll);
}

void Engine::reload_if_changed(TimePoint now) {
    const long long version = m_schedules.active_version();
    if (version == m_schedule_version)
        return;
    const auto active = m_schedules.active();
    if (!active)
        return;
    auto parsed = schedule::parse(active->content, active->file_name);
    if (!parsed.ok() || !parsed.schedule) {
        say("the active schedule " + active->file_name + " cannot be read any more; keeping the previous one");
        m_schedule_version = version;
        return;
    }
    const bool first = !m_schedule;
    m_schedule = std::move(parsed.schedule);
    m_schedule_version = version;
    m_schedule_sha256 = active->sha256;
    // Occurrences from before the schedule was loaded were never this schedule's to play.
    const TimePoint earliest = std::max(active->loaded_at_instant, now - m_settings.lookback);
    m_settled_until = first ? earliest : std::max(std::min(m_settled_until, now), earliest);
    say("schedule " + active->file_name + " (version " + std::to_string(version) + ") is active");
}

void Engine::handle(const schedule::Occurrence &occurrence) {
    const std::string scheduled_at = m_settings.zone.format_iso(occurrence.at);
    std::optional<std::string> refusal;
    TimePoint planned_start = occurrence.at;
    for (std::size_t position = 0; position < occurrence.items.size() && !m_stopping.load(); ++position) {
        if (m_log.has_outcome(occurrence.slot, scheduled_at, static_cast<std::int64_t>(position)))
            continue;
        const TimePoint now = m_clock.now();
        const playlog::PlayRecord record = item_record(occurrence, position, m_schedule_sha256);
        if (!refusal)
            refusal = late_refusal(occurrence.late, now - occurrence.at);
        const auto local = m_settings.zone.to_local(std::max(now, planned_start));
        const bool quiet = occurrence.priority != Priority::emergency && m_settings.quiet_hours &&
                           m_settings.quiet_hours->contains(
                               std::chrono::duration_cast<std::chrono::seconds>(local.time_of_day));
        if (refusal || quiet) {
            const auto status = refusal ? PlayStatus::missed : PlayStatus::skipped;
            const std::string reason = refusal ? *refusal : "inside the station's quiet hours";
            m_log.record_outcome(record, occurrence.at, status, reason);
            say(scheduled_at + " " + occurrence.slot + " #" + std::to_string(position) + " " +
                record.announcement + ": " + std::string(to_string(status)) + ", " + reason);
            continue;
        }
        // A start in the past plays at once; its lateness is measured from the plan.
        planned_start = play_item(occurrence, position, planned_start) + occurrence.gap;
    }
}

TimePoint Engine::play_item(const schedule::Occurrence &occurrence, std::size_t position,
                            TimePoint planned_start) {
    const std::string &id = occurrence.items[position];
    playlog::PlayRecord record = item_record(occurrence, position, m_schedule_sha256);
    record.device = m_player.device_name();
    const auto announcement = m_library.find(id);
    if (!announcement) {
        m_log.record_outcome(record, occurrence.at, PlayStatus::failed,
                             "announcement '" + id + "' is not in the library; import it with 'loa import'");
        say("cannot play '" + id + "': it is not in the library");
        return planned_start;
    }
    record.title = announcement->title;
    record.campaign = announcement->campaign;
    record.sha256 = announcement->sha256;
    std::optional<std::int64_t> play_id;
    playout::PlayResult result;
    try {
        playout::PlayItem item;
        item.file = m_library.content_path(*announcement);
        item.gain_db = playout::loudness_gain_db(m_settings.loudness_target_lufs, announcement->loudness_lufs,
                                                 announcement->true_peak_dbtp, m_settings.max_boost_db);
        result = m_player.play(item, planned_start, [&] {
            if (m_stopping.load())
                throw StopRequested{};
            play_id = m_log.begin(record, occurrence.at, planned_start);
            say(m_settings.zone.format_iso(planned_start) + " playing " + id + " (" + occurrence.slot + " #" +
                std::to_string(position) + ")");
        });
    } catch (const StopRequested &) {
        return planned_start; // not started: the item stays due for the next start
    } catch (const InputError &error) {
        // The stored file could not be decoded: nothing played.
        m_log.record_outcome(record, occurrence.at, PlayStatus::failed, error.what());
        say("cannot play '" + id + "': " + error.what());
        return planned_start;
    }
    if (!play_id) {
        // Ended before its first sample: stopped (stays due) or the output failed.
        if (result.outcome == playout::PlayOutcome::failed) {
            m_log.record_outcome(record, occurrence.at, PlayStatus::failed, result.error);
            say("cannot play '" + id + "': " + result.error);
        }
        return planned_start;
    }
    playlog::PlayEnd end;
    end.status = result.outcome == playout::PlayOutcome::completed     ? PlayStatus::completed
                 : result.outcome == playout::PlayOutcome::interrupted ? PlayStatus::interrupted
                                                                       : PlayStatus::failed;
    end.started_at = result.started_at;
    end.ended_at = result.ended_at;
    end.underruns = static_cast<std::int64_t>(result.underruns);
    if (!result.error.empty())
        end.error = result.error;
    m_log.finish(*play_id, end);
    say(m_settings.zone.format_iso(result.ended_at) + " " + std::string(to_string(end.status)) + " " + id +
        (result.error.empty() ? "" : ": " + result.error));
    return result.ended_at;
}

void Engine::say(const std::string &message) const {
    if (m_say)
        m_say(message);
}

} // namespace loa::engine
