// The play log's journal: every transition is on the disk before the database
// sees it, so a crash while rows wait (disk full, a lock, a damaged file) loses
// nothing, and replaying the journal writes each transition exactly once.
#include "lib/sqlite/statement.hpp"
#include "log_fixture.hpp"
#include "playlog/journal.hpp"
#include "playlog/verify_log.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <random>

using namespace std::chrono_literals;

namespace {

struct WriteLock {
    loa::sqlite::Database other;
    explicit WriteLock(const std::filesystem::path &path)
        : other(path, loa::sqlite::Database::Mode::read_write) {
        other.execute("BEGIN EXCLUSIVE");
    }
    void release() { other.execute("COMMIT"); }
};

const auto six_civil = *loa::playlog::CivilDateTime::parse("2020-07-20T06:00:00");

} // namespace

TEST_CASE("rows that waited when the process died are replayed from the journal, each once") {
    loa::test::LogFixture f;
    f.play(0);
    const auto journal = f.log->journal_path();
    {
        f.log->set_write_wait(20ms);
        WriteLock lock(f.home.database_path());
        const auto id = f.log->begin(f.item(1), f.six, f.six + 1min);
        CHECK(id.result == loa::playlog::Begin::queued);
        REQUIRE(f.log->write_problem());
        CHECK(f.log->finish(id.play_id, {loa::PlayStatus::completed, f.six + 1min, f.six + 2min,
                                         std::nullopt, 0}) == loa::playlog::Write::queued);
        CHECK(f.log->record_outcome(f.item(2), f.six, loa::PlayStatus::missed, "late").result ==
              loa::playlog::Write::queued);
        f.log.reset(); // the process dies with three writes waiting
        lock.release();
    }
    {
        // ... in the middle of appending a fourth.
        std::ofstream torn(journal, std::ios::app | std::ios::binary);
        torn << "{\"entry\":\"dead-1\",\"kind\":\"outc";
    }
    const auto restart = [&] {
        f.log = std::make_unique<loa::playlog::PlayLog>(*f.db, "KG-01",
                                                        loa::TimeZone::load("Asia/Ho_Chi_Minh"));
        CHECK(f.log->recover_unfinished("power cut") == 0);
        CHECK(f.log->pending_writes() == 0);
    };
    restart();
    auto rows = f.log->query({});
    REQUIRE(rows.size() == 3);
    std::sort(rows.begin(), rows.end(),
              [](const auto &a, const auto &b) { return a.position < b.position; });
    CHECK(rows[0].position == 0);
    CHECK(rows[1].position == 1);
    CHECK(rows[1].status == loa::PlayStatus::completed);
    CHECK(rows[1].lateness_ms == 0);
    CHECK(rows[2].status == loa::PlayStatus::missed);
    CHECK(f.log->has_outcome("sang", six_civil, 1));
    CHECK(f.log->has_outcome("sang", six_civil, 2));

    // The torn line was cut off: what is appended next is a line of its own.
    f.play(3);
    const auto contents = loa::playlog::Journal(journal).read();
    CHECK_FALSE(contents.torn_tail);
    CHECK(contents.unreadable_lines == 0);
    CHECK(contents.entries.size() == 2 + 3 + 2);

    // Replaying the same journal again (another crash, another start) adds nothing.
    restart();
    restart();
    rows = f.log->query({});
    REQUIRE(rows.size() == 4);
    const auto verdict = loa::playlog::verify_log(*f.db);
    CHECK_FALSE(verdict.first_break);
    CHECK(verdict.rows_checked == 4);
}

TEST_CASE("a journal line round-trips every stored field of a row") {
    loa::playlog::JournalEntry entry;
    entry.id = "e-7";
    entry.record.station = "KG-01";
    entry.record.slot = "sang";
    entry.record.occurrence = six_civil;
    entry.record.position = 3;
    entry.record.announcement = "lua-dao";
    entry.record.title = "Lừa \"đảo\"\n";
    entry.record.clock_synced = false;
    entry.record.scheduled_at = loa::StationTime{loa::TimePoint(1595199600000ms), 7h};
    entry.record.resumes = 12;
    const auto line = loa::playlog::Journal::encode(entry);
    CHECK(line.find('\n') == std::string::npos);
    const auto back = loa::playlog::Journal::decode(line);
    REQUIRE(back);
    CHECK(back->id == "e-7");
    CHECK(back->record.occurrence == six_civil);
    CHECK(back->record.title == entry.record.title);
    CHECK(back->record.clock_synced == false);
    CHECK(back->record.scheduled_at == entry.record.scheduled_at);
    CHECK(back->record.resumes == 12);
    CHECK_FALSE(back->record.campaign);
    CHECK_FALSE(loa::playlog::Journal::decode(line.substr(0, line.size() - 1)));
}

TEST_CASE("a damaged database does not silence the station: the play goes on and its rows wait") {
    loa::test::LogFixture f;
    for (int position = 0; position < 40; ++position)
        f.play(position);
    // Reopened (no page in any cache), then every page but the header is overwritten.
    f.log.reset();
    f.db.reset();
    const auto path = f.home.database_path();
    {
        loa::sqlite::Database checkpoint(path, loa::sqlite::Database::Mode::read_write);
        checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const auto size = std::filesystem::file_size(path);
    REQUIRE(size > 8192);
    {
        std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
        std::mt19937 random(16);
        file.seekp(4096);
        for (auto at = std::uintmax_t{4096}; at < size; ++at)
            file.put(static_cast<char>(random()));
    }
    f.db = std::make_unique<loa::sqlite::Database>(path, loa::sqlite::Database::Mode::read_write);
    // The chain id is in meta; a damaged file may not give it, and the log opens all the same.
    f.log = std::make_unique<loa::playlog::PlayLog>(*f.db, "KG-01",
                                                    loa::TimeZone::load("Asia/Ho_Chi_Minh"));
    const auto begun = f.log->begin(f.item(40), f.six, f.six + 40min);
    CHECK(begun.result == loa::playlog::Begin::queued);
    REQUIRE(f.log->write_problem());
    CHECK_THAT(*f.log->write_problem(), Catch::Contains("damaged"));
    CHECK(f.log->finish(begun.play_id, {loa::PlayStatus::completed, f.six + 40min, f.six + 41min,
                                        std::nullopt, 0}) == loa::playlog::Write::queued);
    // Its own two, and the 40 plays the journal holds since its last checkpoint: the damaged
    // file cannot confirm them, so they wait too (each is written once, by its entry id).
    CHECK(f.log->pending_writes() == 2 + 40 * 2);
    const auto contents = loa::playlog::Journal(f.log->journal_path()).read();
    REQUIRE(contents.entries.size() >= 2);
    CHECK(contents.entries.back().kind == loa::playlog::JournalEntry::Kind::finish);
}

TEST_CASE("a loa.db deleted while the log has it open is written back, chain and all") {
    loa::test::LogFixture f;
    f.play(0);
    const auto path = f.home.database_path();
    std::filesystem::remove(path);
    f.play(1);
    REQUIRE(std::filesystem::exists(path));
    CHECK(f.log->pending_writes() == 0);
    REQUIRE(f.log->write_problem());
    CHECK_THAT(*f.log->write_problem(), Catch::Contains("deleted"));
    loa::sqlite::Database reread(path, loa::sqlite::Database::Mode::read_only);
    loa::sqlite::Statement count(reread, "SELECT count(*) FROM plays WHERE seq IS NOT NULL");
    REQUIRE(count.step());
    CHECK(count.column_int(0) == 2);
    count.reset();
    const auto verdict = loa::playlog::verify_log(reread);
    CHECK_FALSE(verdict.first_break);
    CHECK(verdict.rows_checked == 2);
}
