#include "library/library.hpp"

#include "core/durable_file.hpp"
#include "core/error.hpp"
#include "core/sha256.hpp"
#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"
#include "library/audio_probe.hpp"
#include "library/slug.hpp"

#include <algorithm>

namespace loa::library {
namespace {

constexpr const char *select_columns =
    "SELECT id, title, category, campaign, source, reference, valid_from, valid_until, sha256, "
    "stored_as, original_name, format, sample_rate, channels, frames, duration_ms, loudness_lufs, "
    "true_peak_dbtp, imported_at FROM announcements ";

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
    if (!row.is_null(16))
        a.loudness_lufs = row.column_double(16);
    if (!row.is_null(17))
        a.true_peak_dbtp = row.column_double(17);
    a.imported_at = row.column_text(18);
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
            throw InputError("'" + *request.id + "' cannot be an announcement id: use lowercase letters, digits and '-', e.g. lua-dao-01");
        return *request.id;
    }
    const std::string id = slugify(request.file.stem().string());
    if (!is_valid_id(id))
        throw InputError(quote(request.file) + ": cannot make an id from the file name; give one with --id");
    return id;
}

} // namespace

ImportResult Library::import(const ImportRequest &request, const std::string &imported_at) {
    const AudioInfo audio = probe_audio(request.file);
    Announcement a;
    a.id = choose_id(request);
    a.sha256 = Sha256::of_file(request.file);
    if (const auto existing = find(a.id)) {
        if (existing->sha256 == a.sha256)
            return {*existing, ImportOutcome::already_present};
        throw InputError(quote(request.file) + ": the id '" + a.id +
                         "' is already used by another recording (" + existing->original_name +
                         "); choose another id with --id");
    }
    a.title = request.title.value_or(request.file.stem().string());
    a.campaign = request.campaign;
    a.category = request.category;
    a.reference = request.reference;
    a.stored_as = a.sha256.substr(0, 2) + "/" + a.sha256 + extension_of(request.file);
    a.original_name = request.file.filename().string();
    a.format = audio.format;
    a.sample_rate = audio.sample_rate;
    a.channels = audio.channels;
    a.frames = audio.frames;
    a.duration_ms = audio.duration_ms();
    a.imported_at = imported_at;
    // File first, then the row: a crash in between leaves a file no row names,
    // which the next import of the same content reuses.
    store_content(request.file, content_path(a));
    insert(a);
    return {a, ImportOutcome::imported};
}

void Library::store_content(const std::filesystem::path &from, const std::filesystem::path &to) const {
    std::error_code ec;
    if (std::filesystem::exists(to, ec) && Sha256::of_file(to) == to.stem().string())
        return;
    std::filesystem::create_directories(to.parent_path(), ec);
    if (ec)
        throw Error("cannot create folder " + quote(to.parent_path()) + ": " + ec.message());
    copy_file_durably(from, to);
}

void Library::insert(const Announcement &a) {
    sqlite::Statement insert(
        m_db, "INSERT INTO announcements (id, title, category, campaign, source, reference, "
              "valid_from, valid_until, sha256, stored_as, original_name, format, sample_rate, "
              "channels, frames, duration_ms, loudness_lufs, true_peak_dbtp, imported_at) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)");
    insert.bind(1, a.id).bind(2, a.title).bind(3, a.category).bind(4, a.campaign).bind(5, a.source);
    insert.bind(6, a.reference).bind(7, a.valid_from).bind(8, a.valid_until).bind(9, a.sha256);
    insert.bind(10, a.stored_as).bind(11, a.original_name).bind(12, a.format);
    insert.bind(13, a.sample_rate).bind(14, a.channels).bind(15, a.frames).bind(16, a.duration_ms);
    insert.bind(17, a.loudness_lufs).bind(18, a.true_peak_dbtp).bind(19, a.imported_at);
    insert.run();
}

std::optional<Announcement> Library::find(const std::string &id) const {
    sqlite::Statement select(m_db, std::string(select_columns) + "WHERE id = ?1");
    select.bind(1, id);
    if (!select.step())
        return std::nullopt;
    Announcement a = read_row(select);
    select.reset();
    return a;
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
