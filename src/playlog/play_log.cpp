#include "playlog/play_log.hpp"

#include "core/i18n.hpp"
#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"
#include "playlog/play_rows.hpp"
#include "playlog/reason_text.hpp"
#include "station/home.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <random>

namespace loa::playlog {
namespace {

/// The civil date-time of an instant in `zone`, to the second.
CivilDateTime civil_of(const TimeZone &zone, TimePoint instant) {
    const auto local = zone.to_local(instant);
    return {local.date, std::chrono::floor<std::chrono::seconds>(local.time_of_day)};
}

/// A scheduled row that names only its instant is known by that instant's civil time.
void give_identity(PlayRecord &record, const TimeZone &zone) {
    if (record.trigger == Trigger::scheduled && !record.occurrence && record.scheduled_at)
        record.occurrence = civil_of(zone, record.scheduled_at->instant);
}

/// Distinguishes this log's journal entries from those of every other run.
std::string random_epoch() {
    std::random_device random;
    char text[24];
    std::snprintf(text, sizeof text, "%08x%08x", random(), random());
    return text;
}

std::optional<std::pair<std::uintmax_t, std::uintmax_t>>
file_id(const std::filesystem::path &path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0)
        return std::nullopt;
    return std::make_pair(static_cast<std::uintmax_t>(status.st_dev),
                          static_cast<std::uintmax_t>(status.st_ino));
}

bool in_memory(const std::filesystem::path &path) {
    return path.empty() || path == ":memory:";
}

} // namespace

PlayLog::PlayLog(sqlite::Database &db, std::string station_code, TimeZone zone)
    : m_db(db), m_station(std::move(station_code)), m_zone(std::move(zone)),
      m_epoch(random_epoch()) {
    if (!in_memory(m_db.path()))
        m_file_id = file_id(m_db.path());
    load_chain_id();
}

bool PlayLog::load_chain_id() {
    if (!m_chain_id.empty())
        return true;
    try {
        m_chain_id = station::chain_id(m_db);
        return true;
    } catch (const sqlite::SqliteError &error) {
        classify(error); // a damaged database: its rows wait until there is a chain to put them in
    } catch (const Error &error) {
        m_problem = error.what();
    }
    return false;
}

std::filesystem::path PlayLog::journal_path() const {
    if (in_memory(m_db.path()))
        return {};
    return m_db.path().parent_path() / "plays.journal";
}

Begun PlayLog::begin(PlayRecord record, std::optional<TimePoint> scheduled,
                     TimePoint planned_start) {
    record.station = m_station;
    record.status = PlayStatus::started;
    record.planned = planned_start;
    if (scheduled)
        record.scheduled_at = StationTime::in(m_zone, *scheduled);
    give_identity(record, m_zone);
    PendingWrite write{{JournalEntry::Kind::begin, next_entry_id(), {}, std::move(record), {}}, 0};
    const auto [result, id] = write_or_queue(std::move(write));
    switch (result) {
    case Write::written:
        return {Begin::started, id};
    case Write::queued:
        return {Begin::queued, id};
    case Write::already_has_outcome:
        break;
    }
    return {Begin::already_has_outcome, 0};
}

Write PlayLog::finish(std::int64_t play_id, const PlayEnd &end) {
    PendingWrite write{{JournalEntry::Kind::finish, next_entry_id(), {}, {}, end}, play_id};
    if (const auto moved = m_moved.find(play_id); moved != m_moved.end()) {
        // Begun in a database since set aside: its row is now the one of its begin entry.
        write.entry.finishes = moved->second;
        write.id = 0;
        m_moved.erase(moved);
    } else if (const auto begun = m_begin_entries.find(play_id); begun != m_begin_entries.end()) {
        write.entry.finishes = begun->second;
    }
    return write_or_queue(std::move(write)).first;
}

Recorded PlayLog::record_outcome(PlayRecord record, std::optional<TimePoint> scheduled,
                                 PlayStatus status, const Reason &reason,
                                 std::optional<TimePoint> planned) {
    record.station = m_station;
    record.status = status;
    store_reason(record, reason);
    record.planned = planned;
    if (scheduled)
        record.scheduled_at = StationTime::in(m_zone, *scheduled);
    give_identity(record, m_zone);
    PendingWrite write{{JournalEntry::Kind::outcome, next_entry_id(), {}, std::move(record), {}},
                       0};
    const auto [result, id] = write_or_queue(std::move(write));
    return {result, id};
}

std::string PlayLog::next_entry_id() {
    return m_epoch + "-" + std::to_string(m_next_entry++);
}

std::pair<Write, std::int64_t> PlayLog::write_or_queue(PendingWrite write) {
    open_journal();
    write.entry.record.entry = write.entry.id;
    journal(write.entry);
    const bool begins = write.entry.kind == JournalEntry::Kind::begin;
    if (flush()) {
        try {
            PendingWrite now = write;
            now.id = real_id(write.id);
            const std::int64_t id = apply(now);
            if (write.entry.kind == JournalEntry::Kind::finish) {
                m_begin_entries.erase(write.id);
                m_begin_entries.erase(now.id);
                m_written_ids.erase(write.id);
            } else if (begins)
                m_begin_entries[id] = write.entry.id;
            checkpoint();
            if (!begins)
                watch_for_damage(); // between plays, not before one's first sample
            return {Write::written, id};
        } catch (const sqlite::SqliteError &error) {
            switch (classify(error)) {
            case Failure::duplicate:
                return {Write::already_has_outcome, 0};
            case Failure::refused:
                return {Write::written, 0}; // nothing to wait for: it never fits
            case Failure::damaged:
            case Failure::later:
                break;
            }
        }
    }
    if (write.entry.kind != JournalEntry::Kind::finish) {
        write.id = m_next_provisional_id--;
        if (begins)
            m_begin_entries[write.id] = write.entry.id;
    }
    const std::int64_t id = write.id;
    m_pending.push_back(std::move(write));
    return {Write::queued, id};
}

PlayLog::Failure PlayLog::classify(const sqlite::SqliteError &error) {
    switch (error.code()) {
    case SQLITE_CONSTRAINT:
        if (error.extended_code() == SQLITE_CONSTRAINT_UNIQUE ||
            error.extended_code() == SQLITE_CONSTRAINT_PRIMARYKEY)
            return Failure::duplicate; // the item already has its outcome, as the unique index says
        m_problem = std::string("the play log refused a row (") + error.what() +
                    "); please report this as a bug";
        return Failure::refused;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
        m_corrupt = true;
        m_damage = error.what();
        m_problem = i18n::format(
            _("the station database {1} is damaged ({2}); plays go on and are kept in {3}; stop "
              "the player, move the damaged file aside and put back a backup of it (or run 'loa "
              "init' for a fresh one), then start the player: it writes the journal into it"),
            quote(m_db.path()), error.what(), quote(journal_path()));
        return Failure::damaged;
    default:
        m_problem = i18n::format(_("{1}; plays go on, their rows wait in {2} and go into the "
                                   "database as soon as it takes them"),
                                 error.what(), quote(journal_path()));
        return Failure::later;
    }
}

bool PlayLog::flush() {
    if (database_replaced() && !restore_database())
        return false;
    // Damaged (as a write or a read found it): a fresh database, if the file is.
    if ((m_corrupt || !load_chain_id()) && !start_fresh_database() && !load_chain_id())
        return false;
    while (!m_pending.empty()) {
        PendingWrite &write = m_pending.front();
        const std::int64_t queued_id = write.id;
        try {
            PendingWrite now = write;
            if (write.entry.kind == JournalEntry::Kind::finish)
                now.id = real_id(write.id);
            const std::int64_t written = apply(now);
            if (write.entry.kind == JournalEntry::Kind::begin) {
                m_written_ids[queued_id] = written;
                m_begin_entries[written] = write.entry.id;
            } else if (write.entry.kind == JournalEntry::Kind::finish) {
                m_written_ids.erase(queued_id);
                m_begin_entries.erase(queued_id);
                m_begin_entries.erase(now.id);
            }
        } catch (const sqlite::SqliteError &error) {
            const Failure failure = classify(error);
            if (failure == Failure::damaged && start_fresh_database())
                continue; // the whole journal waits for the fresh database now
            if (failure == Failure::later || failure == Failure::damaged)
                return false;
            // The database refuses this row for good (the item already has its
            // outcome, which the unique index guards): its finish updates nothing.
        }
        m_pending.pop_front();
    }
    m_problem = m_journal_problem ? m_journal_problem : m_notice;
    m_damage.reset();
    return true;
}

bool PlayLog::database_replaced() {
    if (!m_file_id || file_id(m_db.path()) == m_file_id)
        return false;
    m_damage = i18n::format(std::filesystem::exists(m_db.path())
                                ? _("the station database {1} was replaced by another file while "
                                    "the player ran")
                                : _("the station database {1} was deleted while the player ran"),
                            quote(m_db.path()));
    m_problem = i18n::format(_("{1}; plays go on and are kept in {2}; restart the player "
                               "('systemctl restart loa') to write them into the station's "
                               "database"),
                             *m_damage, quote(journal_path()));
    return true;
}

std::int64_t PlayLog::real_id(std::int64_t id) const {
    if (id >= 0)
        return id;
    const auto found = m_written_ids.find(id);
    return found == m_written_ids.end() ? 0 : found->second;
}

bool PlayLog::has_outcome(const std::string &slot, const CivilDateTime &occurrence,
                          std::int64_t position) {
    const auto finished_interrupted = [&](const PendingWrite &write) {
        for (const auto &later : m_pending)
            if (later.entry.kind == JournalEntry::Kind::finish && later.id == write.id &&
                later.entry.end.status == PlayStatus::interrupted)
                return true;
        return false;
    };
    for (const auto &write : m_pending) {
        const auto &r = write.entry.record;
        if (write.entry.kind == JournalEntry::Kind::finish || r.trigger != Trigger::scheduled ||
            r.slot != slot || r.occurrence != occurrence || r.position != position ||
            r.status == PlayStatus::interrupted)
            continue;
        if (!finished_interrupted(write))
            return true;
    }
    try {
        // A started row whose interruption waits in memory is no outcome.
        std::vector<std::int64_t> interrupted;
        for (const auto &write : m_pending)
            if (write.entry.kind == JournalEntry::Kind::finish &&
                write.entry.end.status == PlayStatus::interrupted)
                interrupted.push_back(real_id(write.id));
        const auto select =
            m_db.cached("SELECT play_id FROM plays WHERE trigger = 'scheduled' AND slot = ?1 AND "
                        "occurrence = ?2 AND position = ?3 AND status <> 'interrupted'");
        select->bind(1, slot).bind(2, occurrence.text()).bind(3, position);
        bool found = false;
        while (select->step())
            if (std::find(interrupted.begin(), interrupted.end(), select->column_int(0)) ==
                interrupted.end())
                found = true;
        return found;
    } catch (const sqlite::SqliteError &error) {
        classify(error);
        return false; // The unique index still refuses a second outcome when the rows are written.
    }
}

void PlayLog::set_write_wait(std::chrono::milliseconds wait) {
    sqlite3_busy_timeout(m_db.handle(), static_cast<int>(wait.count()));
}

std::vector<PlayRecord> PlayLog::query(const PlayFilter &filter) const {
    std::vector<PlayRecord> rows;
    scan(filter, [&](const PlayRecord &row) { rows.push_back(row); });
    return rows;
}

void PlayLog::scan(const PlayFilter &filter,
                   const std::function<void(const PlayRecord &)> &visit) const {
    scan_plays(m_db, filter, visit);
}

std::vector<std::string> PlayLog::played_content() const {
    std::vector<std::string> hashes;
    sqlite::Statement played(m_db, "SELECT DISTINCT sha256 FROM plays WHERE sha256 IS NOT NULL");
    while (played.step())
        hashes.push_back(played.column_text(0));
    return hashes;
}

} // namespace loa::playlog
