// The play log's journal and what it recovers: transitions journaled before they
// reach the database, replayed at the next write after a crash, and the journal
// emptied once the database holding them is checked healthy.
#include "core/i18n.hpp"
#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"
#include "playlog/play_log.hpp"
#include "playlog/reason_text.hpp"

#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>

namespace loa::playlog {
namespace {

/// Entries journaled since the last checkpoint after which the journal is emptied
/// (if the database passes its check): a few days of plays.
constexpr std::size_t checkpoint_entries = 256;

/// "20200720-060000" (UTC), for the name of a file set aside.
} // namespace

bool PlayLog::restore_database() {
    // The connection still has the file that was deleted or replaced under it (an
    // open file lives on): copy what it holds back to the path, chain and all, and
    // go on there. A file someone put in its place is kept aside, not lost.
    const std::filesystem::path path = m_db.path();
    auto restoring = path;
    restoring += ".restoring";
    try {
        m_db.copy_to(restoring);
        m_db.reopen([&] {
            std::error_code ec;
            if (std::filesystem::exists(path, ec)) {
                auto aside = path;
                aside += ".replaced-" + aside_stamp();
                std::filesystem::rename(path, aside);
                m_notice = i18n::format(_("the station database {1} was replaced while the "
                                          "player ran; the file found there is kept as {2} and "
                                          "the player's own log was put back"),
                                        quote(path), quote(aside));
            } else {
                m_notice = i18n::format(_("the station database {1} was deleted while the "
                                          "player ran; the player wrote it back from its open "
                                          "copy"),
                                        quote(path));
            }
            for (const char *suffix : {"-wal", "-shm"}) {
                auto stale = path;
                stale += suffix;
                std::filesystem::remove(stale, ec);
            }
            std::filesystem::rename(restoring, path);
        });
    } catch (const std::exception &error) {
        m_problem = i18n::format(_("{1}; writing it back failed ({2}); plays are kept in {3}; "
                                   "restart the player ('systemctl restart loa')"),
                                 *m_damage, error.what(), quote(journal_path()));
        return false;
    }
    m_file_id.reset();
    struct stat status {};
    if (::stat(path.c_str(), &status) == 0)
        m_file_id = std::make_pair(static_cast<std::uintmax_t>(status.st_dev),
                                   static_cast<std::uintmax_t>(status.st_ino));
    m_damage.reset();
    return true;
}

void PlayLog::open_journal() {
    if (m_journal_opened)
        return;
    m_journal_opened = true;
    const auto path = journal_path();
    if (path.empty())
        return;
    try {
        m_journal = std::make_unique<Journal>(path);
        const JournalContents contents = m_journal->read();
        if (contents.unreadable_lines > 0)
            m_journal_problem = i18n::format(
                _("the play log's journal {1} has {2} damaged line(s), which were left out; the "
                  "rest was written into the database"),
                quote(path), std::to_string(contents.unreadable_lines));
        queue_journal(contents);
    } catch (const Error &error) {
        m_journal.reset();
        m_journal_problem =
            std::string(error.what()) +
            "; plays are recorded in the database only, and lost if it cannot take them";
    }
    if (m_journal_problem)
        m_problem = m_journal_problem;
}

void PlayLog::queue_journal(const JournalContents &contents) {
    // What a crash left: written again in order, each once (apply() skips an
    // entry whose row is already there, and a finish of a finished row).
    std::map<std::string, std::int64_t> begun;
    for (const auto &entry : contents.entries) {
        PendingWrite write{entry, 0};
        if (entry.kind == JournalEntry::Kind::finish) {
            const auto found = begun.find(entry.finishes);
            write.id = found == begun.end() ? 0 : found->second;
        } else {
            write.id = m_next_provisional_id--;
            if (entry.kind == JournalEntry::Kind::begin)
                begun[entry.id] = write.id;
        }
        m_pending.push_back(std::move(write));
    }
}

void PlayLog::journal(const JournalEntry &entry) {
    if (!m_journal)
        return;
    try {
        m_journal->append(entry);
    } catch (const Error &error) {
        m_journal_problem = i18n::format(
            _("{1}; this play is kept only in the database, or in memory"), error.what());
        m_problem = m_journal_problem;
    }
}

void PlayLog::checkpoint() {
    // Not while a play is in progress either: its finish needs its begin in the
    // journal, should the database have to begin again from the journal.
    if (!m_journal || !m_pending.empty() || !m_begin_entries.empty() ||
        m_journal->size() < checkpoint_entries || database_replaced())
        return;
    try {
        sqlite::Statement check(m_db, "PRAGMA quick_check(1)");
        if (!check.step() || check.column_text(0) != "ok")
            return; // damaged where this log did not look: keep the journal
        check.reset();
        m_journal->clear();
    } catch (const sqlite::SqliteError &error) {
        classify(error);
    } catch (const Error &error) {
        m_journal_problem = error.what();
    }
}

int PlayLog::recover_unfinished(const Reason &reason) {
    open_journal();
    if (!flush())
        return 0;
    try {
        sqlite::Transaction transaction(m_db);
        std::vector<std::int64_t> ids;
        {
            sqlite::Statement select(
                m_db, "SELECT play_id FROM plays WHERE status = 'started' ORDER BY play_id");
            while (select.step())
                ids.push_back(select.column_int(0));
        }
        sqlite::Statement update(
            m_db, "UPDATE plays SET status = 'interrupted', error = ?2, reason_code = ?3, "
                  "reason_params = ?4 WHERE play_id = ?1");
        const auto stored = stored_columns(reason);
        for (const auto id : ids) {
            update.bind(1, id)
                .bind(2, stored.error)
                .bind(3, stored.code)
                .bind(4, stored.params)
                .run();
            chain(id);
        }
        transaction.commit();
        return static_cast<int>(ids.size());
    } catch (const sqlite::SqliteError &error) {
        classify(error);
        return 0;
    }
}

std::string PlayLog::aside_stamp() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%dT%H%M%S", &utc);
    return text;
}

} // namespace loa::playlog
