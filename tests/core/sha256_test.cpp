#include "common/temp_dir.hpp"
#include "core/durable_file.hpp"
#include "core/sha256.hpp"

#include <catch2/catch.hpp>

TEST_CASE("SHA-256 matches the FIPS 180-2 test vectors") {
    CHECK(loa::Sha256::of("abc") ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(loa::Sha256::of("") ==
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("pieces hash as the text they make one after the other") {
    const std::string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    CHECK(loa::Sha256::of({"a", "bc"}) == abc);
    CHECK(loa::Sha256::of({"", "a", "", "b", "c", ""}) == abc); // more pieces than the fixed array
    // FIPS 180-2's two-block message, split across the 64-byte block boundary.
    const std::string message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    const std::string expected = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
    CHECK(loa::Sha256::of(message) == expected);
    CHECK(loa::Sha256::of({std::string_view(message).substr(0, 50),
                           std::string_view(message).substr(50)}) == expected);
    loa::Sha256 streaming;
    streaming.update(std::string_view(message).substr(0, 3));
    streaming.update(std::string_view(message).substr(3));
    CHECK(streaming.hex_digest() == expected);
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
