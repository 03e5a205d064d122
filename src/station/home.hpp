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

    /// Opens loa.db and brings its schema up to date.
    std::unique_ptr<sqlite::Database> open_database() const;

private:
    std::filesystem::path m_root;
};

/// The station's log chain id (a UUID made at init), from the database.
std::string chain_id(sqlite::Database &db);

} // namespace loa::station
