#include "station/schema.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "lib/sqlite/database.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace loa::station {
namespace {

// Append only: a released migration never changes, or stations upgraded from it
// would differ from new ones.
constexpr std::array migrations{
    R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE announcements (
    id             TEXT PRIMARY KEY,
    title          TEXT NOT NULL,
    category       TEXT,
    campaign       TEXT,
    source         TEXT,
    reference      TEXT,
    valid_from     TEXT,
    valid_until    TEXT,
    sha256         TEXT NOT NULL,
    stored_as      TEXT NOT NULL,
    original_name  TEXT NOT NULL,
    format         TEXT NOT NULL,
    sample_rate    INTEGER NOT NULL,
    channels       INTEGER NOT NULL,
    frames         INTEGER NOT NULL,
    duration_ms    INTEGER NOT NULL,
    loudness_lufs  REAL,
    true_peak_dbtp REAL,
    sample_peak_dbfs    REAL,
    leading_silence_ms  INTEGER NOT NULL DEFAULT 0,
    trailing_silence_ms INTEGER NOT NULL DEFAULT 0,
    silent         INTEGER NOT NULL DEFAULT 0 CHECK (silent IN (0, 1)),
    imported_at    TEXT NOT NULL
);

CREATE TABLE campaigns (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    reference   TEXT,
    valid_from  TEXT,
    valid_until TEXT,
    created_at  TEXT NOT NULL
);

CREATE TABLE schedules (
    version    INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256     TEXT NOT NULL,
    file_name  TEXT NOT NULL,
    content    TEXT NOT NULL,
    loaded_at  TEXT NOT NULL,
    loaded_ms  INTEGER NOT NULL,
    active     INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
);
CREATE UNIQUE INDEX schedules_one_active ON schedules (active) WHERE active = 1;

CREATE TABLE plays (
    play_id         INTEGER PRIMARY KEY AUTOINCREMENT,
    station         TEXT NOT NULL,
    slot            TEXT,
    scheduled_at    TEXT,
    scheduled_ms    INTEGER,
    position        INTEGER,
    planned_ms      INTEGER,
    started_at      TEXT,
    started_ms      INTEGER,
    ended_at        TEXT,
    announcement    TEXT NOT NULL,
    title           TEXT,
    campaign        TEXT,
    sha256          TEXT,
    status          TEXT NOT NULL CHECK (status IN
                        ('started', 'completed', 'interrupted', 'failed', 'missed', 'skipped')),
    lateness_ms     INTEGER,
    duration_ms     INTEGER,
    priority        TEXT NOT NULL,
    trigger         TEXT NOT NULL,
    error           TEXT,
    schedule_sha256 TEXT,
    device          TEXT,
    underruns       INTEGER,
    clock_synced    INTEGER,
    seq             INTEGER UNIQUE,
    prev_hash       TEXT,
    row_hash        TEXT,
    canonical       TEXT
);
-- Guarantee 2 in the database itself: one outcome per item of an occurrence
-- (an interrupted attempt may be retried), never two completed rows.
CREATE UNIQUE INDEX plays_one_outcome ON plays (slot, scheduled_at, position)
    WHERE trigger = 'scheduled' AND status <> 'interrupted';
CREATE INDEX plays_by_time ON plays (coalesce(started_ms, scheduled_ms, planned_ms));
CREATE INDEX plays_unfinished ON plays (status) WHERE status = 'started';
)sql",
    // 2: an occurrence's identity is its slot and the civil date-time the schedule
    // names (not the instant, which a DST gap can give to two times), and resumed
    // plays say where they started in the file and which attempt they continue.
    R"sql(
ALTER TABLE plays ADD COLUMN occurrence TEXT; -- 'YYYY-MM-DDTHH:MM:SS', station-local, as scheduled
ALTER TABLE plays ADD COLUMN offset_ms INTEGER; -- a resumed play started this far into the file
ALTER TABLE plays ADD COLUMN resumes INTEGER REFERENCES plays (play_id); -- the attempt it continues
UPDATE plays SET occurrence = substr(scheduled_at, 1, 19)
    WHERE trigger = 'scheduled' AND scheduled_at IS NOT NULL;
-- A scheduled row without its identity would slip past the unique indexes (NULLs
-- never collide): refuse it, and give a row that names only its instant the
-- civil time of that instant.
CREATE TRIGGER plays_scheduled_has_identity BEFORE INSERT ON plays
    WHEN NEW.trigger = 'scheduled' AND (NEW.slot IS NULL OR NEW.scheduled_at IS NULL OR NEW.position IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'a scheduled play needs its slot, scheduled time and position');
END;
CREATE TRIGGER plays_occurrence_from_instant AFTER INSERT ON plays
    WHEN NEW.trigger = 'scheduled' AND NEW.occurrence IS NULL
BEGIN
    UPDATE plays SET occurrence = substr(NEW.scheduled_at, 1, 19) WHERE play_id = NEW.play_id;
END;
-- Guarantee 2 on the occurrence's identity: one outcome per item (interrupted
-- attempts aside), so never two completed rows, and one attempt on air at a time.
CREATE UNIQUE INDEX plays_one_outcome_per_item ON plays (slot, occurrence, position)
    WHERE trigger = 'scheduled' AND status <> 'interrupted';
CREATE UNIQUE INDEX plays_one_resume ON plays (resumes) WHERE resumes IS NOT NULL;
)sql",
    // 3: the play log's journal (playlog/journal.hpp) names each begin and outcome by
    // an entry id the row keeps, so replaying the journal after a crash, or into a
    // fresh database, writes each transition once.
    R"sql(
ALTER TABLE plays ADD COLUMN entry TEXT; -- the journal entry that wrote the row
CREATE UNIQUE INDEX plays_by_entry ON plays (entry) WHERE entry IS NOT NULL;
)sql",
    // 4: a row's reason as data, a stable code and its parameters, rendered in the
    // reader's language when shown (playlog/reason_text.hpp). `error` keeps the
    // English text the chain covers; rows from before keep only that.
    R"sql(
ALTER TABLE plays ADD COLUMN reason_code TEXT; -- 'missed.late_limit'; NULL: error is free text
ALTER TABLE plays ADD COLUMN reason_params TEXT; -- a flat JSON object of strings
)sql",
    // 5: the console's accounts (station/users.hpp), and the record of who changed
    // what: accounts, and the console's plays, loads and imports.
    R"sql(
CREATE TABLE users (
    name                TEXT PRIMARY KEY,
    role                TEXT NOT NULL CHECK (role IN ('operator', 'viewer')),
    password_hash       TEXT NOT NULL, -- libsodium crypto_pwhash_str: argon2id, salted
    created_at          TEXT NOT NULL,
    password_changed_at TEXT NOT NULL
);
CREATE TABLE actions (
    action_id INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL, -- ISO 8601, station time
    user      TEXT NOT NULL, -- the console's user; the system user at the command line
    address   TEXT NOT NULL, -- the client's address; 'local' at the command line
    action    TEXT NOT NULL, -- 'user.add', 'user.passwd', 'user.remove', ...
    detail    TEXT NOT NULL
);
)sql",
    // 6: a typed notice made into speech (loa say) keeps the text it was read from in
    // its row, so the words and the recording are stored together or not at all.
    R"sql(
ALTER TABLE announcements ADD COLUMN spoken_text TEXT; -- NULL: a recording, not a typed notice
)sql",
};

} // namespace

int schema_version() noexcept {
    return static_cast<int>(migrations.size());
}

void migrate(sqlite::Database &db) {
    migrate(db, schema_version());
}

void migrate(sqlite::Database &db, int up_to) {
    const int current = db.user_version();
    if (current > schema_version())
        throw Error(i18n::format(
            _("database {1} was written by a newer loa (schema {2}); install that version again"),
            quote(db.path()), std::to_string(current)));

    for (int version = current + 1; version <= std::min(up_to, schema_version()); ++version) {
        sqlite::Transaction transaction(db);
        db.execute(migrations[static_cast<std::size_t>(version - 1)]);
        db.set_user_version(version);
        transaction.commit();
    }
}

} // namespace loa::station
