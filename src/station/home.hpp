#pragma once
// The station home: station.toml, loa.db and library/ in one folder (--home DIR,
// LOA_HOME, or the current folder).
#include "station/station_config.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace loa::sqlite {
class Database;
}

namespace loa::station {

/// How a command uses the station's database (loa.db). Only `loa init` creates it.
enum class Access {
    /// Read-only (SQLITE_OPEN_READONLY, or immutable when nothing can write the folder):
    /// works on a read-only station home and never changes a file.
    read,
    /// Read and write, schema brought up to date: the player, which must keep
    /// playing even when part of the file is damaged.
    write,
    /// As `write`, then PRAGMA quick_check: a one-shot command that changes the
    /// station is refused (Error, exit 3) when the database is damaged.
    write_after_check,
};

class Home {
public:
    explicit Home(std::filesystem::path root) : m_root(std::move(root)) {}

    const std::filesystem::path &root() const noexcept { return m_root; }
    std::filesystem::path config_path() const { return m_root / "station.toml"; }
    std::filesystem::path database_path() const { return m_root / "loa.db"; }
    std::filesystem::path library_path() const { return m_root / "library"; }

    /// Creates what is missing (folder, station.toml from `config`, library/,
    /// database with its chain id); leaves what exists alone. Returns true if
    /// station.toml was created now.
    bool initialise(const StationConfig &config) const;

    /// Throws InputError telling the operator to run `loa init` if this is not a
    /// station home.
    void require_initialised() const;

    StationConfig load_config() const;

    /// Opens loa.db for `access`. Throws InputError when the file is missing (only
    /// `loa init` creates it) or, for reading, its schema is older than this program
    /// and the home cannot be written to bring it up to date; Error when the file is
    /// damaged (as `write_after_check` finds it, or as SQLite reports it at open).
    std::unique_ptr<sqlite::Database> open_database(Access access = Access::write) const;

private:
    std::unique_ptr<sqlite::Database> open_for_reading() const;
    std::unique_ptr<sqlite::Database> open_for_writing(Access access) const;
    std::filesystem::path m_root;
};

/// A new log chain id: a random (version 4) UUID from the kernel's entropy.
std::string new_chain_id();

/// The station's log chain id (a UUID made at init), from the database.
std::string chain_id(sqlite::Database &db);

} // namespace loa::station
