#include "playlog/people_numbers.hpp"
#include "report/csv_export.hpp"
#include "report/excel_csv_export.hpp"

#include <catch2/catch.hpp>

#include <sstream>

namespace {

loa::playlog::PlayRecord fixed_row() {
    loa::playlog::PlayRecord r;
    r.play_id = 12;
    r.station = "KG-GR-VHHB";
    r.slot = "sang";
    r.scheduled_at = loa::StationTime::parse("2020-07-20T06:00:00.000+07:00");
    r.position = 1;
    r.started_at = loa::StationTime::parse("2020-07-20T06:00:45.004+07:00");
    r.ended_at = loa::StationTime::parse("2020-07-20T06:01:27.004+07:00");
    r.announcement = "lua-dao-qua-mang";
    r.title = "Cảnh giác \"lừa đảo\" qua mạng";
    r.campaign = "Chống lừa đảo 2020";
    r.sha256 = "ab";
    r.status = loa::PlayStatus::interrupted;
    r.lateness_ms = 4;
    r.duration_ms = 42049;
    r.error = "phát khẩn cấp, bản tin bị ngắt";
    r.seq = 7;
    r.prev_hash = "p";
    r.row_hash = "h";
    r.canonical = "{\"a\":\"b,c\"}";
    return r;
}

} // namespace

TEST_CASE("the CSV export of a fixed row is exactly these bytes") {
    std::ostringstream out;
    loa::report::write_csv(out, {fixed_row()}, "c-1");
    CHECK(
        out.str() ==
        "play_id,station,slot,scheduled_at,position,started_at,ended_at,announcement,sha256,status,lateness_ms,"
        "duration_ms,priority,trigger,error,reason_code,reason_params,chain_id,seq,prev_hash,row_hash,canonical\r\n"
        "12,KG-GR-VHHB,sang,2020-07-20T06:00:00.000+07:00,1,2020-07-20T06:00:45.004+07:00,"
        "2020-07-20T06:01:27.004+07:00,lua-dao-qua-mang,ab,interrupted,4,42049,normal,scheduled,"
        "\"phát khẩn cấp, bản tin bị ngắt\",,,c-1,7,p,h,\"{\"\"a\"\":\"\"b,c\"\"}\"\r\n");
}

TEST_CASE("the Excel CSV has a byte-order mark, Vietnamese headings and dd/MM/yyyy HH:mm:ss") {
    std::ostringstream out;
    {
        loa::report::ExcelCsvWriter writer(out);
        writer.write(fixed_row());
    }
    CHECK(
        out.str() ==
        "\xEF\xBB\xBF"
        "Mã lượt phát,Mã đài,Khung giờ,Giờ theo lịch,Thứ tự,Bắt đầu,Kết thúc,Mã bản tin,Tên bản tin,"
        "Chiến dịch,Kết quả,Trễ (ms),Thời lượng (giây),Mức ưu tiên,Hình thức,Lý do,Số thứ tự chuỗi,Mã băm\r\n"
        "12,KG-GR-VHHB,sang,20/07/2020 06:00:00,2,20/07/2020 06:00:45,20/07/2020 06:01:27,lua-dao-qua-mang,"
        "\"Cảnh giác \"\"lừa đảo\"\" qua mạng\",Chống lừa đảo 2020,Bị ngắt,4,\"42,0\",Thường,Theo lịch,"
        "\"phát khẩn cấp, bản tin bị ngắt\",7,h\r\n");
}

TEST_CASE("people's copies count places from 1 and show an on-time start as 0 ms, "
          "while the raw CSV keeps the stored values") {
    auto r = fixed_row();
    r.position = 0;
    r.lateness_ms = -1;
    std::ostringstream excel;
    {
        loa::report::ExcelCsvWriter writer(excel);
        writer.write(r);
    }
    CHECK(excel.str().find("\r\n12,KG-GR-VHHB,sang,20/07/2020 06:00:00,1,") != std::string::npos);
    CHECK(excel.str().find(",Bị ngắt,0,\"42,0\",") != std::string::npos);
    std::ostringstream raw;
    loa::report::write_csv(raw, {r}, "c-1");
    CHECK(raw.str().find("\r\n12,KG-GR-VHHB,sang,2020-07-20T06:00:00.000+07:00,0,") !=
          std::string::npos);
    CHECK(raw.str().find(",interrupted,-1,42049,") != std::string::npos);
}

TEST_CASE("the people's numbers: a place from 1, lateness within a millisecond is 0") {
    using loa::playlog::Display;
    CHECK(loa::playlog::people_number(Display::place, 0) == 1);
    CHECK(loa::playlog::people_number(Display::lateness, -1) == 0);
    CHECK(loa::playlog::people_number(Display::lateness, 1) == 0);
    CHECK(loa::playlog::people_number(Display::lateness, 2) == 2);
    CHECK(loa::playlog::people_number(Display::number, 0) == 0);
}

TEST_CASE("Excel dates keep the station's wall time") {
    CHECK(loa::report::excel_date_time("2020-12-31T23:59:59.999+07:00") == "31/12/2020 23:59:59");
    CHECK(loa::report::excel_date_time("garbage") == "garbage");
}
