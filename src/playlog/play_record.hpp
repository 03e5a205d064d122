#pragma once
// One row of the play log: one item of an occurrence, or one manual play. Its
// fields are declared once, in play_fields.hpp's table, which every reader and
// writer of a row iterates. Times are values (StationTime, CivilDateTime): their
// text is made where a row is stored, hashed, exported or shown, not here.
#include "core/clock.hpp"
#include "core/station_time.hpp"
#include "core/vocabulary.hpp"
#include "playlog/civil_date_time.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace loa::playlog {

struct PlayRecord {
    std::int64_t play_id = 0;
    std::string station;
    std::optional<std::string> slot;         ///< None for a manual play.
    std::optional<StationTime> scheduled_at; ///< The occurrence's instant.
    std::optional<std::int64_t> position;    ///< The item's index in the occurrence.
    std::optional<StationTime> started_at;   ///< When the first sample left the device.
    std::optional<StationTime> ended_at;     ///< When the last sample left the device.
    std::string announcement;
    std::optional<std::string> title;    ///< As it was at play time.
    std::optional<std::string> campaign; ///< As it was at play time.
    std::optional<std::string> sha256;   ///< Of the content that actually played.
    PlayStatus status = PlayStatus::started;
    std::optional<std::int64_t> lateness_ms;
    std::optional<std::int64_t> duration_ms;
    Priority priority = Priority::normal;
    Trigger trigger = Trigger::scheduled;
    std::optional<std::string> error;
    std::optional<std::string> schedule_sha256; ///< The schedule version that planned it.
    std::optional<std::string> device;
    std::optional<std::int64_t> underruns;
    std::optional<bool> clock_synced;
    // Written with the row, not part of its hash (schema 2).
    /// The occurrence's identity: the slot's station-local date and time of day as the
    /// schedule names it. None for a manual play.
    std::optional<CivilDateTime> occurrence;
    std::optional<std::int64_t> offset_ms; ///< A resumed play started this far into the file.
    std::optional<std::int64_t> resumes;   ///< The play_id of the interrupted attempt it continues.
    std::optional<TimePoint> planned;      ///< When this item should have started.
    std::optional<std::string> entry;      ///< The journal entry that wrote it (schema 3).
    // Why, as data (schema 4, not hashed: `error` keeps the chained English text;
    // playlog/reason_text.hpp renders these for people).
    std::optional<std::string> reason_code;   ///< "missed.late_limit"; none: free text only.
    std::optional<std::string> reason_params; ///< A flat JSON object of strings.
    // Hash chain, set when the row is finalised.
    std::optional<std::int64_t> seq;
    std::optional<std::string> prev_hash;
    std::optional<std::string> row_hash;
    std::optional<std::string> canonical; ///< The exact text row_hash covers.
};

} // namespace loa::playlog
