// Upgrading a station database keeps every row and adds the newer constraints.
#include "common/temp_dir.hpp"
#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"
#include "station/schema.hpp"

#include <catch2/catch.hpp>

namespace {

const char *const insert_v1 =
    "INSERT INTO plays (station, slot, scheduled_at, scheduled_ms, position, announcement, status, priority, "
    "trigger) VALUES ('T-01', ?1, ?2, 1595196000000, ?3, 'tone', ?4, 'normal', ?5)";

void insert_row(loa::sqlite::Database &db, const char *slot, const char *at, int position,
                const char *status, const char *trigger = "scheduled") {
    loa::sqlite::Statement insert(db, insert_v1);
    insert.bind(1, std::string(slot)).bind(2, std::string(at)).bind(3, std::int64_t{position});
    insert.bind(4, std::string(status)).bind(5, std::string(trigger));
    insert.run();
}

std::string text_of(loa::sqlite::Database &db, const std::string &sql) {
    loa::sqlite::Statement select(db, sql);
    REQUIRE(select.step());
    return select.column_text(0);
}

} // namespace

TEST_CASE("a version 1 database with plays migrates to the newest schema intact") {
    loa::test::TempDir dir;
    loa::sqlite::Database db(dir / "loa.db", loa::sqlite::Database::Mode::read_write_create);
    loa::station::migrate(db, 1);
    REQUIRE(db.user_version() == 1);
    insert_row(db, "sang", "2020-07-20T06:00:00.000+07:00", 0, "interrupted");
    insert_row(db, "sang", "2020-07-20T06:00:00.000+07:00", 0, "completed");
    insert_row(db, "sang", "2020-07-20T06:00:00.000+07:00", 1, "missed");
    const std::string before =
        text_of(db, "SELECT group_concat(play_id || slot || scheduled_at || position || "
                    "status, ';') FROM plays");

    loa::station::migrate(db);
    CHECK(db.user_version() == loa::station::schema_version());
    CHECK(loa::station::schema_version() >= 2);
    CHECK(text_of(db,
                  "SELECT group_concat(play_id || slot || scheduled_at || position || status, ';') "
                  "FROM plays") == before);
    CHECK(text_of(db, "SELECT group_concat(DISTINCT occurrence) FROM plays") ==
          "2020-07-20T06:00:00");

    // The constraints hold on the migrated rows: no second outcome for the item...
    CHECK_THROWS_AS(insert_row(db, "sang", "2020-07-20T06:00:00.000+07:00", 0, "completed"),
                    loa::sqlite::SqliteError);
    // ...even when a row names the same civil time with another offset (a clock
    // or zone change), since the identity is the slot's date and time of day.
    CHECK_THROWS_AS(insert_row(db, "sang", "2020-07-20T06:00:00.000+08:00", 1, "completed"),
                    loa::sqlite::SqliteError);
    // A retry after an interruption is its own row; so is another item.
    insert_row(db, "sang", "2020-07-20T06:00:00.000+07:00", 2, "interrupted");
    insert_row(db, "sang", "2020-07-20T06:00:00.000+07:00", 2, "completed");
    // A scheduled row without its position would slip past the index: refused.
    loa::sqlite::Statement no_position(
        db,
        "INSERT INTO plays (station, slot, scheduled_at, announcement, status, priority, trigger) "
        "VALUES ('T-01', 'sang', '2020-07-21T06:00:00.000+07:00', 'tone', 'completed', 'normal', 'scheduled')");
    CHECK_THROWS_AS(no_position.run(), loa::sqlite::SqliteError);
    // Manual plays have no occurrence and may repeat.
    insert_row(db, "", "", 0, "completed", "manual");
    insert_row(db, "", "", 0, "completed", "manual");
    CHECK(text_of(db, "SELECT count(*) FROM plays") == "7");
}
