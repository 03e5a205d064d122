#include "common/temp_dir.hpp"
#include "core/durable_file.hpp"
#include "core/sha256.hpp"

#include <catch2/catch.hpp>

TEST_CASE("SHA-256 matches the FIPS 180-2 test vectors") {
    CHECK(loa::Sha256::of("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(loa::Sha256::of("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("a file hashes the same as its content") {
    loa::test::TempDir dir;
    loa::write_file_durably(dir / "x.txt", "abc");
    CHECK(loa::Sha256::of_file(dir / "x.txt") == loa::Sha256::of("abc"));
}

TEST_CASE("hex decoding refuses malformed input") {
    CHECK(loa::hex_to_bytes("00ff") == std::string("\x00\xff", 2));
    CHECK_THROWS(loa::hex_to_bytes("0g"));
    CHECK_THROWS(loa::hex_to_bytes("abc"));
}
