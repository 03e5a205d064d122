#include "common/temp_dir.hpp"
#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"

#include <catch2/catch.hpp>

namespace {

struct Fixture {
    loa::test::TempDir dir;
    loa::sqlite::Database db{dir / "t.sqlite", loa::sqlite::Database::Mode::read_write_create};
    Fixture() { db.execute("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)"); }
};

constexpr const char *numbers = "SELECT n FROM t WHERE ?1 IS NULL OR n >= ?1 ORDER BY n";

} // namespace

TEST_CASE("a kept statement comes back reset, without its bindings") {
    Fixture f;
    const loa::sqlite::Statement *first = nullptr;
    {
        const auto select = f.db.cached(numbers);
        first = &*select;
        select->bind(1, 3);
        REQUIRE(select->step());
        CHECK(select->column_int(0) == 3); // left on its row: the lease's end resets it
    }
    const auto again = f.db.cached(numbers);
    CHECK(&*again == first); // prepared once
    REQUIRE(again->step());
    CHECK(again->column_int(0) == 1); // from the start, ?1 unbound
}

TEST_CASE("a nested use of the same SQL gets a statement of its own") {
    Fixture f;
    const auto outer = f.db.cached(numbers);
    REQUIRE(outer->step());
    {
        const auto inner = f.db.cached(numbers);
        CHECK(&*inner != &*outer);
        int rows = 0;
        while (inner->step())
            ++rows;
        CHECK(rows == 3);
    }
    REQUIRE(outer->step());
    CHECK(outer->column_int(0) == 2); // the outer walk went on undisturbed
}

TEST_CASE("reopening the connection drops the kept statements, even one in use") {
    Fixture f;
    {
        const auto select = f.db.cached(numbers);
        f.db.reopen([] {});
        REQUIRE(select->step()); // the old connection stays until this lease ends
        CHECK(select->column_int(0) == 1);
    }
    f.db.execute("INSERT INTO t VALUES (4)");
    const auto after = f.db.cached("SELECT count(*) FROM t");
    REQUIRE(after->step());
    CHECK(after->column_int(0) == 4);
    const auto same_sql = f.db.cached(numbers);
    int rows = 0;
    while (same_sql->step())
        ++rows;
    CHECK(rows == 4);
}
