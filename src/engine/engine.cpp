#include "engine/engine.hpp"

#include "core/error.hpp"
#include "core/time_of_day.hpp"
#include "library/library.hpp"
#include "playlog/play_log.hpp"
#include "playout/gain.hpp"
#include "playout/player.hpp"
#include "station/schedule_store.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstdio>

namespace loa::engine {
namespace {

using namespace std::chrono_literals;

/// Thrown from the before-first-sample hook to call off a play (stopping, or an
/// emergency came first): nothing was played and the item stays due.
struct CalledOff {};
/// The play log refused the item's "started" row: it already has its outcome.
struct AlreadyHasOutcome {};

/// A start this close to its instant counts as on time for the `late` policy.
constexpr auto on_time_tolerance = 2s;
/// The clock moving this much more (or less) than the engine slept is a clock step.
constexpr auto jump_tolerance = 5s;
/// A scheduled emergency stops what plays this long before its instant (the fade
/// takes at most 300 ms), so it starts on time.
constexpr auto emergency_lead = 500ms;
/// Without a heartbeat and with nothing scheduled, look again after this long.
constexpr auto nothing_scheduled_wait = 24h;
/// How far ahead status() lists the next occurrences.
constexpr auto status_horizon = 8 * 24h;
constexpr std::size_t status_next = 5;
constexpr std::size_t status_problems = 10;

std::string minutes_text(std::chrono::seconds duration) {
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(duration).count();
    return minutes >= 1 ? std::to_string(minutes) + " min" : std::to_string(duration.count()) + " s";
}

/// The occurrence's identity: its slot's civil date and time of day, as scheduled.
std::string identity_of(const schedule::Occurrence &occurrence) {
    const auto seconds = occurrence.time_of_day.count();
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02lld:%02lld:%02lld", static_cast<int>(occurrence.date.year()),
                  static_cast<unsigned>(occurrence.date.month()), static_cast<unsigned>(occurrence.date.day()),
                  static_cast<long long>(seconds / 3600), static_cast<long long>(seconds / 60 % 60),
                  static_cast<long long>(seconds % 60));
    return text;
}

std::string resume_key(const std::string &slot, const std::string &identity, std::size_t position) {
    return slot + '\n' + identity + '\n' + std::to_string(position);
}

/// The fields every row of this item shares, whatever its outcome.
playlog::PlayRecord item_record(const schedule::Occurrence &occurrence, std::size_t position,
                                const std::string &schedule_sha256) {
    playlog::PlayRecord record;
    record.slot = occurrence.slot;
    record.occurrence = playlog::CivilDateTime{occurrence.date, occurrence.time_of_day};
    record.position = static_cast<std::int64_t>(position);
    record.announcement = occurrence.items[position];
    record.priority = occurrence.priority;
    record.trigger = Trigger::scheduled;
    record.schedule_sha256 = schedule_sha256;
    return record;
}

int rank(Priority priority) {
    return -static_cast<int>(priority);
}

} // namespace

Engine::Engine(Clock &clock, station::ScheduleStore &schedules, library::Library &library,
               playlog::PlayLog &log, playout::Player &player, EngineSettings settings)
    : Engine(clock, schedules, library, log, *new PlayerOutput(player, clock), std::move(settings)) {
    m_own_output.reset(&m_output);
}

Engine::Engine(Clock &clock, station::ScheduleStore &schedules, library::Library &library,
               playlog::PlayLog &log, Output &output, EngineSettings settings)
    : m_clock(clock), m_schedules(schedules), m_library(library), m_log(log), m_output(output),
      m_settings(std::move(settings)), m_device(output.device_name()) {
    const TimePoint now = m_clock.now();
    // Whatever was due before this engine existed, it was not there to play.
    m_gaps.push_back({TimePoint::min(), now, "the player was not running at the slot's time"});
    std::lock_guard lock(m_status_mutex);
    m_status.device = m_device;
}

Engine::~Engine() = default;

void Engine::run() {
    set_state(EngineState::starting);
    const int recovered = m_log.recover_unfinished("the player stopped during this play (power cut or crash)");
    if (recovered > 0) {
        const std::string message =
            "recorded " + std::to_string(recovered) + " play(s) cut short by the last stop as interrupted";
        say(message);
        problem(message);
    }
    while (!m_stopping.load()) {
        const TimePoint next = step();
        if (m_stopping.load())
            break;
        heartbeat();
        TimePoint wake_at = next;
        if (m_settings.heartbeat_interval && m_heartbeat)
            wake_at = std::min(wake_at, m_next_heartbeat);
        m_clock.sleep_until(wake_at);
    }
    set_state(EngineState::stopping);
}

void Engine::stop() noexcept {
    m_stopping.store(true);
    set_state(EngineState::stopping);
    m_output.stop();
    m_clock.wake();
}

void Engine::reload() noexcept {
    m_reload_requested.store(true);
    m_clock.wake();
}

void Engine::request_play(const std::string &announcement, Priority priority) {
    if (!m_library.find(announcement))
        throw InputError("announcement '" + announcement + "' is not in the library; 'loa list' shows the ids");
    {
        std::lock_guard lock(m_request_mutex);
        Request request{announcement, priority, {}, std::nullopt};
        // Emergencies before everything else waiting; the rest in the order asked.
        if (priority == Priority::emergency) {
            const auto first_other = std::find_if(m_requests.begin(), m_requests.end(), [](const Request &r) {
                return r.priority != Priority::emergency;
            });
            m_requests.insert(first_other, std::move(request));
        } else {
            m_requests.push_back(std::move(request));
        }
    }
    if (priority == Priority::emergency && m_on_air.load() && !m_on_air_emergency.load()) {
        m_preempting.store(true);
        m_output.stop();
    }
    m_clock.wake();
}

EngineStatus Engine::status() const {
    std::lock_guard lock(m_status_mutex);
    return m_status;
}

void Engine::set_state(EngineState state) {
    std::lock_guard lock(m_status_mutex);
    m_status.state = state;
}

void Engine::problem(const std::string &message) {
    std::lock_guard lock(m_status_mutex);
    m_status.problems.push_back({m_clock.now(), message});
    if (m_status.problems.size() > status_problems)
        m_status.problems.erase(m_status.problems.begin());
}

void Engine::heartbeat() {
    if (!m_heartbeat || !m_settings.heartbeat_interval)
        return;
    const TimePoint now = m_clock.now();
    // After a backward clock step the next beat would be far ahead: beat now.
    if (now < m_next_heartbeat && m_next_heartbeat - now <= *m_settings.heartbeat_interval)
        return;
    m_heartbeat();
    m_next_heartbeat = now + *m_settings.heartbeat_interval;
}

std::optional<Engine::Request> Engine::take_request() {
    std::lock_guard lock(m_request_mutex);
    if (m_requests.empty())
        return std::nullopt;
    Request request = std::move(m_requests.front());
    m_requests.pop_front();
    return request;
}

bool Engine::request_waiting() const {
    std::lock_guard lock(m_request_mutex);
    return !m_requests.empty();
}

bool Engine::emergency_waiting() const {
    std::lock_guard lock(m_request_mutex);
    return !m_requests.empty() && m_requests.front().priority == Priority::emergency;
}

void Engine::note_clock(TimePoint now) {
    if (m_expected_wake && now > *m_expected_wake + jump_tolerance) {
        // The engine meant to run at m_expected_wake; the clock says much later.
        const std::string message = "the system clock jumped forward from " +
                                    m_settings.zone.format_iso(*m_expected_wake) + " to " +
                                    m_settings.zone.format_iso(now) + " (or the computer was suspended)";
        m_gaps.push_back({*m_expected_wake, now, message});
        say(message);
        problem(message);
    } else if (m_last_now && now + jump_tolerance < *m_last_now) {
        const std::string message = "the system clock went back from " + m_settings.zone.format_iso(*m_last_now) +
                                    " to " + m_settings.zone.format_iso(now) +
                                    "; what already played will not play again";
        say(message);
        problem(message);
    }
    m_last_now = now;
    m_expected_wake.reset();
}

TimePoint Engine::step() {
    const TimePoint now = m_clock.now();
    note_clock(now);
    if (m_log.pending_writes() > 0)
        m_log.flush(); // rows that waited for the database (locked, disk full) go in now
    reload_if_changed(now);
    {
        std::lock_guard lock(m_status_mutex);
        m_status.log_problem = m_log.write_problem();
        m_status.pending_log_rows = m_log.pending_writes();
    }
    if (auto request = take_request()) {
        play_request(std::move(*request));
        return *(m_expected_wake = after_work());
    }
    if (m_schedule) {
        collect_due(now);
        if (!m_due.empty()) {
            // The highest priority first; equal priorities in time order.
            const auto best = std::min_element(m_due.begin(), m_due.end(), [](const Due &a, const Due &b) {
                return std::make_pair(rank(a.occurrence.priority), a.occurrence.at) <
                       std::make_pair(rank(b.occurrence.priority), b.occurrence.at);
            });
            const auto index = static_cast<std::size_t>(best - m_due.begin());
            if (handle(m_due[index]) && !m_stopping.load())
                m_due.erase(m_due.begin() + static_cast<std::ptrdiff_t>(index));
            return *(m_expected_wake = after_work());
        }
    }
    publish_idle(now);
    TimePoint next = now + nothing_scheduled_wait;
    if (m_schedule) {
        const auto upcoming = schedule::expand(*m_schedule, m_settled_until, now + 48h, m_settings.zone);
        if (!upcoming.empty())
            next = std::max(now, upcoming.front().at - m_settings.preroll);
    }
    return *(m_expected_wake = next);
}

std::optional<std::jthread> Engine::beat_while_playing(std::chrono::steady_clock::duration expected) {
    if (!m_heartbeat || !m_settings.heartbeat_interval)
        return std::nullopt;
    const auto interval = *m_settings.heartbeat_interval;
    return std::jthread([this, interval, give_up = std::chrono::steady_clock::now() + expected](
                            std::stop_token stop) {
        std::mutex mutex;
        std::condition_variable_any never;
        std::unique_lock lock(mutex);
        while (std::chrono::steady_clock::now() < give_up) {
            never.wait_for(lock, stop, interval, [] { return false; });
            if (stop.stop_requested())
                return;
            m_heartbeat();
        }
    });
}

TimePoint Engine::after_work() {
    const TimePoint now = m_clock.now();
    if (!m_hold_until)
        return now;
    const TimePoint hold = std::max(now, *m_hold_until);
    m_hold_until.reset();
    return hold;
}

void Engine::collect_due(TimePoint now) {
    const TimePoint horizon = now + m_settings.preroll + 1ms;
    if (horizon <= m_settled_until)
        return;
    for (auto &occurrence : schedule::expand(*m_schedule, m_settled_until, horizon, m_settings.zone)) {
        std::string identity = identity_of(occurrence);
        m_due.push_back({std::move(occurrence), std::move(identity), false, std::nullopt});
    }
    m_settled_until = horizon;
}

void Engine::publish_idle(TimePoint now) {
    std::vector<UpcomingOccurrence> next;
    if (m_schedule) {
        const auto upcoming = schedule::expand(*m_schedule, std::max(m_settled_until, now), now + status_horizon,
                                               m_settings.zone);
        for (std::size_t i = 0; i < upcoming.size() && next.size() < status_next; ++i)
            next.push_back({upcoming[i].slot, upcoming[i].at, upcoming[i].priority, upcoming[i].items});
    }
    std::lock_guard lock(m_status_mutex);
    if (m_status.state != EngineState::stopping)
        m_status.state = !m_schedule ? EngineState::no_schedule
                         : m_device_failed_at ? EngineState::device_unavailable
                                              : EngineState::idle;
    m_status.now_playing.reset();
    m_status.next = std::move(next);
}

void Engine::reload_if_changed(TimePoint now) {
    m_reload_requested.store(false);
    const long long version = m_schedules.active_version();
    if (version == m_schedule_version)
        return;
    const auto active = m_schedules.active();
    if (!active)
        return;
    auto parsed = schedule::parse(active->content, active->file_name);
    if (!parsed.ok() || !parsed.schedule) {
        const std::string message =
            "the active schedule " + active->file_name + " cannot be read any more; keeping the previous one";
        say(message);
        problem(message);
        m_schedule_version = version;
        return;
    }
    const bool first = !m_schedule;
    m_schedule = std::move(parsed.schedule);
    m_schedule_version = version;
    m_schedule_sha256 = active->sha256;
    m_schedule_file = active->file_name;
    // Occurrences from before the schedule was loaded were never this schedule's to play.
    const TimePoint earliest = std::max(active->loaded_at_instant, now - m_settings.lookback);
    // What waited under the old schedule is looked at again under the new one; what
    // already has its outcome is known by its identity and does not play again.
    TimePoint from = first ? earliest : std::min(m_settled_until, now);
    for (const Due &due : m_due)
        from = std::min(from, due.occurrence.at);
    m_due.clear();
    m_settled_until = std::max(from, earliest);
    {
        std::lock_guard lock(m_status_mutex);
        m_status.schedule_version = version;
        m_status.schedule_file = m_schedule_file;
    }
    say("schedule " + active->file_name + " (version " + std::to_string(version) + ") is active");
}

std::string Engine::why_late(TimePoint at) const {
    for (auto gap = m_gaps.rbegin(); gap != m_gaps.rend(); ++gap)
        if (at >= gap->from && at < gap->to)
            return gap->reason;
    if (m_device_failed_at && at >= *m_device_failed_at)
        return "the sound device failed";
    return "the player was busy with earlier plays";
}

bool Engine::in_quiet_hours(TimePoint instant) const {
    if (!m_settings.quiet_hours)
        return false;
    const auto local = m_settings.zone.to_local(instant);
    return m_settings.quiet_hours->contains(std::chrono::duration_cast<std::chrono::seconds>(local.time_of_day));
}

std::optional<TimePoint> Engine::next_emergency(TimePoint until) const {
    if (!m_schedule)
        return std::nullopt;
    std::optional<TimePoint> first;
    for (const Due &due : m_due)
        if (due.occurrence.priority == Priority::emergency)
            first = std::min(first.value_or(due.occurrence.at), due.occurrence.at);
    const auto horizon = until + m_settings.preroll;
    if (horizon > m_settled_until)
        for (const auto &occurrence : schedule::expand(*m_schedule, m_settled_until, horizon, m_settings.zone))
            if (occurrence.priority == Priority::emergency) {
                first = std::min(first.value_or(occurrence.at), occurrence.at);
                break;
            }
    return first;
}

bool Engine::emergency_due(const Due &current, TimePoint now) const {
    if (current.occurrence.priority == Priority::emergency)
        return false;
    const TimePoint horizon = now + m_settings.preroll + 1ms;
    for (const Due &other : m_due)
        if (&other != &current && other.occurrence.priority == Priority::emergency && other.occurrence.at < horizon)
            return true;
    if (horizon <= m_settled_until)
        return false;
    const auto coming = schedule::expand(*m_schedule, m_settled_until, horizon, m_settings.zone);
    return std::any_of(coming.begin(), coming.end(),
                       [](const schedule::Occurrence &o) { return o.priority == Priority::emergency; });
}

const Engine::Due *Engine::later_due_of_same_slot(const Due &due, TimePoint now) const {
    const Due *latest = nullptr;
    for (const Due &other : m_due)
        if (&other != &due && other.occurrence.slot == due.occurrence.slot &&
            other.occurrence.at > due.occurrence.at && other.occurrence.at <= now &&
            (!latest || other.occurrence.at > latest->occurrence.at))
            latest = &other;
    return latest;
}

bool Engine::handle(Due &due) {
    const schedule::Occurrence &occurrence = due.occurrence;
    // When each item should start if everything before it played on time.
    std::vector<std::optional<library::Announcement>> announcements;
    std::vector<TimePoint> planned;
    TimePoint at = occurrence.at;
    for (const auto &id : occurrence.items) {
        planned.push_back(at);
        announcements.push_back(m_library.find(id));
        at += std::chrono::milliseconds(announcements.back() ? announcements.back()->duration_ms : 0) +
              occurrence.gap;
    }
    std::optional<TimePoint> next_start; // set once an item has played in this pass
    for (std::size_t position = 0; position < occurrence.items.size(); ++position) {
        if (m_stopping.load())
            return false;
        if (m_log.has_outcome(occurrence.slot, playlog::CivilDateTime{occurrence.date, occurrence.time_of_day},
                              static_cast<std::int64_t>(position)))
            continue;
        const TimePoint now = m_clock.now();
        if (!due.decided) {
            // Decided once, for the first item still to play, measured from its own plan.
            due.decided = true;
            const auto lateness = now - planned[position];
            using Kind = schedule::LatePolicy::Kind;
            if (lateness > on_time_tolerance) {
                if (const auto later = later_due_of_same_slot(due, now))
                    due.refusal = why_late(planned[position]) + "; the same slot's later time " +
                                  format_date(later->occurrence.date) + " " +
                                  format_time_of_day(later->occurrence.time_of_day) +
                                  " plays instead, not both";
            }
            if (!due.refusal && lateness > on_time_tolerance && occurrence.late.kind != Kind::always) {
                const auto late = std::chrono::duration_cast<std::chrono::seconds>(lateness);
                if (occurrence.late.kind == Kind::never)
                    due.refusal = why_late(planned[position]) + " (" + minutes_text(late) +
                                  " late; the slot does not allow late plays)";
                else if (late > occurrence.late.within)
                    due.refusal = why_late(planned[position]) + " (" + minutes_text(late) +
                                  " late; the slot allows " + minutes_text(occurrence.late.within) + ")";
            }
        } else if (next_start && (request_waiting() || emergency_due(due, now))) {
            return false; // a request, or a scheduled emergency, goes first between two items
        }
        playlog::PlayRecord record = item_record(occurrence, position, m_schedule_sha256);
        const TimePoint planned_start = next_start ? std::max(*next_start, occurrence.at) : planned[position];
        if (due.refusal || (occurrence.priority != Priority::emergency &&
                            in_quiet_hours(std::max(now, planned_start)))) {
            const auto status = due.refusal ? PlayStatus::missed : PlayStatus::skipped;
            const std::string reason = due.refusal ? *due.refusal : "inside the station's quiet hours";
            m_log.record_outcome(record, occurrence.at, status, reason);
            say(m_settings.zone.format_iso(occurrence.at) + " " + occurrence.slot + " #" +
                std::to_string(position) + " " + record.announcement + ": " + std::string(to_string(status)) +
                ", " + reason);
            continue;
        }
        if (!announcements[position]) {
            record.device = m_device;
            const std::string reason = "announcement '" + record.announcement +
                                       "' is not in the library; import it with 'loa import'";
            m_log.record_outcome(record, occurrence.at, PlayStatus::failed, reason);
            say("cannot play '" + record.announcement + "': it is not in the library");
            problem(reason);
            continue;
        }
        const std::string key = resume_key(occurrence.slot, due.identity, position);
        std::chrono::milliseconds offset{0};
        if (const auto resume = m_resume.find(key); resume != m_resume.end()) {
            record.resumes = resume->second.interrupted_play_id;
            if (occurrence.on_interrupt == schedule::InterruptPolicy::resume)
                offset = resume->second.position;
            record.offset_ms = offset.count();
        }
        const bool followed = occurrence.gap == 0ms && position + 1 < occurrence.items.size();
        const Attempt attempt = play(record, *announcements[position], occurrence.at,
                                     std::max(planned_start, occurrence.at), planned[position], offset, followed);
        if (!attempt.finished)
            return false; // called off before its first sample: it stays due
        m_resume.erase(key);
        if (attempt.preempted) {
            m_resume[key] = {attempt.position, attempt.play_id};
            return false;
        }
        next_start = attempt.ended_at + occurrence.gap;
        heartbeat();
    }
    return true;
}

void Engine::play_request(Request request) {
    const auto announcement = m_library.find(request.announcement);
    playlog::PlayRecord record;
    record.announcement = request.announcement;
    record.priority = request.priority;
    record.trigger = request.priority == Priority::emergency ? Trigger::emergency : Trigger::manual;
    record.resumes = request.resumes;
    if (request.resumes)
        record.offset_ms = request.start_offset.count();
    const TimePoint now = m_clock.now();
    if (!announcement) {
        record.device = m_device;
        m_log.record_outcome(record, std::nullopt, PlayStatus::failed,
                             "announcement '" + request.announcement + "' is not in the library any more", now);
        return;
    }
    if (request.priority != Priority::emergency && in_quiet_hours(now)) {
        m_log.record_outcome(record, std::nullopt, PlayStatus::skipped,
                             "inside the station's quiet hours (only an emergency plays then)", now);
        say("not playing '" + request.announcement + "' now: inside the station's quiet hours");
        return;
    }
    const Attempt attempt = play(record, *announcement, std::nullopt, now, now, request.start_offset, false);
    if (attempt.preempted) {
        // A manual play an emergency interrupted goes on after it, like a scheduled one.
        std::lock_guard lock(m_request_mutex);
        const auto first_other = std::find_if(m_requests.begin(), m_requests.end(), [](const Request &r) {
            return r.priority != Priority::emergency;
        });
        m_requests.insert(first_other, Request{request.announcement, request.priority, attempt.position,
                                               attempt.play_id});
    } else if (!attempt.finished && !m_stopping.load()) {
        std::lock_guard lock(m_request_mutex);
        const auto first_other = std::find_if(m_requests.begin(), m_requests.end(), [](const Request &r) {
            return r.priority != Priority::emergency;
        });
        m_requests.insert(first_other, std::move(request));
    }
}

Engine::Attempt Engine::play(playlog::PlayRecord record, const library::Announcement &announcement,
                             std::optional<TimePoint> scheduled, TimePoint start_at, TimePoint planned,
                             std::chrono::milliseconds start_offset, bool followed) {
    Attempt attempt;
    const std::string id = record.announcement;
    record.device = m_device;
    record.clock_synced = m_clock.synchronised();
    record.title = announcement.title;
    record.campaign = announcement.campaign;
    record.sha256 = announcement.sha256;
    const bool emergency = record.priority == Priority::emergency;
    const std::string what = record.slot ? *record.slot + " #" + std::to_string(*record.position)
                                         : std::string(to_string(record.trigger));
    std::optional<std::int64_t> play_id;
    playout::PlayResult result;
    std::optional<TimePoint> stop_at; ///< A scheduled emergency's pre-roll, if it comes during this item.
    m_preempting.store(false);
    try {
        playout::PlayItem item;
        item.file = m_library.content_path(announcement);
        item.gain_db = playout::loudness_gain_db(m_settings.loudness_target_lufs, announcement.loudness_lufs,
                                                 announcement.true_peak_dbtp, m_settings.max_boost_db);
        // Import measured a mono file as one channel; the player sends it to both
        // channels of the card, where it sounds 3 dB louder. (A mono card would play it
        // 3 dB under the target: station outputs are stereo.)
        if (announcement.channels == 1)
            item.gain_db += playout::mono_spread_db;
        item.start_offset = start_offset;
        item.followed = followed;
        const auto length = std::chrono::milliseconds(announcement.duration_ms);
        if (const auto due = emergency ? std::nullopt
                                       : next_emergency(std::max(start_at, m_clock.now()) + length - start_offset)) {
            stop_at = *due - emergency_lead;
            if (*stop_at <= std::max(start_at, m_clock.now())) {
                // Too close to start anything: wait for the emergency's pre-roll.
                m_hold_until = *due - m_settings.preroll;
                return attempt;
            }
        }
        m_on_air_emergency.store(emergency);
        m_on_air.store(true);
        // The engine thread is inside the play for its whole length: the heartbeat
        // goes on meanwhile, but only for as long as the item should take.
        const auto expected = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::max(start_at - m_clock.now(), TimePoint::duration::zero()) + length - start_offset + 30s);
        const auto beats_while_playing = beat_while_playing(expected);
        result = m_output.play(item, length, start_at, [&] {
            if (m_stopping.load() || (!emergency && emergency_waiting()))
                throw CalledOff{};
            const auto begun = m_log.begin(record, scheduled, planned);
            if (begun.result == playlog::Begin::already_has_outcome)
                throw AlreadyHasOutcome{};
            play_id = begun.play_id; // started, or queued while the database cannot take it: it plays
            {
                std::lock_guard lock(m_status_mutex);
                m_status.log_problem = m_log.write_problem();
                m_status.pending_log_rows = m_log.pending_writes();
                m_status.state = EngineState::playing;
                m_status.now_playing = NowPlaying{id, announcement.title, record.slot.value_or(""),
                                                  record.position.value_or(0), record.priority, start_at};
            }
            say(m_settings.zone.format_iso(std::max(start_at, m_clock.now())) + " playing " + id + " (" + what +
                (start_offset > std::chrono::milliseconds{0}
                     ? ", from " + std::to_string(start_offset.count() / 1000) + " s"
                     : std::string()) +
                ")");
        }, stop_at);
    } catch (const CalledOff &) {
        m_on_air.store(false);
        return attempt; // not started: the item stays due for the next start
    } catch (const AlreadyHasOutcome &) {
        // The log refused the "started" row (the item already has its outcome, as
        // the unique index says): nothing played, and it must not.
        m_on_air.store(false);
        problem("the play log refused to start '" + id + "' (" + what + "): it already has its outcome");
        say("not playing '" + id + "': it already has its outcome in the play log");
        attempt.finished = true;
        attempt.ended_at = m_clock.now();
        return attempt;
    } catch (const InputError &error) {
        // The stored file could not be decoded: nothing played.
        m_on_air.store(false);
        m_log.record_outcome(record, scheduled, PlayStatus::failed, error.what(), planned);
        say("cannot play '" + id + "': " + error.what());
        problem("cannot play '" + id + "': " + error.what());
        attempt.finished = true;
        attempt.ended_at = m_clock.now();
        return attempt;
    }
    m_on_air.store(false);
    {
        std::lock_guard lock(m_status_mutex);
        m_status.now_playing.reset();
    }
    const bool preempted = (m_preempting.exchange(false) || (stop_at && m_clock.now() >= *stop_at)) &&
                           result.outcome == playout::PlayOutcome::interrupted;
    if (!play_id) {
        // Ended before its first sample: called off (stays due) or the output failed.
        if (result.outcome == playout::PlayOutcome::failed) {
            if (!m_device_failed_at)
                m_device_failed_at = m_clock.now();
            set_state(EngineState::device_unavailable);
            m_log.record_outcome(record, scheduled, PlayStatus::failed, result.error, planned);
            say("cannot play '" + id + "': " + result.error);
            problem("cannot play '" + id + "': " + result.error);
            attempt.finished = true;
            attempt.ended_at = m_clock.now();
        }
        return attempt;
    }
    if (m_device_failed_at && result.outcome != playout::PlayOutcome::failed) {
        m_gaps.push_back({*m_device_failed_at, result.started_at, "the sound device failed"});
        m_device_failed_at.reset();
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
    else if (preempted)
        end.error = "interrupted by an emergency play; it " +
                    std::string(record.slot ? "continues after it as its slot's on_interrupt says"
                                            : "continues after it");
    else if (end.status == PlayStatus::interrupted)
        end.error = "the player was stopped during this play";
    if (end.status == PlayStatus::failed) {
        if (!m_device_failed_at)
            m_device_failed_at = result.ended_at;
        problem("'" + id + "' failed: " + result.error);
    }
    m_log.finish(*play_id, end);
    say(m_settings.zone.format_iso(result.ended_at) + " " + std::string(to_string(end.status)) + " " + id +
        (end.error ? ": " + *end.error : std::string()));
    attempt.started = true;
    attempt.finished = true;
    attempt.preempted = preempted && !m_stopping.load();
    attempt.ended_at = result.ended_at;
    attempt.position = result.position;
    attempt.play_id = *play_id;
    return attempt;
}

void Engine::say(const std::string &message) const {
    if (m_say)
        m_say(message);
}

} // namespace loa::engine
