#pragma once
// The station database's schema, as numbered migrations (PRAGMA user_version).
namespace loa::sqlite {
class Database;
}

namespace loa::station {

/// Applies every migration newer than the database's user_version, each in its
/// own transaction. Throws Error if the database is newer than this program.
void migrate(sqlite::Database &db);
/// The same, stopping at schema `up_to` (to build an older station in upgrade tests).
void migrate(sqlite::Database &db, int up_to);

/// The newest schema version this program knows.
int schema_version() noexcept;

} // namespace loa::station
