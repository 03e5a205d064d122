#include "engine/play_attempt.hpp"

#include "core/error.hpp"
#include "engine/decision.hpp"
#include "library/library.hpp"
#include "playlog/reason_text.hpp"
#include "playout/gain.hpp"

namespace loa::engine {
namespace {

/// Thrown from the before-first-sample hook to end a play that must not start.
struct NotStarted {
    AttemptEnd end;
    playlog::Reason reason;
};

PlayStatus status_of(playout::PlayOutcome outcome) {
    switch (outcome) {
    case playout::PlayOutcome::completed:
        return PlayStatus::completed;
    case playout::PlayOutcome::interrupted:
        return PlayStatus::interrupted;
    case playout::PlayOutcome::failed:
        break;
    }
    return PlayStatus::failed;
}

} // namespace

double play_gain_db(const Loudness &loudness, const library::Announcement &announcement) {
    double gain_db = playout::loudness_gain_db(loudness.target_lufs, announcement.loudness_lufs,
                                               announcement.true_peak_dbtp, loudness.max_boost_db);
    // Import measured a mono file as one channel; the player sends it to both
    // channels of the card, where it sounds 3 dB louder. (A mono card would play it
    // 3 dB under the target: station outputs are stereo.)
    if (announcement.channels == 1)
        gain_db += playout::mono_spread_db;
    return gain_db;
}

PlayAttempts::PlayAttempts(Clock &clock, const library::Library &library, LogPort &log,
                           Output &output, Loudness loudness)
    : m_clock(clock), m_library(library), m_log(log), m_output(output), m_loudness(loudness),
      m_device(output.device_name()) {}

void PlayAttempts::fill(playlog::PlayRecord &record,
                        const library::Announcement *announcement) const {
    record.device = m_device;
    record.clock_synced = m_clock.synchronised();
    if (!announcement)
        return;
    record.title = announcement->title;
    record.campaign = announcement->campaign;
    record.sha256 = announcement->sha256;
}

void PlayAttempts::record_unplayed(playlog::PlayRecord record,
                                   const library::Announcement *announcement,
                                   std::optional<TimePoint> scheduled, PlayStatus status,
                                   const playlog::Reason &reason,
                                   std::optional<TimePoint> planned) {
    fill(record, announcement);
    m_log.record_outcome(record, scheduled, status, reason, planned);
}

AttemptResult PlayAttempts::unplayed(AttemptEnd end, const PlannedPlay &plan,
                                     const playlog::Reason &reason) {
    AttemptResult attempt;
    attempt.end = end;
    attempt.reason = reason;
    attempt.ended_at = m_clock.now();
    if (end == AttemptEnd::file_failed || end == AttemptEnd::device_failed)
        m_log.record_outcome(plan.record, plan.scheduled, PlayStatus::failed, reason, plan.planned);
    return attempt;
}

AttemptResult PlayAttempts::play(const library::Announcement &announcement, PlannedPlay plan,
                                 const AttemptHooks &hooks) {
    fill(plan.record, &announcement);
    playout::PlayItem item;
    item.file = m_library.content_path(announcement);
    item.gain_db = play_gain_db(m_loudness, announcement);
    item.start_offset = plan.start_offset;
    item.followed = plan.followed;
    if (const auto silent =
            silent_output(announcement.silent, announcement.sample_peak_dbfs, item.gain_db))
        return unplayed(AttemptEnd::file_failed, plan, *silent);
    std::optional<Begun> begun;
    playout::PlayResult result;
    try {
        const auto length = std::chrono::milliseconds(announcement.duration_ms);
        result = m_output.play(
            item, length, plan.start_at,
            [&] {
                if (hooks.call_off && hooks.call_off())
                    throw NotStarted{AttemptEnd::called_off, {}};
                begun = m_log.begin(plan.record, plan.scheduled, plan.planned);
                if (begun->status == BeginStatus::already_has_outcome)
                    throw NotStarted{AttemptEnd::refused, begun->refusal};
                if (hooks.started)
                    hooks.started(plan.record, std::max(plan.start_at, m_clock.now()));
            },
            plan.stop_at);
    } catch (const NotStarted &not_started) {
        return unplayed(not_started.end, plan, not_started.reason);
    } catch (const InputError &error) {
        return unplayed(AttemptEnd::file_failed, plan,
                        std::string(error.what())); // the stored file could not be decoded
    }
    if (!begun) {
        // Ended before its first sample: called off (it stays due), or the output failed.
        if (result.outcome != playout::PlayOutcome::failed)
            return unplayed(AttemptEnd::called_off, plan, {});
        AttemptResult attempt = unplayed(AttemptEnd::device_failed, plan, result.error);
        attempt.result = result;
        return attempt;
    }
    return finish(begun->play_id, result, hooks);
}

AttemptResult PlayAttempts::finish(std::int64_t play_id, const playout::PlayResult &result,
                                   const AttemptHooks &hooks) {
    playlog::PlayEnd end;
    end.status = status_of(result.outcome);
    end.started_at = result.started_at;
    end.ended_at = result.ended_at;
    end.underruns = static_cast<std::int64_t>(result.underruns);
    playlog::Reason reason;
    if (!result.error.empty())
        reason = result.error;
    else if (end.status == PlayStatus::interrupted && hooks.why_interrupted)
        reason = hooks.why_interrupted(result);
    auto stored = playlog::stored_columns(reason);
    end.error = std::move(stored.error);
    end.reason_code = std::move(stored.code);
    end.reason_params = std::move(stored.params);
    m_log.finish(play_id, end);
    AttemptResult attempt;
    attempt.end = AttemptEnd::played;
    attempt.status = end.status;
    attempt.reason = std::move(reason);
    attempt.result = result;
    attempt.play_id = play_id;
    attempt.ended_at = result.ended_at;
    return attempt;
}

} // namespace loa::engine
