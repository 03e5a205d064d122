#include "common/temp_dir.hpp"
#include "core/durable_file.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

TEST_CASE("durable writes replace the file whole and leave no temporary behind") {
    loa::test::TempDir dir;
    loa::write_file_durably(dir / "a.txt", "first");
    loa::write_file_durably(dir / "a.txt", "second");
    CHECK(loa::read_text_file(dir / "a.txt") == "second");
    int entries = 0;
    for ([[maybe_unused]] const auto &entry : std::filesystem::directory_iterator(dir.path()))
        ++entries;
    CHECK(entries == 1);
}

TEST_CASE("a durable copy is identical to its source") {
    loa::test::TempDir dir;
    std::string content(300000, 'x');
    content[12345] = 'y';
    loa::write_file_durably(dir / "from.bin", content);
    loa::copy_file_durably(dir / "from.bin", dir / "to.bin");
    CHECK(loa::read_text_file(dir / "to.bin") == content);
}

TEST_CASE("writing into a missing folder fails with the file's name") {
    loa::test::TempDir dir;
    CHECK_THROWS_WITH(loa::write_file_durably(dir / "missing" / "a.txt", "x"),
                      Catch::Contains("missing"));
}

TEST_CASE("reading a folder or a missing file is refused as input") {
    loa::test::TempDir dir;
    CHECK_THROWS_AS(loa::read_text_file(dir.path()), loa::InputError);
    CHECK_THROWS_AS(loa::read_text_file(dir / "nope.toml"), loa::InputError);
}
