#include "common/temp_dir.hpp"
#include "core/durable_file.hpp"
#include "core/error.hpp"
#include "core/sha256.hpp"
#include "lib/sqlite/database.hpp"
#include "library/library.hpp"
#include "station/home.hpp"

#include <catch2/catch.hpp>

namespace {

struct Fixture {
    loa::test::TempDir dir;
    loa::station::Home home{dir / "home"};
    std::unique_ptr<loa::sqlite::Database> db;
    std::unique_ptr<loa::library::Library> library;
    Fixture() {
        home.initialise({});
        db = home.open_database();
        library = std::make_unique<loa::library::Library>(*db, home.library_path());
    }
    loa::library::ImportResult import(const std::filesystem::path &file, std::optional<std::string> id = {}) {
        return library->import({file, std::move(id), {}, {}, {}, {}}, "2026-11-27T10:00:00.000+07:00");
    }
    std::size_t stored_files() const {
        std::size_t count = 0;
        for (const auto &entry : std::filesystem::recursive_directory_iterator(home.library_path()))
            count += entry.is_regular_file() ? 1 : 0;
        return count;
    }
};

} // namespace

TEST_CASE("importing the bundled FLAC measures it and stores it by content") {
    Fixture f;
    const auto file = loa::test::sample_audio("lua-dao-qua-mang.flac");
    const auto result = f.import(file);
    const auto &a = result.announcement;
    CHECK(result.outcome == loa::library::ImportOutcome::imported);
    CHECK(a.id == "lua-dao-qua-mang");
    CHECK(a.sample_rate == 22050);
    CHECK(a.channels == 1);
    CHECK(a.format.find("FLAC") != std::string::npos);
    CHECK(a.duration_ms > 5000);
    CHECK(a.sha256 == loa::Sha256::of_file(file));
    const auto stored = f.library->content_path(a);
    CHECK(stored.parent_path().filename() == a.sha256.substr(0, 2));
    CHECK(loa::Sha256::of_file(stored) == a.sha256);
    REQUIRE(f.library->find("lua-dao-qua-mang"));
    CHECK(f.library->find("lua-dao-qua-mang")->sha256 == a.sha256);
}

TEST_CASE("the same content imported twice is stored once") {
    Fixture f;
    f.import(loa::test::sample_audio("chuong.flac"));
    const auto again = f.import(loa::test::sample_audio("chuong.flac"));
    CHECK(again.outcome == loa::library::ImportOutcome::already_present);
    CHECK(f.stored_files() == 1);
}

TEST_CASE("an id already used by other content is refused") {
    Fixture f;
    f.import(loa::test::sample_audio("chuong.flac"), "x");
    CHECK_THROWS_WITH(f.import(loa::test::sample_audio("campuchia-mo-cua.ogg"), "x"),
                      Catch::Contains("already used"));
    CHECK(f.library->list().size() == 1);
}

TEST_CASE("bad files are refused with the file's name and nothing is stored") {
    Fixture f;
    SECTION("text named .wav") {
        loa::write_file_durably(f.dir / "fake.wav", "this is not audio at all, just text\n");
        CHECK_THROWS_WITH(f.import(f.dir / "fake.wav"), Catch::Contains("fake.wav") && Catch::Contains("not audio"));
    }
    SECTION("empty file") {
        loa::write_file_durably(f.dir / "empty.flac", "");
        CHECK_THROWS_WITH(f.import(f.dir / "empty.flac"), Catch::Contains("empty"));
    }
    SECTION("missing file") {
        CHECK_THROWS_WITH(f.import(f.dir / "nope.wav"), Catch::Contains("no such file"));
    }
    SECTION("a folder") {
        CHECK_THROWS_WITH(f.import(f.dir.path()), Catch::Contains("folder"));
    }
    SECTION("an impossible id") {
        CHECK_THROWS_AS(f.import(loa::test::sample_audio("chuong.flac"), "Bad Id"), loa::InputError);
    }
    CHECK(f.library->list().empty());
    CHECK(f.stored_files() == 0);
}
