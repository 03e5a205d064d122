#include "core/sha256.hpp"
#include "playlog/chain.hpp"

#include <catch2/catch.hpp>

TEST_CASE("the canonical encoding is sorted, compact JSON with nulls") {
    loa::playlog::PlayRecord r;
    r.play_id = 7;
    r.station = "KG-01";
    r.slot = "sang";
    r.scheduled_at = "2020-07-20T06:00:00.000+07:00";
    r.position = 0;
    r.announcement = "lua-dao";
    r.title = "Lừa \"đảo\"\n";
    r.status = loa::PlayStatus::completed;
    r.seq = 1;
    r.clock_synced = true;
    const auto text = loa::playlog::canonical_encoding(r, "c0ffee");
    CHECK(text ==
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
