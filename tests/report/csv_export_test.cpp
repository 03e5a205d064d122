#include "playlog/chain.hpp"
#include "report/csv_export.hpp"

#include <catch2/catch.hpp>

#include <sstream>

TEST_CASE("CSV fields are quoted only when RFC 4180 needs it") {
    using loa::report::csv_field;
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
}

TEST_CASE("the export has DESIGN.md's columns, then the chain's, with CRLF line ends") {
    loa::playlog::PlayRecord r;
    r.play_id = 3;
    r.station = "KG-01";
    r.slot = "sang";
    r.announcement = "lua-dao";
    r.status = loa::PlayStatus::missed;
    r.error = "late, 20 min";
    r.seq = 1;
    std::ostringstream out;
    loa::report::write_csv(out, {r}, "chain-1");
    const std::string text = out.str();
    CHECK(
        text.rfind(
            "play_id,station,slot,scheduled_at,position,started_at,ended_at,announcement,sha256,"
            "status,lateness_ms,duration_ms,priority,trigger,error,reason_code,reason_params,chain_id,seq,"
            "prev_hash,row_hash,"
            "canonical\r\n",
            0) == 0);
    CHECK(
        text.find(
            "\r\n3,KG-01,sang,,,,,lua-dao,,missed,,,normal,scheduled,\"late, 20 min\",,,chain-1,1,,,\r\n") !=
        std::string::npos);
}

namespace {

/// A fixed log of three chained rows: a completed play with Vietnamese text, a
/// missed item whose reason holds a comma, quotes and a line break, and a manual
/// emergency play with most fields absent.
std::vector<loa::playlog::PlayRecord> fixed_log() {
    std::vector<loa::playlog::PlayRecord> rows(3);
    auto &a = rows[0];
    a.play_id = 1;
    a.station = "KG-01";
    a.slot = "sang";
    a.scheduled_at = loa::StationTime::parse("2020-07-20T06:00:00.000+07:00");
    a.position = 0;
    a.started_at = loa::StationTime::parse("2020-07-20T06:00:00.004+07:00");
    a.ended_at = loa::StationTime::parse("2020-07-20T06:00:42.004+07:00");
    a.announcement = "lua-dao";
    a.title = "Cảnh giác lừa đảo";
    a.campaign = "chong-lua-dao-2020";
    a.sha256 = std::string(64, 'a');
    a.status = loa::PlayStatus::completed;
    a.lateness_ms = 4;
    a.duration_ms = 42000;
    a.device = "USB Audio";
    a.underruns = 0;
    a.clock_synced = true;
    auto &b = rows[1];
    b.play_id = 2;
    b.station = "KG-01";
    b.slot = "sang";
    b.scheduled_at = loa::StationTime::parse("2020-07-20T06:00:00.000+07:00");
    b.position = 1;
    b.announcement = "campuchia";
    b.status = loa::PlayStatus::missed;
    b.error = "mất điện, \"trễ\"\r\n20 phút";
    auto &c = rows[2];
    c.play_id = 3;
    c.station = "KG-01";
    c.started_at = loa::StationTime::parse("2020-07-20T14:05:00.000+07:00");
    c.announcement = "bao-so-2";
    c.status = loa::PlayStatus::completed;
    c.duration_ms = 1000;
    c.priority = loa::Priority::emergency;
    c.trigger = loa::Trigger::manual;
    std::string prev = loa::playlog::genesis_hash;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto &r = rows[i];
        r.seq = static_cast<std::int64_t>(i + 1);
        r.prev_hash = prev;
        r.canonical = loa::playlog::canonical_encoding(r, "c0ffee");
        r.row_hash = loa::playlog::chain_hash(prev, *r.canonical);
        prev = *r.row_hash;
    }
    return rows;
}

} // namespace

TEST_CASE("a fixed log exports to exactly these bytes") {
    std::ostringstream out;
    loa::report::write_csv(out, fixed_log(), "c0ffee");
    // RFC 4180: CRLF line ends, fields with a quote, comma or line break quoted,
    // quotes doubled, UTF-8 as is; the hashes pin the chain.
    const std::string expected =
        "play_id,station,slot,scheduled_at,position,started_at,ended_at,announc"
        "ement,sha256,status,lateness_ms,duration_ms,priority,trigger,error,rea"
        "son_code,reason_params,chain_id,seq,prev_hash,row_hash,canonical\r\n"
        "1,KG-01,sang,2020-07-20T06:00:00.000+07:00,0,2020-07-20T06:00:00.004+0"
        "7:00,2020-07-20T06:00:42.004+07:00,lua-dao,aaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,completed,4,42000,normal,schedul"
        "ed,,,,c0ffee,1,000000000000000000000000000000000000000000000000000000000"
        "0000000,9f226bb837ec894d05f9538e717cedb25df2ab6bf6b1b536781af67a71b07f"
        "e2,\"{\"\"announcement\"\":\"\"lua-dao\"\",\"\"campaign\"\":\"\"chong-lua-dao-2020\"\","
        "\"\"chain_id\"\":\"\"c0ffee\"\",\"\"clock_synced\"\":true,\"\"device\"\":\"\"USB Audio\"\""
        ",\"\"duration_ms\"\":42000,\"\"ended_at\"\":\"\"2020-07-20T06:00:42.004+07:00\"\","
        "\"\"error\"\":null,\"\"lateness_ms\"\":4,\"\"play_id\"\":1,\"\"position\"\":0,\"\"priori"
        "ty\"\":\"\"normal\"\",\"\"schedule_sha256\"\":null,\"\"scheduled_at\"\":\"\"2020-07-20"
        "T06:00:00.000+07:00\"\",\"\"seq\"\":1,\"\"sha256\"\":\"\"aaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"\",\"\"slot\"\":\"\"sang\"\",\"\"started_"
        "at\"\":\"\"2020-07-20T06:00:00.004+07:00\"\",\"\"station\"\":\"\"KG-01\"\",\"\"status\""
        "\":\"\"completed\"\",\"\"title\"\":\"\"Cảnh giác lừa đảo\"\",\"\"trigger\"\":\"\"schedule"
        "d\"\",\"\"underruns\"\":0}\"\r\n"
        "2,KG-01,sang,2020-07-20T06:00:00.000+07:00,1,,,campuchia,,missed,,,nor"
        "mal,scheduled,\"mất điện, \"\"trễ\"\"\r\n"
        "20 phút\",,,c0ffee,2,9f226bb837ec894d05f9538e717cedb25df2ab6bf6b1b536781a"
        "f67a71b07fe2,2409e0bc4dd251c78ab1e06eea760a529d1d27b1b791e37e02b72f5cb"
        "f55bc18,\"{\"\"announcement\"\":\"\"campuchia\"\",\"\"campaign\"\":null,\"\"chain_id\""
        "\":\"\"c0ffee\"\",\"\"clock_synced\"\":null,\"\"device\"\":null,\"\"duration_ms\"\":nul"
        "l,\"\"ended_at\"\":null,\"\"error\"\":\"\"mất điện, \\\"\"trễ\\\"\"\\r\\n20 phút\"\",\"\"lat"
        "eness_ms\"\":null,\"\"play_id\"\":2,\"\"position\"\":1,\"\"priority\"\":\"\"normal\"\",\""
        "\"schedule_sha256\"\":null,\"\"scheduled_at\"\":\"\"2020-07-20T06:00:00.000+07:"
        "00\"\",\"\"seq\"\":2,\"\"sha256\"\":null,\"\"slot\"\":\"\"sang\"\",\"\"started_at\"\":null,\""
        "\"station\"\":\"\"KG-01\"\",\"\"status\"\":\"\"missed\"\",\"\"title\"\":null,\"\"trigger\"\":"
        "\"\"scheduled\"\",\"\"underruns\"\":null}\"\r\n"
        "3,KG-01,,,,2020-07-20T14:05:00.000+07:00,,bao-so-2,,completed,,1000,em"
        "ergency,manual,,,,c0ffee,3,2409e0bc4dd251c78ab1e06eea760a529d1d27b1b791e"
        "37e02b72f5cbf55bc18,86a766a4cc8e835e447b87600ed54caf300368662fc09dd0f4"
        "99ec9f9a23e06d,\"{\"\"announcement\"\":\"\"bao-so-2\"\",\"\"campaign\"\":null,\"\"cha"
        "in_id\"\":\"\"c0ffee\"\",\"\"clock_synced\"\":null,\"\"device\"\":null,\"\"duration_ms"
        "\"\":1000,\"\"ended_at\"\":null,\"\"error\"\":null,\"\"lateness_ms\"\":null,\"\"play_i"
        "d\"\":3,\"\"position\"\":null,\"\"priority\"\":\"\"emergency\"\",\"\"schedule_sha256\"\""
        ":null,\"\"scheduled_at\"\":null,\"\"seq\"\":3,\"\"sha256\"\":null,\"\"slot\"\":null,\"\""
        "started_at\"\":\"\"2020-07-20T14:05:00.000+07:00\"\",\"\"station\"\":\"\"KG-01\"\",\""
        "\"status\"\":\"\"completed\"\",\"\"title\"\":null,\"\"trigger\"\":\"\"manual\"\",\"\"underr"
        "uns\"\":null}\"\r\n";
    CHECK(out.str() == expected);
}
