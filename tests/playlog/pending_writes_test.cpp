// When another program holds the database's write lock (as disk full or a
// read-only remount would also refuse writes), plays go on and their rows wait
// in memory until the database takes them, chained in the order they happened.
#include "lib/sqlite/statement.hpp"
#include "log_fixture.hpp"
#include "playlog/verify_log.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace std::chrono_literals;

namespace {

/// Another connection holding BEGIN EXCLUSIVE: root ignores chmod, a lock does not.
struct WriteLock {
    loa::sqlite::Database other;
    explicit WriteLock(const std::filesystem::path &path)
        : other(path, loa::sqlite::Database::Mode::read_write) {
        other.execute("BEGIN EXCLUSIVE");
    }
    void release() { other.execute("COMMIT"); }
};

std::int64_t count_rows(loa::sqlite::Database &db) {
    loa::sqlite::Statement count(db, "SELECT count(*) FROM plays");
    count.step();
    const auto rows = count.column_int(0);
    count.reset();
    return rows;
}

} // namespace

TEST_CASE("a locked database does not stop plays: rows wait in memory, then are written in order") {
    loa::test::LogFixture f;
    f.play(0);
    f.log->set_write_wait(20ms);
    WriteLock lock(f.home.database_path());

    const auto id = f.log->begin(f.item(1), f.six, f.six + 1min).play_id;
    CHECK(id < 0);
    CHECK(
        f.log->has_outcome("sang", *loa::playlog::CivilDateTime::parse("2020-07-20T06:00:00"), 1));
    f.log->finish(id, {loa::PlayStatus::completed, f.six + 1min, f.six + 2min, std::nullopt, 0});
    const auto missed =
        f.log->record_outcome(f.item(2), f.six, loa::PlayStatus::missed, "late").play_id;
    CHECK(missed < 0);
    CHECK(f.log->pending_writes() == 3);
    REQUIRE(f.log->write_problem());
    CHECK_THAT(*f.log->write_problem(), Catch::Contains("locked"));
    CHECK(
        f.log->has_outcome("sang", *loa::playlog::CivilDateTime::parse("2020-07-20T06:00:00"), 2));
    CHECK_FALSE(f.log->flush());
    CHECK(count_rows(*f.db) == 1);

    lock.release();
    // The next call writes what waited first, then its own row.
    f.play(3);
    CHECK(f.log->pending_writes() == 0);
    CHECK_FALSE(f.log->write_problem());
    auto rows = f.log->query({});
    REQUIRE(rows.size() == 4);
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.seq < b.seq; });
    CHECK(rows[1].position == 1);
    CHECK(rows[1].status == loa::PlayStatus::completed);
    CHECK(rows[1].seq == 2);
    CHECK(rows[1].duration_ms == 60000);
    CHECK(rows[2].status == loa::PlayStatus::missed);
    CHECK(rows[2].seq == 3);
    CHECK(rows[3].seq == 4);
    const auto verdict = loa::playlog::verify_log(*f.db);
    CHECK_FALSE(verdict.first_break);
    CHECK(verdict.rows_checked == 4);
}

TEST_CASE("a play that started before the lock is finalised once the lock is gone") {
    loa::test::LogFixture f;
    f.log->set_write_wait(20ms);
    const auto id = f.log->begin(f.item(0), f.six, f.six).play_id;
    CHECK(id > 0);
    WriteLock lock(f.home.database_path());
    f.log->finish(id,
                  {loa::PlayStatus::interrupted, f.six, f.six + 5s, std::string("emergency"), 0});
    CHECK(f.log->pending_writes() == 1);
    // Interrupted while waiting: the item may be retried.
    CHECK_FALSE(
        f.log->has_outcome("sang", *loa::playlog::CivilDateTime::parse("2020-07-20T06:00:00"), 0));
    lock.release();
    CHECK(f.log->flush());
    const auto rows = f.log->query({});
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].status == loa::PlayStatus::interrupted);
    CHECK(rows[0].seq == 1);
}

TEST_CASE("a second outcome for an item is still refused, not queued") {
    loa::test::LogFixture f;
    f.play(0);
    CHECK(f.log->begin(f.item(0), f.six, f.six).result == loa::playlog::Begin::already_has_outcome);
    CHECK(f.log->pending_writes() == 0);
}
