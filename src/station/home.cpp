#include "station/home.hpp"

#include "core/durable_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"
#include "station/schema.hpp"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <random>

namespace loa::station {

std::string new_chain_id() {
    std::random_device random;
    unsigned char bytes[16];
    for (auto &byte : bytes)
        byte = static_cast<unsigned char>(random());
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40);
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);
    char text[37];
    std::snprintf(text, sizeof text,
                  "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", bytes[0],
                  bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8],
                  bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
    return text;
}

namespace {

void make_folder(const std::filesystem::path &path) {
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec)
        throw Error(i18n::format(_("cannot create folder {1}: {2}"), quote(path), ec.message()));
}

// SQLite's primary result codes for a damaged file (stable across versions; only
// lib/sqlite includes sqlite3.h).
constexpr int sqlite_corrupt = 11, sqlite_notadb = 26;

bool writable(const std::filesystem::path &path) {
    return ::access(path.c_str(), W_OK) == 0;
}

Error damaged(const std::filesystem::path &path, const std::string &problem) {
    return Error(i18n::format(_("the station's database {1} is damaged ({2}); nothing was "
                                "changed. Stop the player (systemctl stop loa), keep a copy of "
                                "the file, see what is wrong with: sqlite3 {1} \"PRAGMA "
                                "integrity_check\", then restore the last backup of loa.db"),
                              quote(path), problem));
}

/// Runs `open` and names a damaged file as such, whatever step of opening found it.
template <typename Open>
std::unique_ptr<sqlite::Database> opened(const std::filesystem::path &path, Open open) {
    try {
        return open();
    } catch (const sqlite::SqliteError &error) {
        if (error.code() == sqlite_corrupt || error.code() == sqlite_notadb)
            throw damaged(path, error.what());
        throw;
    }
}

/// PRAGMA quick_check: every page's structure, without the index cross-check
/// that makes integrity_check slow on a large log. Throws the damaged-database Error.
void require_intact(sqlite::Database &db) {
    sqlite::Statement check(db, "PRAGMA quick_check(1)");
    const std::string verdict = check.step() ? check.column_text(0) : std::string("no answer");
    check.reset();
    if (verdict == "ok")
        return;
    // "*** in database main ***\nPage 11: ...": one line, what matters.
    std::string problem = verdict;
    if (const auto header = problem.find("***\n"); header != std::string::npos)
        problem.erase(0, header + 4);
    std::replace(problem.begin(), problem.end(), '\n', ' ');
    throw damaged(db.path(), problem);
}

/// An existing station.toml must be a file loa can read: `init` keeps it, so it
/// must not call a broken one ready.
void require_usable_config(const std::filesystem::path &path) {
    if (!std::filesystem::exists(path))
        return;
    if (!std::filesystem::is_regular_file(path))
        throw InputError(i18n::format(_("{1} is not a file (a folder?); move it away and run "
                                        "'loa init' again to write a new one, or put the "
                                        "station's station.toml there"),
                                      quote(path)));
    load_station_config(path);
}

} // namespace

bool Home::initialise(const StationConfig &config) const {
    require_usable_config(config_path());
    make_folder(m_root);
    make_folder(library_path());
    bool created = false;
    if (!std::filesystem::exists(config_path())) {
        write_file_durably(config_path(), render_station_config(config));
        created = true;
    }
    auto db = opened(database_path(), [&] {
        auto created_db = std::make_unique<sqlite::Database>(
            database_path(), sqlite::Database::Mode::read_write_create);
        migrate(*created_db);
        return created_db;
    });
    sqlite::Statement insert(*db,
                             "INSERT OR IGNORE INTO meta (key, value) VALUES ('chain_id', ?1)");
    insert.bind(1, new_chain_id()).run();
    return created;
}

void Home::require_initialised() const {
    if (!std::filesystem::exists(config_path()))
        throw InputError(i18n::format(_("no station here: {1} does not exist; run 'loa init' "
                                        "first, or give --home with the station's folder"),
                                      quote(config_path())));
}

StationConfig Home::load_config() const {
    require_initialised();
    return load_station_config(config_path());
}

std::unique_ptr<sqlite::Database> Home::open_database(Access access) const {
    if (!std::filesystem::exists(database_path()))
        throw InputError(i18n::format(
            _("the station's database {1} is missing; restore it from a backup if it was "
              "deleted by mistake, or run 'loa init' to make a new, empty one (the library index "
              "and the play log then start again)"),
            quote(database_path())));
    return opened(database_path(), [&] {
        return access == Access::read ? open_for_reading() : open_for_writing(access);
    });
}

std::unique_ptr<sqlite::Database> Home::open_for_writing(Access access) const {
    auto db =
        std::make_unique<sqlite::Database>(database_path(), sqlite::Database::Mode::read_write);
    migrate(*db);
    if (access == Access::write_after_check)
        require_intact(*db);
    return db;
}

std::unique_ptr<sqlite::Database> Home::open_for_reading() const {
    // A reader of a WAL database needs its -shm file. When nothing can write the folder
    // there is no writer either, and no -shm can be made: open it immutable.
    auto shm = database_path();
    shm += "-shm";
    const bool can_share = writable(m_root) || std::filesystem::exists(shm);
    auto wal = database_path();
    wal += "-wal";
    std::error_code ec;
    if (!can_share && std::filesystem::file_size(wal, ec) > 0 && !ec)
        throw Error(i18n::format(_("{1} holds changes not yet in loa.db, and the station home {2} "
                                   "is read-only, so they cannot be read; let the player or 'loa "
                                   "init' open it once with write access, or read a copy of the "
                                   "folder"),
                                 quote(wal), quote(m_root)));
    auto db = std::make_unique<sqlite::Database>(
        database_path(), can_share ? sqlite::Database::Mode::read_only
                                   : sqlite::Database::Mode::read_only_immutable);
    const int version = db->user_version();
    if (version == schema_version())
        return db;
    if (version > schema_version() || !writable(m_root) || !writable(database_path()))
        throw InputError(i18n::format(
            version > schema_version()
                ? _("the station's database {1} has schema {2} and this loa reads schema {3}; "
                    "install the newer loa that wrote it again")
                : _("the station's database {1} has schema {2} and this loa reads schema {3}; "
                    "run 'loa init' as the station's user to bring it up to date"),
            quote(database_path()), std::to_string(version), std::to_string(schema_version())));
    open_for_writing(Access::write); // brings the schema up to date, then reads through `db`
    return db;
}

std::string chain_id(sqlite::Database &db) {
    sqlite::Statement select(db, "SELECT value FROM meta WHERE key = 'chain_id'");
    if (!select.step())
        throw Error(i18n::format(_("database {1} has no chain id; run 'loa init' again"),
                                 quote(db.path())));

    std::string id = select.column_text(0);
    select.reset();
    return id;
}

} // namespace loa::station
