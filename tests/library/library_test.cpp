#include "common/temp_dir.hpp"
#include "core/durable_file.hpp"
#include "core/error.hpp"
#include "core/sha256.hpp"
#include "generated_audio.hpp"
#include "lib/sqlite/database.hpp"
#include "library/library.hpp"
#include "playlog/play_log.hpp"
#include "station/home.hpp"

#include <sndfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

namespace {

struct Fixture {
    loa::test::TempDir dir;
    loa::station::Home home{dir / "home"};
    std::unique_ptr<loa::sqlite::Database> db;
    std::unique_ptr<loa::playlog::PlayLog> log;
    std::unique_ptr<loa::library::Library> library;
    Fixture() {
        home.initialise({});
        db = home.open_database();
        // As the cli makes it: the play log says what past plays played.
        log = std::make_unique<loa::playlog::PlayLog>(*db, "T",
                                                      loa::TimeZone::load("Asia/Ho_Chi_Minh"));
        library = std::make_unique<loa::library::Library>(*db, home.library_path(),
                                                          [this] { return log->played_content(); });
    }
    loa::library::ImportResult import(const std::filesystem::path &file,
                                      std::optional<std::string> id = {}) {
        return library->import({file, std::move(id), {}, {}, {}, {}},
                               "2026-11-27T10:00:00.000+07:00");
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
        CHECK_THROWS_WITH(f.import(f.dir / "fake.wav"),
                          Catch::Contains("fake.wav") && Catch::Contains("not audio"));
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
        CHECK_THROWS_AS(f.import(loa::test::sample_audio("chuong.flac"), "Bad Id"),
                        loa::InputError);
    }
    SECTION("an id of 10 kB: the limit is named, the id not echoed whole") {
        CHECK_THROWS_WITH(
            f.import(loa::test::sample_audio("chuong.flac"), std::string(10'000, 'x')),
            Catch::StartsWith("'" + std::string(40, 'x') + "…' (10000 characters)") &&
                Catch::Contains("at most 64"));
    }
    SECTION("a named pipe") {
        REQUIRE(::mkfifo((f.dir / "fifo.wav").c_str(), 0600) == 0);
        CHECK_THROWS_WITH(f.import(f.dir / "fifo.wav"), Catch::Contains("not a regular file"));
    }
    CHECK(f.library->list().empty());
    CHECK(f.stored_files() == 0);
}

namespace {

void add_play(loa::sqlite::Database &db, const std::string &id, const std::string &sha256) {
    db.execute("INSERT INTO plays (station, announcement, sha256, status, priority, trigger) "
               "VALUES ('T', '" +
               id + "', '" + sha256 + "', 'completed', 'normal', 'manual')");
}

} // namespace

TEST_CASE("import stores what it measured") {
    Fixture f;
    const auto a = f.import(loa::test::sample_audio("chuong.flac")).announcement;
    const auto stored = f.library->find("chuong");
    REQUIRE(stored);
    REQUIRE(stored->loudness_lufs);
    CHECK(*stored->loudness_lufs == Approx(*a.loudness_lufs));
    REQUIRE(stored->true_peak_dbtp);
    REQUIRE(stored->sample_peak_dbfs);
    CHECK(*stored->true_peak_dbtp >= *stored->sample_peak_dbfs - 0.01);
    CHECK(stored->leading_silence_ms == a.leading_silence_ms);
    CHECK_FALSE(stored->silent);
}

TEST_CASE("an all-silent file is imported and marked silent") {
    Fixture f;
    REQUIRE(loa::test::write_audio(f.dir / "lang.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 8000, 1,
                                   8000 * 2, [](std::int64_t, int) { return 0.0f; }));
    const auto a = f.import(f.dir / "lang.wav").announcement;
    CHECK(a.silent);
    CHECK_FALSE(a.loudness_lufs);
    CHECK(f.library->find("lang")->silent);
}

TEST_CASE("replace keeps the content past plays played; unplayed old content goes") {
    Fixture f;
    const auto first = f.import(loa::test::sample_audio("chuong.flac"), "tin").announcement;
    add_play(*f.db, "tin", first.sha256);
    loa::library::ImportRequest request{loa::test::sample_audio("bao-cao-ket-qua.flac"), "tin"};
    request.existing = loa::library::ExistingId::replace;
    const auto second = f.library->import(request, "2026-11-28T10:00:00.000+07:00");
    CHECK(second.outcome == loa::library::ImportOutcome::replaced);
    CHECK(f.library->find("tin")->sha256 == second.announcement.sha256);
    CHECK(f.library->find("tin")->title == first.title);
    // The log's hash still finds what actually played.
    const auto played = f.library->find_content(first.sha256);
    REQUIRE(played);
    CHECK(loa::Sha256::of_file(*played) == first.sha256);
    // Content nobody played is not kept once replaced.
    request.file = loa::test::sample_audio("lua-dao-qua-mang.flac");
    f.library->import(request, "2026-11-29T10:00:00.000+07:00");
    CHECK_FALSE(f.library->find_content(second.announcement.sha256));
    CHECK(f.library->find_content(first.sha256));
    CHECK(f.stored_files() == 2);
}

TEST_CASE("content left by a crash before its row was committed is cleaned at the next import") {
    Fixture f;
    const auto orphan_dir = f.home.library_path() / "ab";
    std::filesystem::create_directories(orphan_dir);
    loa::write_file_durably(orphan_dir / ("ab" + std::string(62, '0') + ".flac"),
                            "left by a crash");
    loa::write_file_durably(orphan_dir / ".abcd.flac.tmp-2147483646", "half written");
    f.import(loa::test::sample_audio("chuong.flac"));
    CHECK(f.stored_files() == 1);
    CHECK(f.library->remove_unreferenced_content() == 0);
    // A copy another import is still staging (its process is alive) is left alone.
    const auto staging = orphan_dir / (".ab.flac.tmp-" + std::to_string(::getpid()));
    loa::write_file_durably(staging, "being copied");
    CHECK(f.library->remove_unreferenced_content() == 0);
    CHECK(std::filesystem::exists(staging));
}

TEST_CASE("bad validity dates are refused") {
    Fixture f;
    loa::library::ImportRequest request{loa::test::sample_audio("chuong.flac")};
    request.valid_from = "2020-07-32";
    CHECK_THROWS_WITH(f.library->import(request, "t"), Catch::Contains("--valid-from"));
    request.valid_from = "2020-08-01";
    request.valid_until = "2020-07-01";
    CHECK_THROWS_WITH(f.library->import(request, "t"), Catch::Contains("before"));
    CHECK(f.library->list().empty());
}

TEST_CASE("a library not told what past plays played deletes no content") {
    Fixture f;
    const auto first = f.import(loa::test::sample_audio("chuong.flac"), "tin").announcement;
    add_play(*f.db, "tin", first.sha256);
    loa::library::Library reader(*f.db, f.home.library_path());
    loa::library::ImportRequest request{loa::test::sample_audio("bao-cao-ket-qua.flac"), "tin"};
    request.existing = loa::library::ExistingId::replace;
    reader.import(request, "2026-11-28T10:00:00.000+07:00");
    CHECK(reader.remove_unreferenced_content() == 0);
    CHECK(f.library->find_content(first.sha256));
    // The library the play log informs sweeps as usual (the played file stays).
    request.file = loa::test::sample_audio("lua-dao-qua-mang.flac");
    const auto third = reader.import(request, "2026-11-29T10:00:00.000+07:00").announcement;
    CHECK(f.stored_files() == 3);
    CHECK(f.library->remove_unreferenced_content() == 1);
    CHECK(f.library->find_content(first.sha256));
    CHECK(f.library->find_content(third.sha256));
}
