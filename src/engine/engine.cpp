#include "engine/engine.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "engine/reasons.hpp"
#include "playlog/reason_text.hpp"
#include "library/library.hpp"
#include "playlog/play_log.hpp"
#include "playout/player.hpp"
#include "station/schedule_store.hpp"

#include <algorithm>
#include <condition_variable>
#include <utility>

namespace loa::engine {
namespace {

using namespace std::chrono_literals;

/// The clock moving this much more (or less) than the engine slept is a clock step.
constexpr auto jump_tolerance = 5s;
/// Without a heartbeat and with nothing scheduled, look again after this long.
constexpr auto nothing_scheduled_wait = 24h;
/// How far ahead the engine looks for its next wake-up.
constexpr auto wake_horizon = 48h;
/// How far ahead status() lists the next occurrences.
constexpr auto status_horizon = 8 * 24h;
constexpr std::size_t status_next = 5;
constexpr std::size_t status_problems = 10;

} // namespace

Engine::Engine(Clock &clock, station::ScheduleStore &schedules, library::Library &library,
               playlog::PlayLog &log, playout::Player &player, EngineSettings settings)
    : Engine(clock, schedules, library, log, *new PlayerOutput(player, clock),
             std::move(settings)) {
    m_own_output.reset(&m_output);
}

Engine::Engine(Clock &clock, station::ScheduleStore &schedules, library::Library &library,
               playlog::PlayLog &log, Output &output, EngineSettings settings)
    : m_clock(clock), m_schedules(schedules), m_known(library), m_output(output),
      m_settings(std::move(settings)), m_policy{m_settings.zone, m_settings.quiet_hours},
      m_log(log), m_attended(output, m_wakeup, [this] { answer_requests(); }),
      m_attempts(clock, library, m_log, m_attended,
                 {m_settings.loudness_target_lufs, m_settings.max_boost_db}),
      m_due(m_settings.zone), m_lines(m_settings.zone) {
    const TimePoint now = m_clock.now();
    // Whatever was due before this engine existed, it was not there to play.
    m_device.gaps.push_back({TimePoint::min(), now, reasons::player_not_running()});
    std::lock_guard lock(m_status_mutex);
    m_status.device = m_attempts.device();
}

Engine::~Engine() = default;

void Engine::run() {
    set_state(EngineState::starting);
    const int recovered = m_log.recover_unfinished();
    if (recovered > 0) {
        const std::string message =
            i18n::format(_("recorded {1} play(s) cut short by the last stop as interrupted"),
                         std::to_string(recovered));
        say(m_clock.now(), message);
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
        m_clock.sleep_until(wake_at, m_wakeup);
    }
    set_state(EngineState::stopping);
}

void Engine::stop() noexcept {
    m_stopping.store(true);
    set_state(EngineState::stopping);
    m_output.stop();
    m_wakeup.notify();
}

void Engine::reload() noexcept {
    m_reload_requested.store(true);
    m_wakeup.notify();
}

std::shared_ptr<AskedPlay> Engine::request_play(const std::string &announcement,
                                                Priority priority) {
    auto asked = std::make_shared<AskedPlay>(announcement, priority);
    m_inbox.add(asked);
    m_wakeup.notify();
    return asked;
}

void Engine::answer_requests() noexcept {
    while (const auto asked = m_inbox.take()) {
        if (!asked->claim())
            continue; // its asker gave up waiting: it never runs
        RequestAnswer answer;
        try {
            answer = this->answer(*asked);
        } catch (const std::exception &error) {
            answer.message = i18n::format(_("cannot look '{1}' up in the library: {2}"),
                                          asked->announcement(), error.what());
        }
        asked->answer(std::move(answer));
    }
}

RequestAnswer Engine::answer(const AskedPlay &asked) {
    if (!m_known.find(asked.announcement()))
        return {
            false, false,
            i18n::format(_("announcement '{1}' is not in the library; 'loa list' shows the ids"),
                         asked.announcement())};
    const bool on_air = m_on_air.load();
    m_requests.add({asked.announcement(), asked.priority(), {}, std::nullopt});
    if (asked.priority() == Priority::emergency && on_air && !m_on_air_emergency.load()) {
        m_preempting.store(true);
        m_output.stop();
    }
    return {true, on_air, {}};
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

void Engine::note_log(TimePoint now) {
    std::size_t waited = 0;
    const std::size_t waiting = m_log.pending_writes();
    const auto write_problem = m_log.write_problem();
    {
        std::lock_guard lock(m_status_mutex);
        waited = m_status.pending_log_rows;
        m_status.log_problem = write_problem ? write_problem : m_log.notice();
        m_status.pending_log_rows = waiting;
    }
    // Said once when rows start to wait, and once when the last of them is written.
    if (waited == 0 && waiting > 0)
        say(now, i18n::format(_("the play log cannot be written: {1}"),
                              write_problem.value_or(_("the database is busy"))));
    else if (waited > 0 && waiting == 0)
        say(now, i18n::format(_("the play log is written again: the {1} row(s) that waited are "
                                "in the station's database"),
                              std::to_string(waited)));
    // What the log repaired (a damaged database set aside), said once.
    if (m_log.notice() && m_log.notice() != m_said_log_notice) {
        m_said_log_notice = m_log.notice();
        say(now, *m_said_log_notice);
        problem(*m_said_log_notice);
        if (m_log.lost_library())
            m_known.keep_remembered();
    }
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

void Engine::note_clock(TimePoint now) {
    const auto &zone = m_settings.zone;
    if (m_expected_wake && now > *m_expected_wake + jump_tolerance) {
        // The engine meant to run at m_expected_wake; the clock says much later.
        const auto reason =
            reasons::clock_jumped_forward(zone.format_iso(*m_expected_wake), zone.format_iso(now));
        m_device.gaps.push_back({*m_expected_wake, now, reason});
        const std::string message = playlog::people_text(reason);
        say(now, message);
        problem(message);
    } else if (m_last_now && now + jump_tolerance < *m_last_now) {
        const std::string message = playlog::people_text(
            reasons::clock_went_back(zone.format_iso(*m_last_now), zone.format_iso(now)));
        say(now, message);
        problem(message);
    }
    m_last_now = now;
    m_expected_wake.reset();
}

TimePoint Engine::step() {
    const TimePoint now = m_clock.now();
    note_clock(now);
    m_log.flush(); // rows that waited for the database (locked, disk full) go in now
    reload_if_changed(now);
    note_log(now);
    answer_requests();
    if (auto request = m_requests.take()) {
        play_request(std::move(*request));
        return *(m_expected_wake = after_work());
    }
    if (m_schedule) {
        m_due.collect(*m_schedule, now + m_settings.preroll + 1ms);
        if (!m_due.empty()) {
            Due &due = m_due.best();
            if (handle(due) && !m_stopping.load())
                m_due.remove(due);
            return *(m_expected_wake = after_work());
        }
    }
    publish_idle(now);
    return *(m_expected_wake = next_wake(now));
}

TimePoint Engine::next_wake(TimePoint now) {
    if (!m_schedule)
        return now + nothing_scheduled_wait;
    const auto upcoming = m_due.upcoming(*m_schedule, TimePoint::min(), now + wake_horizon, 1);
    if (upcoming.empty())
        return now + nothing_scheduled_wait;
    return std::max(now, upcoming.front().at - m_settings.preroll);
}

std::optional<std::jthread>
Engine::beat_while_playing(std::chrono::steady_clock::duration expected) {
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

void Engine::publish_idle(TimePoint now) {
    std::vector<UpcomingOccurrence> next;
    if (m_schedule)
        for (auto &occurrence : m_due.upcoming(*m_schedule, now, now + status_horizon, status_next))
            next.push_back(
                {occurrence.slot, occurrence.at, occurrence.priority, std::move(occurrence.items)});
    std::lock_guard lock(m_status_mutex);
    if (m_status.state != EngineState::stopping)
        m_status.state = !m_schedule             ? EngineState::no_schedule
                         : m_device.failed_since ? EngineState::device_unavailable
                                                 : EngineState::idle;
    m_status.now_playing.reset();
    m_status.next = std::move(next);
}

void Engine::reload_if_changed(TimePoint now) {
    m_reload_requested.store(false);
    long long version = 0;
    std::optional<station::ScheduleVersion> active;
    try {
        version = m_schedules.active_version();
        if (version != m_schedule_version)
            active = m_schedules.active();
        m_schedules_unreadable = false;
    } catch (const Error &error) {
        // loa.db damaged or replaced under the player: the play log sets it aside.
        if (!std::exchange(m_schedules_unreadable, true)) {
            const std::string message = i18n::format(
                _("the station database cannot be read ({1}); playing the schedule it held"),
                error.what());
            say(now, message);
            problem(message);
        }
        return;
    }
    if (version == m_schedule_version || !active)
        return;
    auto parsed = schedule::parse(active->content, active->file_name);
    if (!parsed.ok() || !parsed.schedule) {
        const std::string message = i18n::format(
            _("the active schedule {1} cannot be read any more; keeping the previous one"),
            active->file_name);
        say(now, message);
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
    m_due.restart(std::max(active->loaded_at_instant, now - m_settings.lookback), now, first);
    {
        std::lock_guard lock(m_status_mutex);
        m_status.schedule_version = version;
        m_status.schedule_file = m_schedule_file;
    }
    say(now, i18n::format(_("schedule {1} (version {2}) is active"), active->file_name,
                          std::to_string(version)));
}

void Engine::say(TimePoint at, const std::string &message) {
    if (m_say)
        m_say(m_lines.line(at, message));
}

} // namespace loa::engine
