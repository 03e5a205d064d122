#pragma once
// The station's announcement library: content-addressed files under library/ and
// their index in the station database. A file and its row appear together or not
// at all: content is copied to a temporary name and fsync'd, then, while the
// database's write lock is held, renamed into place and its row committed.
// Content no row names and no play row's hash names (left by a crash, a replace
// or a remove) is swept under the same lock after each import and remove. Which
// content was played only the play log knows (it alone reads the plays table, and
// it sits above the library): the caller hands its answer in (PlayedContent).
#include "library/announcement.hpp"
#include "library/audio_probe.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace loa::sqlite {
class Database;
}

namespace loa::library {

enum class ExistingId { refuse, replace };

/// What the operator said about a file being imported (all optional).
struct ImportRequest {
    std::filesystem::path file;
    std::optional<std::string> id{}; ///< Default: slug of the file name.
    std::optional<std::string> title{};
    std::optional<std::string> campaign{}; ///< Must name a campaign of the station.
    std::optional<std::string> category{};
    std::optional<std::string> reference{};
    std::optional<std::string> valid_from{};  ///< YYYY-MM-DD.
    std::optional<std::string> valid_until{}; ///< YYYY-MM-DD.
    std::optional<std::string> spoken_text{}; ///< The text the file was synthesised from.
    ExistingId existing = ExistingId::refuse; ///< When the id names other content.
    LengthLimit limit = LengthLimit::three_hours;
};

enum class ImportOutcome { imported, replaced, already_present };

struct ImportResult {
    Announcement announcement;
    ImportOutcome outcome;
};

/// The content hashes (sha256) past plays played, whose files must be kept: what
/// playlog::PlayLog::played_content() answers. Called under the database's write
/// lock, on the same connection, so no play can be logged between it and the sweep.
using PlayedContent = std::function<std::vector<std::string>()>;

class Library {
public:
    /// `played` tells the sweep what to keep for past plays. A library made without
    /// it (one that only reads, as the player's) sweeps nothing: it keeps every file
    /// rather than delete content a play row names.
    Library(sqlite::Database &db, std::filesystem::path root, PlayedContent played = {})
        : m_db(db), m_root(std::move(root)), m_played(std::move(played)) {}

    /// Probes, measures, hashes and stores one file. Throws InputError naming the
    /// file when it is refused; then nothing of it is stored. Throws Error on a
    /// disk or database failure.
    ImportResult import(const ImportRequest &request, const std::string &imported_at);

    /// Deletes an announcement's row; its content goes too unless a play row or
    /// another announcement names it. Throws InputError for an unknown id.
    void remove(const std::string &id);

    std::optional<Announcement> find(const std::string &id) const;
    std::vector<Announcement> list() const;
    /// Absolute path of an announcement's stored content.
    std::filesystem::path content_path(const Announcement &announcement) const;
    /// The stored content with this SHA-256 (what a past play played), if kept.
    std::optional<std::filesystem::path> find_content(const std::string &sha256) const;

    /// Deletes content files and temporaries no row refers to. Returns how many
    /// (none without PlayedContent).
    int remove_unreferenced_content();

private:
    /// Copies `from` (durably) to a temporary beside `to`; none if `to` holds it already.
    std::optional<std::filesystem::path> stage_content(const std::filesystem::path &from,
                                                       const std::filesystem::path &to) const;
    /// Renames the staged copy into place and syncs the folder. Under the write lock.
    void publish_content(const std::filesystem::path &from,
                         const std::optional<std::filesystem::path> &staged,
                         const std::filesystem::path &to) const;
    void write_row(const Announcement &announcement, ExistingId existing);
    int sweep_locked();

    sqlite::Database &m_db;
    std::filesystem::path m_root;
    PlayedContent m_played;
};

} // namespace loa::library
