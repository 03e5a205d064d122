#include "station/home.hpp"

#include "core/durable_file.hpp"
#include "core/error.hpp"
#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"
#include "station/schema.hpp"

#include <fstream>
#include <random>

namespace loa::station {
namespace {

/// A random (version 4) UUID from the kernel's entropy.
std::string make_uuid() {
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

void make_folder(const std::filesystem::path &path) {
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec)
        throw Error("cannot create folder " + quote(path) + ": " + ec.message());
}

} // namespace

bool Home::initialise(const StationConfig &config) const {
    make_folder(m_root);
    make_folder(library_path());
    bool created = false;
    if (!std::filesystem::exists(config_path())) {
        write_file_durably(config_path(), render_station_config(config));
        created = true;
    }
    auto db = open_database();
    sqlite::Statement insert(*db, "INSERT OR IGNORE INTO meta (key, value) VALUES ('chain_id', ?1)");
    insert.bind(1, make_uuid()).run();
    return created;
}

void Home::require_initialised() const {
    if (!std::filesystem::exists(config_path()))
        throw InputError("no station here: " + quote(config_path()) +
                         " does not exist; run 'loa init' first, or give --home with the station's folder");
}

StationConfig Home::load_config() const {
    require_initialised();
    return load_station_config(config_path());
}

std::unique_ptr<sqlite::Database> Home::open_database() const {
    auto db = std::make_unique<sqlite::Database>(database_path(), sqlite::Database::Mode::read_write_create);
    migrate(*db);
    return db;
}

std::string chain_id(sqlite::Database &db) {
    sqlite::Statement select(db, "SELECT value FROM meta WHERE key = 'chain_id'");
    if (!select.step())
        throw Error("database " + quote(db.path()) + " has no chain id; run 'loa init' again");
    std::string id = select.column_text(0);
    select.reset();
    return id;
}

} // namespace loa::station
