// Each kind of tampering, made with the sqlite3 tool on a copy of a real log.
#include "log_fixture.hpp"
#include "playlog/verify_log.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

namespace {

using loa::playlog::BreakKind;

/// A station log with seq 1–4 final (three completed, one missed) and one play in progress.
struct TamperFixture : loa::test::LogFixture {
    TamperFixture() {
        play(0);
        play(1);
        log->record_outcome(item(2), six, loa::PlayStatus::missed, "the player was not running");
        play(3);
        log->begin(item(4), six, six + std::chrono::minutes(4));
    }

    /// Runs `sql` with the sqlite3 tool on a copy of the database; returns the verdict on the copy.
    loa::playlog::VerifyResult tampered(const std::string &sql) {
        // The log first: its look at the file for damage may hold a connection, and
        // the database's write-ahead log goes into the file only when the last closes.
        log.reset();
        db.reset();
        const auto copy = dir / "copy.db";
        std::filesystem::copy_file(home.database_path(), copy);
        const std::string command = "sqlite3 '" + copy.string() + "' \"" + sql + "\"";
        REQUIRE(std::system(command.c_str()) == 0);
        loa::sqlite::Database copied(copy, loa::sqlite::Database::Mode::read_write);
        return loa::playlog::verify_log(copied);
    }
};

} // namespace

TEST_CASE("an untouched log verifies, rows in progress aside") {
    TamperFixture f;
    const auto result = loa::playlog::verify_log(*f.db);
    CHECK_FALSE(result.first_break);
    CHECK(result.rows_checked == 4);
    CHECK(result.last_seq == 4);
}

TEST_CASE("an edited field is caught, naming seq, play_id and the field") {
    TamperFixture f;
    const auto result =
        f.tampered("UPDATE plays SET status = 'completed', error = NULL WHERE seq = 3");
    REQUIRE(result.first_break);
    CHECK(result.first_break->kind == BreakKind::edited);
    CHECK(result.first_break->seq == 3);
    CHECK(result.first_break->play_id == 3);
    CHECK_THAT(result.first_break->message,
               Catch::Contains("seq 3 (play_id 3)") && Catch::Contains("field error"));
}

TEST_CASE("an edit with a recomputed canonical text but the old hash is caught") {
    TamperFixture f;
    const auto result = f.tampered(
        "UPDATE plays SET duration_ms = 99000, "
        "canonical = replace(canonical, '\\\"duration_ms\\\":41997', '\\\"duration_ms\\\":99000') "
        "WHERE seq = 2");
    REQUIRE(result.first_break);
    CHECK(result.first_break->kind == BreakKind::edited);
    CHECK(result.first_break->seq == 2);
    CHECK_THAT(result.first_break->message, Catch::Contains("row_hash does not match"));
}

TEST_CASE("a deleted row is caught at the next seq") {
    TamperFixture f;
    const auto result = f.tampered("DELETE FROM plays WHERE seq = 2");
    REQUIRE(result.first_break);
    CHECK(result.first_break->kind == BreakKind::deleted);
    CHECK(result.first_break->seq == 3);
    CHECK_THAT(result.first_break->message, Catch::Contains("seq 2 missing"));
}

TEST_CASE("a deleted row with the later rows renumbered is caught") {
    TamperFixture f;
    const auto result =
        f.tampered("DELETE FROM plays WHERE seq = 2; UPDATE plays SET seq = seq - 1 WHERE seq > 2");
    REQUIRE(result.first_break);
    CHECK(result.first_break->seq == 2);
    CHECK(result.first_break->play_id == 3);
    CHECK(result.first_break->kind == BreakKind::reordered);
}

TEST_CASE("deleting the last rows is caught by the recorded head of the chain") {
    TamperFixture f;
    const auto result = f.tampered("DELETE FROM plays WHERE seq >= 3");
    REQUIRE(result.first_break);
    CHECK(result.first_break->kind == BreakKind::deleted);
    CHECK_THAT(result.first_break->message,
               Catch::Contains("ends at seq 2") && Catch::Contains("up to seq 4"));
}

TEST_CASE("a row inserted outside loa is caught, chained or not") {
    TamperFixture f;
    SECTION("without a seq") {
        const auto result = f.tampered(
            "INSERT INTO plays (station, slot, scheduled_at, position, announcement, status, priority, trigger) "
            "VALUES ('KG-01', 'chieu', '2020-07-20T17:00:00.000+07:00', 0, 'lua-dao', 'completed', 'normal', "
            "'scheduled')");
        REQUIRE(result.first_break);
        CHECK(result.first_break->kind == BreakKind::inserted);
        CHECK(result.first_break->play_id == 6);
    }
    SECTION("copied into the chain at seq 2, the rest moved up") {
        const auto result = f.tampered(
            "UPDATE plays SET seq = -seq WHERE seq >= 2; UPDATE plays SET seq = 1 - seq WHERE seq < 0; "
            "INSERT INTO plays (station, slot, scheduled_at, position, announcement, status, priority, trigger, "
            "seq, prev_hash, row_hash, canonical) SELECT station, 'chieu', scheduled_at, position, announcement, "
            "status, priority, trigger, 2, prev_hash, row_hash, canonical FROM plays WHERE seq = 1");
        REQUIRE(result.first_break);
        CHECK(result.first_break->seq == 2);
        CHECK(result.first_break->play_id == 6);
    }
}

TEST_CASE("two rows swapped in the chain are caught as reordered") {
    TamperFixture f;
    const auto result = f.tampered(
        "UPDATE plays SET seq = -1 WHERE seq = 2; UPDATE plays SET seq = 2 WHERE seq = 3; "
        "UPDATE plays SET seq = 3 WHERE seq = -1");
    REQUIRE(result.first_break);
    CHECK(result.first_break->kind == BreakKind::reordered);
    CHECK(result.first_break->seq == 2);
    CHECK(result.first_break->play_id == 3);
    CHECK_THAT(result.first_break->message, Catch::Contains("was chained as seq 3"));
}

TEST_CASE("a row of another station's chain is caught") {
    TamperFixture f;
    const auto result =
        f.tampered("UPDATE meta SET value = 'another-chain' WHERE key = 'chain_id'");
    REQUIRE(result.first_break);
    CHECK(result.first_break->seq == 1);
    CHECK_THAT(result.first_break->message, Catch::Contains("field chain_id"));
}

TEST_CASE("deleting the last rows together with meta.chain_head is caught") {
    TamperFixture f;
    const auto result =
        f.tampered("DELETE FROM plays WHERE seq >= 3; DELETE FROM meta WHERE key = 'chain_head'");
    REQUIRE(result.first_break);
    CHECK(result.first_break->kind == BreakKind::deleted);
    CHECK_THAT(result.first_break->message, Catch::Contains("meta.chain_head is missing"));
}

TEST_CASE(
    "deleting the last rows and rewriting meta.chain_head is caught by the play_ids given out") {
    TamperFixture f;
    // Seq 4 and the play in progress after it go; the head is set to seq 3 as loa would have.
    const auto result = f.tampered(
        "DELETE FROM plays WHERE play_id >= 4; UPDATE meta SET value = "
        "(SELECT seq || ':' || row_hash FROM plays WHERE seq = 3) WHERE key = 'chain_head'");
    REQUIRE(result.first_break);
    CHECK(result.first_break->kind == BreakKind::deleted);
    CHECK_THAT(result.first_break->message, Catch::Contains("play_id 4 to 5 were given out"));
}

TEST_CASE("an edited millisecond column that listings sort and filter by is caught") {
    TamperFixture f;
    const auto [sql, column] = GENERATE(table<std::string, std::string>({
        {"UPDATE plays SET started_ms = started_ms - 86400000 WHERE seq = 2", "started_ms"},
        {"UPDATE plays SET scheduled_ms = scheduled_ms + 86400000 WHERE seq = 3", "scheduled_ms"},
        {"UPDATE plays SET planned_ms = planned_ms + 60000 WHERE seq = 4", "planned_ms"},
        {"UPDATE plays SET started_ms = NULL WHERE seq = 1", "started_ms is empty"},
        {"UPDATE plays SET scheduled_ms = NULL WHERE seq = 3", "scheduled_ms is empty"},
    }));
    const auto result = f.tampered(sql);
    REQUIRE(result.first_break);
    CHECK(result.first_break->kind == BreakKind::edited);
    CHECK_THAT(result.first_break->message,
               Catch::Contains(column) && Catch::Contains("was edited"));
}

TEST_CASE("an untouched log gives its head for a report's witness") {
    TamperFixture f;
    const auto result = loa::playlog::verify_log(*f.db);
    REQUIRE(result.last_seq == 4);
    CHECK(loa::playlog::chained_row_hash(*f.db, 4) == result.head_hash);
    CHECK(result.chain_id == loa::station::chain_id(*f.db));
    CHECK_FALSE(loa::playlog::chained_row_hash(*f.db, 5));
}
