// The engine's executor: for each due item it gathers the facts, asks the decision
// core (decision.hpp) and carries the answer out through PlayAttempts.
#include "engine/engine.hpp"

#include "core/time_of_day.hpp"
#include "core/i18n.hpp"
#include "engine/reasons.hpp"
#include "playlog/reason_text.hpp"
#include "library/library.hpp"

namespace loa::engine {
namespace {

using namespace std::chrono_literals;

ItemKey resume_key(const std::string &slot, const playlog::CivilDateTime &identity,
                   std::size_t position) {
    return {slot, std::chrono::sys_days(identity.date), identity.time_of_day, position};
}

/// The fields every row of this item shares, whatever its outcome.
playlog::PlayRecord item_record(const Due &due, std::size_t position,
                                const std::string &schedule_sha256) {
    playlog::PlayRecord record;
    record.slot = due.occurrence.slot;
    record.occurrence = due.identity;
    record.position = static_cast<std::int64_t>(position);
    record.announcement = due.occurrence.items[position];
    record.priority = due.occurrence.priority;
    record.trigger = Trigger::scheduled;
    record.schedule_sha256 = schedule_sha256;
    return record;
}

std::chrono::milliseconds length_of(const library::Announcement *announcement) {
    return std::chrono::milliseconds(announcement ? announcement->duration_ms : 0);
}

} // namespace

bool Engine::handle(Due &due) {
    const schedule::Occurrence &occurrence = due.occurrence;
    // When each item should start if everything before it played on time.
    std::vector<std::optional<library::Announcement>> announcements;
    std::vector<TimePoint> planned;
    TimePoint at = occurrence.at;
    for (const auto &id : occurrence.items) {
        planned.push_back(at);
        announcements.push_back(m_known.find(id));
        at += length_of(announcements.back() ? &*announcements.back() : nullptr) + occurrence.gap;
    }
    std::optional<TimePoint> next_start; // set once an item has played in this pass
    for (std::size_t position = 0; position < occurrence.items.size(); ++position) {
        if (m_stopping.load())
            return false;
        if (m_log.has_outcome(occurrence.slot, due.identity, static_cast<std::int64_t>(position)))
            continue;
        if (!due.decided)
            decide_late(due, planned[position], m_clock.now());
        const auto &announcement = announcements[position];
        ItemTurn turn{due, position, planned[position], next_start,
                      announcement ? &*announcement : nullptr};
        if (!play_turn(turn))
            return false;
        next_start = turn.next_start;
    }
    return true;
}

void Engine::decide_late(Due &due, TimePoint planned, TimePoint now) {
    // Decided once, for the first item still to play, measured from its own plan.
    due.decided = true;
    LateFacts facts{planned, now, due.occurrence.late, why_late(m_device, planned), std::nullopt};
    if (const Due *later = m_due.later_of_same_slot(due, now))
        facts.later_time = format_date(later->occurrence.date) + " " +
                           format_time_of_day(later->occurrence.time_of_day);
    due.refusal = late_refusal(facts);
}

Decision Engine::decide(const ItemTurn &turn, TimePoint now) {
    const schedule::Occurrence &occurrence = turn.due.occurrence;
    ItemFacts facts;
    facts.announcement = occurrence.items[turn.position];
    facts.priority = occurrence.priority;
    facts.occurrence_at = occurrence.at;
    facts.planned_start =
        turn.next_start ? std::max(*turn.next_start, occurrence.at) : turn.planned;
    facts.now = now;
    facts.refusal = turn.due.refusal;
    facts.in_library = turn.announcement != nullptr;
    facts.between_items = turn.next_start.has_value();
    if (facts.between_items) {
        answer_requests(); // a request asked while the last item played goes first
        facts.request_waiting = m_requests.waiting();
        facts.emergency_due =
            !facts.request_waiting &&
            m_due.emergency_due(*m_schedule, turn.due, now + m_settings.preroll + 1ms);
    }
    facts.length = length_of(turn.announcement); // less a resume offset: a bound is enough here
    facts.preroll = m_settings.preroll;
    if (facts.in_library && !facts.refusal && facts.priority != Priority::emergency)
        facts.next_emergency =
            m_due.next_emergency(*m_schedule, emergency_horizon(item_start(facts), now,
                                                                facts.length, m_settings.preroll));
    return decide_item(facts, m_policy);
}

bool Engine::play_turn(ItemTurn &turn) {
    const schedule::Occurrence &occurrence = turn.due.occurrence;
    const Decision decision = decide(turn, m_clock.now());
    switch (decision.fate) {
    case Fate::yield:
        return false; // a request, or a scheduled emergency, goes first between two items
    case Fate::wait:
        m_hold_until = decision.wait_until;
        return false;
    case Fate::miss:
    case Fate::skip:
    case Fate::fail:
        record_unplayed(turn, decision);
        return true;
    case Fate::play:
        break;
    }
    playlog::PlayRecord record = item_record(turn.due, turn.position, m_schedule_sha256);
    const ItemKey key = resume_key(occurrence.slot, turn.due.identity, turn.position);
    std::chrono::milliseconds offset{0};
    if (const auto resume = m_resume.find(key); resume != m_resume.end()) {
        record.resumes = resume->second.interrupted_play_id;
        if (occurrence.on_interrupt == schedule::InterruptPolicy::resume)
            offset = resume->second.position;
        record.offset_ms = offset.count();
    }
    const bool followed = occurrence.gap == 0ms && turn.position + 1 < occurrence.items.size();
    const Attempt result =
        attempt(*turn.announcement, {std::move(record), occurrence.at, decision.start_at,
                                     turn.planned, offset, followed, decision.stop_at});
    if (!result.finished)
        return false; // called off before its first sample: it stays due
    m_resume.erase(key);
    if (result.preempted) {
        m_resume[key] = {result.position, result.play_id};
        return false;
    }
    turn.next_start = result.ended_at + occurrence.gap;
    heartbeat();
    return true;
}

void Engine::record_unplayed(const ItemTurn &turn, const Decision &decision) {
    const schedule::Occurrence &occurrence = turn.due.occurrence;
    const auto record = item_record(turn.due, turn.position, m_schedule_sha256);
    const PlayStatus status = decision.fate == Fate::miss   ? PlayStatus::missed
                              : decision.fate == Fate::skip ? PlayStatus::skipped
                                                            : PlayStatus::failed;
    m_attempts.record_unplayed(record, turn.announcement, occurrence.at, status, decision.reason,
                               std::nullopt);
    if (status == PlayStatus::failed) {
        say(m_clock.now(),
            i18n::format(_("cannot play '{1}': it is not in the library"), record.announcement));
        problem(playlog::people_text(decision.reason));
        return;
    }
    say(occurrence.at, occurrence.slot + " " + position_text(turn.position) + " " +
                           record.announcement + ": " + people_name(status) + ", " +
                           playlog::people_text(decision.reason));
}

void Engine::play_request(Request request) {
    const auto announcement = m_known.find(request.announcement);
    playlog::PlayRecord record;
    record.announcement = request.announcement;
    record.priority = request.priority;
    record.trigger = request.priority == Priority::emergency ? Trigger::emergency : Trigger::manual;
    record.resumes = request.resumes;
    if (request.resumes)
        record.offset_ms = request.start_offset.count();
    const TimePoint now = m_clock.now();
    RequestFacts facts{request.announcement,
                       request.priority,
                       now,
                       announcement.has_value(),
                       length_of(announcement ? &*announcement : nullptr),
                       std::nullopt,
                       m_settings.preroll};
    if (facts.in_library && m_schedule && request.priority != Priority::emergency)
        facts.next_emergency = m_due.next_emergency(
            *m_schedule, emergency_horizon(now, now, facts.length, m_settings.preroll));
    const Decision decision = decide_request(facts, m_policy);
    switch (decision.fate) {
    case Fate::fail:
        m_attempts.record_unplayed(record, announcement ? &*announcement : nullptr, std::nullopt,
                                   PlayStatus::failed, decision.reason, now);
        return;
    case Fate::skip:
        m_attempts.record_unplayed(record, announcement ? &*announcement : nullptr, std::nullopt,
                                   PlayStatus::skipped, decision.reason, now);
        say(now, i18n::format(_("not playing '{1}' now: inside the station's quiet hours"),
                              request.announcement));
        return;
    case Fate::wait:
        m_hold_until = decision.wait_until;
        break;
    case Fate::play:
    case Fate::miss:
    case Fate::yield:
        break;
    }
    Attempt result;
    if (decision.fate == Fate::play)
        result = attempt(*announcement, {std::move(record), std::nullopt, now, now,
                                         request.start_offset, false, decision.stop_at});
    if (result.preempted)
        // A manual play an emergency interrupted goes on after it, like a scheduled one.
        m_requests.put_back(
            {request.announcement, request.priority, result.position, result.play_id});
    else if (!result.finished && !m_stopping.load())
        m_requests.put_back(std::move(request));
}

bool Engine::preempted(const PlannedPlay &plan) const {
    return m_preempting.load() || (plan.stop_at && m_clock.now() >= *plan.stop_at);
}

AttemptHooks Engine::hooks_for(const library::Announcement &announcement, const PlannedPlay &plan,
                               const std::string &what) {
    AttemptHooks hooks;
    hooks.call_off = [this, &plan] {
        return m_stopping.load() ||
               (plan.record.priority != Priority::emergency && m_requests.emergency_waiting());
    };
    hooks.started = [this, &announcement, &plan, what](const playlog::PlayRecord &record,
                                                       TimePoint start) {
        {
            std::lock_guard lock(m_status_mutex);
            m_status.state = EngineState::playing;
            m_status.now_playing = NowPlaying{record.announcement,      announcement.title,
                                              record.slot.value_or(""), record.position.value_or(0),
                                              record.priority,          plan.start_at};
        }
        note_log(start); // a row that waits for the database shows from the first one
        const auto offset = plan.start_offset;
        say(start, offset > 0ms
                       ? i18n::format(_("playing {1} ({2}, from {3} s)"), record.announcement, what,
                                      std::to_string(offset.count() / 1000))
                       : i18n::format(_("playing {1} ({2})"), record.announcement, what));
    };
    hooks.why_interrupted = [this, &plan](const playout::PlayResult &) {
        return preempted(plan) ? reasons::preempted_by_emergency(plan.record.slot.has_value())
                               : reasons::player_stopped();
    };
    return hooks;
}

Engine::Attempt Engine::attempt(const library::Announcement &announcement, PlannedPlay plan) {
    const bool emergency = plan.record.priority == Priority::emergency;
    const std::string id = plan.record.announcement;
    const std::string what = plan.record.slot
                                 ? *plan.record.slot + " " + position_text(*plan.record.position)
                                 : std::string(people_name(plan.record.trigger));
    const AttemptHooks hooks = hooks_for(announcement, plan, what);
    m_preempting.store(false);
    m_on_air_emergency.store(emergency);
    m_on_air.store(true);
    AttemptResult result;
    {
        // The engine thread is inside the play for its whole length: the heartbeat
        // goes on meanwhile, but only for as long as the item should take.
        const auto expected = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::max(plan.start_at - m_clock.now(), TimePoint::duration::zero()) +
            std::chrono::milliseconds(announcement.duration_ms) - plan.start_offset + 30s);
        const auto beats_while_playing = beat_while_playing(expected);
        result = m_attempts.play(announcement, plan, hooks);
    }
    m_on_air.store(false);
    {
        std::lock_guard lock(m_status_mutex);
        m_status.now_playing.reset();
    }
    const bool was_preempted = result.end == AttemptEnd::played && preempted(plan) &&
                               result.status == PlayStatus::interrupted;
    m_preempting.store(false);
    note_attempt(id, what, result);
    Attempt attempt;
    attempt.finished = result.end != AttemptEnd::called_off;
    attempt.preempted = was_preempted && !m_stopping.load();
    attempt.ended_at = result.ended_at;
    attempt.position = result.result.position;
    attempt.play_id = result.play_id;
    return attempt;
}

void Engine::note_attempt(const std::string &id, const std::string &what,
                          const AttemptResult &result) {
    switch (result.end) {
    case AttemptEnd::called_off:
        return;
    case AttemptEnd::refused:
        problem(i18n::format(_("the play log refused to start '{1}' ({2}): {3}"), id, what,
                             playlog::people_text(result.reason)));
        say(result.ended_at,
            i18n::format(_("not playing '{1}': {2}"), id, playlog::people_text(result.reason)));
        return;
    case AttemptEnd::device_failed:
        if (!m_device.failed_since)
            m_device.failed_since = result.ended_at;
        set_state(EngineState::device_unavailable);
        [[fallthrough]];
    case AttemptEnd::file_failed:
        say(result.ended_at,
            i18n::format(_("cannot play '{1}': {2}"), id, playlog::people_text(result.reason)));
        problem(i18n::format(_("cannot play '{1}': {2}"), id, playlog::people_text(result.reason)));
        return;
    case AttemptEnd::played:
        break;
    }
    if (m_device.failed_since && result.status != PlayStatus::failed) {
        m_device.gaps.push_back(
            {*m_device.failed_since, result.result.started_at, reasons::device_failed()});
        m_device.failed_since.reset();
    }
    if (result.status == PlayStatus::failed) {
        if (!m_device.failed_since)
            m_device.failed_since = result.ended_at;
        problem(i18n::format(_("'{1}' failed: {2}"), id, playlog::people_text(result.reason)));
    }
    say(result.ended_at,
        std::string(people_name(result.status)) + " " + id +
            (result.reason.empty() ? std::string() : ": " + playlog::people_text(result.reason)));
}

} // namespace loa::engine
