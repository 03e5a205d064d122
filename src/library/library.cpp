#include "library/library.hpp"
#include "core/i18n.hpp"

#include "core/durable_file.hpp"
#include "core/error.hpp"
#include "core/sha256.hpp"
#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"
#include "library/audio_probe.hpp"
#include "library/campaign_store.hpp"
#include "library/slug.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <set>
#include <utility>

namespace loa::library {
namespace {

constexpr const char *select_columns =
    "SELECT id, title, category, campaign, source, reference, valid_from, valid_until, sha256, "
    "stored_as, original_name, format, sample_rate, channels, frames, duration_ms, loudness_lufs, "
    "true_peak_dbtp, sample_peak_dbfs, leading_silence_ms, trailing_silence_ms, silent, imported_at, "
    "spoken_text FROM announcements ";

std::optional<double> optional_double(const sqlite::Statement &row, int column) {
    return row.is_null(column) ? std::nullopt : std::optional<double>(row.column_double(column));
}

Announcement read_row(const sqlite::Statement &row) {
    Announcement a;
    a.id = row.column_text(0);
    a.title = row.column_text(1);
    a.category = row.column_optional_text(2);
    a.campaign = row.column_optional_text(3);
    a.source = row.column_optional_text(4);
    a.reference = row.column_optional_text(5);
    a.valid_from = row.column_optional_text(6);
    a.valid_until = row.column_optional_text(7);
    a.sha256 = row.column_text(8);
    a.stored_as = row.column_text(9);
    a.original_name = row.column_text(10);
    a.format = row.column_text(11);
    a.sample_rate = static_cast<int>(row.column_int(12));
    a.channels = static_cast<int>(row.column_int(13));
    a.frames = row.column_int(14);
    a.duration_ms = row.column_int(15);
    a.loudness_lufs = optional_double(row, 16);
    a.true_peak_dbtp = optional_double(row, 17);
    a.sample_peak_dbfs = optional_double(row, 18);
    a.leading_silence_ms = row.column_int(19);
    a.trailing_silence_ms = row.column_int(20);
    a.silent = row.column_int(21) != 0;
    a.imported_at = row.column_text(22);
    a.spoken_text = row.column_optional_text(23);
    return a;
}

std::string extension_of(const std::filesystem::path &file) {
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension.size() > 1 && extension.size() <= 6 ? extension : ".audio";
}

std::string choose_id(const ImportRequest &request) {
    if (request.id) {
        if (!is_valid_id(*request.id))
            throw InputError(why_not_an_id(*request.id));
        return *request.id;
    }
    std::string id = slugify(request.file.stem().string()); // Not const: returned by move.
    if (!is_valid_id(id))
        throw InputError(
            i18n::format(_("{1}: cannot make an id from the file name; give one with --id"),
                         quote(request.file)));
    return id;
}

void check_request(const ImportRequest &request, sqlite::Database &db) {
    for (const auto &[date, option] : {std::pair{&request.valid_from, "--valid-from"},
                                       std::pair{&request.valid_until, "--valid-until"}})
        if (*date && !is_iso_date(**date))
            throw InputError(
                i18n::format(_("{1} '{2}' is not a date; write it YYYY-MM-DD, e.g. 2020-07-17"),
                             option, **date));
    if (request.valid_from && request.valid_until && *request.valid_until < *request.valid_from)
        throw InputError(
            i18n::format(_("--valid-until {1} is before --valid-from {2}; check the dates"),
                         *request.valid_until, *request.valid_from));
    if (request.campaign && !CampaignStore(db).find(*request.campaign))
        throw InputError(i18n::format(_("no campaign '{1}'; add it first with 'loa campaign add', "
                                        "or see 'loa campaign list'"),
                                      *request.campaign));
}

/// The row for `audio`: metadata from the request, else from the row it replaces.
Announcement make_row(const ImportRequest &request, const AudioInfo &audio,
                      const std::optional<Announcement> &old) {
    Announcement a;
    const auto keep = [&](const std::optional<std::string> &given,
                          std::optional<std::string> Announcement::*field) {
        return given ? given : old ? (*old).*field : std::nullopt;
    };
    a.title = request.title.value_or(old ? old->title : request.file.stem().string());
    a.campaign = keep(request.campaign, &Announcement::campaign);
    a.category = keep(request.category, &Announcement::category);
    a.reference = keep(request.reference, &Announcement::reference);
    a.valid_from = keep(request.valid_from, &Announcement::valid_from);
    a.valid_until = keep(request.valid_until, &Announcement::valid_until);
    a.source = old ? old->source : std::nullopt;
    a.original_name = request.file.filename().string();
    a.format = audio.format;
    a.sample_rate = audio.sample_rate;
    a.channels = audio.channels;
    a.frames = audio.frames;
    a.duration_ms = audio.duration_ms();
    a.loudness_lufs = audio.levels.loudness_lufs;
    a.true_peak_dbtp = audio.levels.true_peak_dbtp;
    a.sample_peak_dbfs = audio.levels.sample_peak_dbfs;
    a.leading_silence_ms = audio.frames_to_ms(audio.levels.leading_silence_frames);
    a.trailing_silence_ms = audio.frames_to_ms(audio.levels.trailing_silence_frames);
    a.silent = audio.levels.silent;
    a.spoken_text = request.spoken_text; // a new recording is not the old one's text
    return a;
}

bool is_temporary(const std::filesystem::path &file) {
    const std::string name = file.filename().string();
    return !name.empty() && name.front() == '.' && name.find(".tmp-") != std::string::npos;
}

/// A temporary of a process that is still running (an import staging its copy).
bool is_in_use(const std::filesystem::path &temporary) {
    const std::string name = temporary.filename().string();
    const auto pid = std::atol(name.c_str() + name.rfind(".tmp-") + 5);
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

/// Removes a staged copy that was not renamed into place (refused, or failed).
struct StagedCleanup {
    const std::optional<std::filesystem::path> &staged;
    ~StagedCleanup() {
        std::error_code ec;
        if (staged)
            std::filesystem::remove(*staged, ec);
    }
};

} // namespace

ImportResult Library::import(const ImportRequest &request, const std::string &imported_at) {
    const std::string id = choose_id(request);
    check_request(request, m_db);
    const AudioInfo audio = probe_audio(request.file, request.limit);
    const std::string sha256 = Sha256::of_file(request.file);
    ImportOutcome outcome = ImportOutcome::imported;
    Announcement a;
    // The slow part, copying and syncing the content, happens before taking the
    // database's write lock, so the player's log writes never wait on it; the
    // staged copy is a temporary (named with our pid) that sweeps leave alone
    // while we run.
    const auto staged = stage_content(
        request.file, m_root / (sha256.substr(0, 2) + "/" + sha256 + extension_of(request.file)));
    const StagedCleanup cleanup{staged};
    {
        // Held from before the content is renamed into place until its row is
        // committed, so a sweep never sees content that is about to be named.
        sqlite::Transaction transaction(m_db);
        const auto existing = find(id);
        if (existing && existing->sha256 == sha256)
            return {*existing, ImportOutcome::already_present};
        if (existing && request.existing == ExistingId::refuse)
            throw InputError(
                i18n::format(_("{1}: the id '{2}' is already used by another recording "
                               "({3}); choose another id with --id, or add --replace"),
                             quote(request.file), id, existing->original_name));
        a = make_row(request, audio, existing);
        a.id = id;
        a.sha256 = sha256;
        a.stored_as = sha256.substr(0, 2) + "/" + sha256 + extension_of(request.file);
        a.imported_at = imported_at;
        publish_content(request.file, staged, content_path(a));
        write_row(a, existing ? ExistingId::replace : ExistingId::refuse);
        transaction.commit();
        outcome = existing ? ImportOutcome::replaced : ImportOutcome::imported;
    }
    remove_unreferenced_content();
    return {a, outcome};
}

void Library::remove(const std::string &id) {
    {
        sqlite::Transaction transaction(m_db);
        if (!find(id))
            throw InputError(i18n::format(
                _("no announcement '{1}' in the library; 'loa list' shows the ids"), id));
        sqlite::Statement remove(m_db, "DELETE FROM announcements WHERE id = ?1");
        remove.bind(1, id).run();
        transaction.commit();
    }
    remove_unreferenced_content();
}

int Library::remove_unreferenced_content() {
    sqlite::Transaction transaction(m_db);
    const int removed = sweep_locked();
    transaction.commit();
    return removed;
}

int Library::sweep_locked() {
    if (!m_played)
        return 0; // what past plays played is unknown here: keep everything
    std::set<std::string> kept_paths;
    sqlite::Statement stored(m_db, "SELECT stored_as FROM announcements");
    while (stored.step())
        kept_paths.insert(stored.column_text(0));
    const std::vector<std::string> played = m_played();
    const std::set<std::string> played_hashes(played.begin(), played.end());
    std::error_code ec;
    std::vector<std::filesystem::path> stray;
    for (auto it = std::filesystem::recursive_directory_iterator(m_root, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec))
            continue;
        const auto &file = it->path();
        const std::string relative = file.lexically_relative(m_root).generic_string();
        if (is_temporary(file)
                ? !is_in_use(file)
                : (!kept_paths.count(relative) && !played_hashes.count(file.stem().string())))
            stray.push_back(file);
    }
    int removed = 0;
    for (const auto &file : stray)
        removed += std::filesystem::remove(file, ec) ? 1 : 0;
    return removed;
}

std::optional<std::filesystem::path> Library::find_content(const std::string &sha256) const {
    if (sha256.size() < 2)
        return std::nullopt;
    std::error_code ec;
    for (const auto &entry : std::filesystem::directory_iterator(m_root / sha256.substr(0, 2), ec))
        if (entry.path().stem() == sha256 && !is_temporary(entry.path()))
            return entry.path();
    return std::nullopt;
}

std::optional<std::filesystem::path> Library::stage_content(const std::filesystem::path &from,
                                                            const std::filesystem::path &to) const {
    std::error_code ec;
    if (std::filesystem::exists(to, ec) && Sha256::of_file(to) == to.stem().string())
        return std::nullopt;
    std::filesystem::create_directories(to.parent_path(), ec);
    if (ec)
        throw Error(i18n::format(_("cannot create folder {1}: {2}"), quote(to.parent_path()),
                                 ec.message()));
    const auto staged =
        to.parent_path() / ("." + to.filename().string() + ".tmp-" + std::to_string(::getpid()));
    copy_file_durably(from, staged);
    return staged;
}

void Library::publish_content(const std::filesystem::path &from,
                              const std::optional<std::filesystem::path> &staged,
                              const std::filesystem::path &to) const {
    std::error_code ec;
    if (staged) {
        std::filesystem::rename(*staged, to, ec);
        if (ec)
            throw Error(i18n::format(_("cannot store {1}: {2}"), quote(to), ec.message()));

        sync_directory(to.parent_path());
    } else if (!std::filesystem::exists(to, ec)) {
        // A sweep removed it since we looked (nothing named it then): copy again.
        copy_file_durably(from, to);
    }
}

void Library::write_row(const Announcement &a, ExistingId existing) {
    sqlite::Statement insert(
        m_db,
        std::string(existing == ExistingId::replace ? "INSERT OR REPLACE" : "INSERT") +
            " INTO announcements (id, title, category, campaign, source, reference, "
            "valid_from, valid_until, sha256, stored_as, original_name, format, sample_rate, "
            "channels, frames, duration_ms, loudness_lufs, true_peak_dbtp, sample_peak_dbfs, "
            "leading_silence_ms, trailing_silence_ms, silent, imported_at, spoken_text) VALUES (?1, ?2, "
            "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, "
            "?22, ?23, ?24)");
    insert.bind(1, a.id).bind(2, a.title).bind(3, a.category).bind(4, a.campaign).bind(5, a.source);
    insert.bind(6, a.reference).bind(7, a.valid_from).bind(8, a.valid_until).bind(9, a.sha256);
    insert.bind(10, a.stored_as).bind(11, a.original_name).bind(12, a.format);
    insert.bind(13, a.sample_rate).bind(14, a.channels).bind(15, a.frames).bind(16, a.duration_ms);
    insert.bind(17, a.loudness_lufs).bind(18, a.true_peak_dbtp).bind(19, a.sample_peak_dbfs);
    insert.bind(20, a.leading_silence_ms)
        .bind(21, a.trailing_silence_ms)
        .bind(22, a.silent ? 1 : 0);
    insert.bind(23, a.imported_at).bind(24, a.spoken_text);
    insert.run();
}

std::optional<Announcement> Library::find(const std::string &id) const {
    // Kept prepared: the player looks an item up for every play.
    static const std::string by_id = std::string(select_columns) + "WHERE id = ?1";
    const auto select = m_db.cached(by_id);
    select->bind(1, id);
    if (!select->step())
        return std::nullopt;
    return read_row(*select);
}

std::vector<Announcement> Library::list() const {
    sqlite::Statement select(m_db, std::string(select_columns) + "ORDER BY id");
    std::vector<Announcement> all;
    while (select.step())
        all.push_back(read_row(select));
    return all;
}

std::filesystem::path Library::content_path(const Announcement &announcement) const {
    return m_root / announcement.stored_as;
}

} // namespace loa::library
