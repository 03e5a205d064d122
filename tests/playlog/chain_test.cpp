#include "core/error.hpp"
#include "core/json.hpp"
#include "core/sha256.hpp"
#include "playlog/chain.hpp"

#include <catch2/catch.hpp>

TEST_CASE("the canonical encoding is sorted, compact JSON with nulls") {
    loa::playlog::PlayRecord r;
    r.play_id = 7;
    r.station = "KG-01";
    r.slot = "sang";
    r.scheduled_at = loa::StationTime::parse("2020-07-20T06:00:00.000+07:00");
    r.position = 0;
    r.announcement = "lua-dao";
    r.title = "Lừa \"đảo\"\n";
    r.status = loa::PlayStatus::completed;
    r.seq = 1;
    r.clock_synced = true;
    const auto text = loa::playlog::canonical_encoding(r, "c0ffee");
    CHECK(
        text ==
        "{\"announcement\":\"lua-dao\",\"campaign\":null,\"chain_id\":\"c0ffee\",\"clock_synced\":true,"
        "\"device\":null,\"duration_ms\":null,\"ended_at\":null,\"error\":null,\"lateness_ms\":null,"
        "\"play_id\":7,\"position\":0,\"priority\":\"normal\",\"schedule_sha256\":null,"
        "\"scheduled_at\":\"2020-07-20T06:00:00.000+07:00\",\"seq\":1,\"sha256\":null,\"slot\":\"sang\","
        "\"started_at\":null,\"station\":\"KG-01\",\"status\":\"completed\",\"title\":\"Lừa \\\"đảo\\\"\\n\","
        "\"trigger\":\"scheduled\",\"underruns\":null}");
}

TEST_CASE("the first row's hash covers 32 zero bytes and its text") {
    const std::string canonical = "{\"a\":1}";
    const std::string expected = loa::Sha256::of(std::string(32, '\0') + canonical);
    CHECK(loa::playlog::chain_hash(loa::playlog::genesis_hash, canonical) == expected);
}

TEST_CASE("the canonical encoding escapes strings exactly as core/json does") {
    // chain.cpp has its own faster escaping; the bytes must not drift from json's.
    std::string every_byte;
    for (int c = 1; c < 256; ++c)
        every_byte.push_back(static_cast<char>(c));
    for (const std::string &text :
         {every_byte, std::string("Lừa đảo \"qua\" mạng\\\r\n\t"), std::string(),
          std::string("\x01x\x1f"), std::string("plain")}) {
        loa::playlog::PlayRecord r;
        r.announcement = text;
        const auto encoded = loa::playlog::canonical_encoding(r, "c");
        const std::string prefix = "{\"announcement\":";
        REQUIRE(encoded.compare(0, prefix.size(), prefix) == 0);
        CHECK(encoded.substr(prefix.size(), encoded.find(",\"campaign\":") - prefix.size()) ==
              loa::json::quoted(text));
    }
}

TEST_CASE("the chain hash reads prev_hash in either case and refuses bad hex") {
    const std::string lower(64, 'a'), upper(64, 'A');
    CHECK(loa::playlog::chain_hash(lower, "x") == loa::playlog::chain_hash(upper, "x"));
    CHECK(loa::playlog::chain_hash(lower, "x") == loa::Sha256::of(std::string(32, '\xaa') + "x"));
    CHECK_THROWS_AS(loa::playlog::chain_hash(std::string(64, 'g'), "x"), loa::Error);
    CHECK_THROWS_AS(loa::playlog::chain_hash("abc", "x"), loa::Error);
}
