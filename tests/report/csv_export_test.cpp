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
    CHECK(text.rfind("play_id,station,slot,scheduled_at,position,started_at,ended_at,announcement,sha256,"
                     "status,lateness_ms,duration_ms,priority,trigger,error,chain_id,seq,prev_hash,row_hash,"
                     "canonical\r\n",
                     0) == 0);
    CHECK(text.find("\r\n3,KG-01,sang,,,,,lua-dao,,missed,,,normal,scheduled,\"late, 20 min\",chain-1,1,,,\r\n") !=
          std::string::npos);
}
