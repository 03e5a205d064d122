#pragma once
// The station's announcement library: content-addressed files under library/ and
// their index in the station database. A file and its row appear together or not
// at all.
#include "library/announcement.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace loa::sqlite {
class Database;
}

namespace loa::library {

/// What the operator said about a file being imported (all optional).
struct ImportRequest {
    std::filesystem::path file;
    std::optional<std::string> id; ///< Default: slug of the file name.
    std::optional<std::string> title;
    std::optional<std::string> campaign;
    std::optional<std::string> category;
    std::optional<std::string> reference;
};

enum class ImportOutcome { imported, already_present };

struct ImportResult {
    Announcement announcement;
    ImportOutcome outcome;
};

class Library {
public:
    Library(sqlite::Database &db, std::filesystem::path root) : m_db(db), m_root(std::move(root)) {}

    /// Probes, hashes and stores one file. Throws InputError naming the file when
    /// it is refused; then nothing of it is stored.
    ImportResult import(const ImportRequest &request, const std::string &imported_at);

    std::optional<Announcement> find(const std::string &id) const;
    std::vector<Announcement> list() const;
    /// Absolute path of an announcement's stored content.
    std::filesystem::path content_path(const Announcement &announcement) const;

private:
    void store_content(const std::filesystem::path &from, const std::filesystem::path &to) const;
    void insert(const Announcement &announcement);

    sqlite::Database &m_db;
    std::filesystem::path m_root;
};

} // namespace loa::library
