#include "report/period_summary.hpp"

#include <catch2/catch.hpp>

#include <sstream>

namespace {

loa::playlog::PlayRecord play(const std::string &day, const std::string &id, loa::PlayStatus status,
                              std::int64_t duration_ms, const char *campaign = "chong-lua-dao") {
    loa::playlog::PlayRecord r;
    r.slot = "sang";
    r.position = 0;
    r.scheduled_at = loa::StationTime::parse(day + "T06:00:00.000+07:00");
    if (status == loa::PlayStatus::completed || status == loa::PlayStatus::interrupted) {
        r.started_at = loa::StationTime::parse(day + "T06:00:00.004+07:00");
        r.duration_ms = duration_ms;
    }
    r.announcement = id;
    r.campaign = campaign;
    r.status = status;
    if (status != loa::PlayStatus::completed)
        r.error = "mất điện";
    return r;
}

loa::report::PeriodSummary sample(std::optional<std::string> campaign = std::nullopt) {
    loa::report::PeriodSummary s(
        {"KG-01", "Đài xã <A&B>", "Sở VHTTDL", "2020-07-20", "2020-07-22", campaign});
    s.add(play("2020-07-20", "lua-dao", loa::PlayStatus::completed, 60000));
    s.add(play("2020-07-20", "campuchia", loa::PlayStatus::completed, 30000, "campuchia"));
    s.add(play("2020-07-21", "lua-dao", loa::PlayStatus::interrupted, 15000));
    s.add(play("2020-07-21", "lua-dao", loa::PlayStatus::missed, 0));
    auto storm =
        play("2020-07-22", "bao-so-2", loa::PlayStatus::completed, 45000, "phong-chong-thien-tai");
    storm.priority = loa::Priority::emergency;
    storm.trigger = loa::Trigger::emergency;
    storm.slot.reset();
    s.add(storm);
    return s;
}

} // namespace

TEST_CASE("the period report counts what aired, by campaign and by day, and what did not") {
    const auto s = sample();
    CHECK(s.total().plays == 4);
    CHECK(s.total().announcements.size() == 3);
    CHECK(s.total().airtime_ms == 150000);
    CHECK(s.by_campaign().at("chong-lua-dao").plays == 2);
    CHECK(s.by_campaign().at("chong-lua-dao").airtime_ms == 75000);
    CHECK(s.by_day().size() == 3);
    CHECK(s.by_day().at("2020-07-21").plays == 1);
    CHECK(s.by_day().at("2020-07-22").airtime_ms == 45000);
    CHECK(s.emergencies().size() == 1);
    REQUIRE(s.problems().size() == 2);
    CHECK(s.problems()[0].status == loa::PlayStatus::interrupted);
    CHECK(s.problems()[1].status == loa::PlayStatus::missed);
}

TEST_CASE("a report for one campaign leaves the others out") {
    const auto s = sample("campuchia");
    CHECK(s.rows() == 1);
    CHECK(s.total().airtime_ms == 30000);
    CHECK(s.problems().empty());
}

TEST_CASE("the text report has the heading, sections, reasons and the signature block") {
    std::ostringstream out;
    loa::report::write_report_text(out, sample());
    const std::string text = out.str();
    CHECK_THAT(text, Catch::Contains("Kính gửi: Sở VHTTDL"));
    CHECK_THAT(text, Catch::Contains("Thời gian: từ ngày 20/07/2020 đến ngày 22/07/2020"));
    CHECK_THAT(text, Catch::Contains("Tổng thời lượng phát: 2 phút 30 giây"));
    CHECK_THAT(text, Catch::Contains("21/07/2020 06:00:00  sang #1  lua-dao  Bỏ lỡ: mất điện"));
    CHECK_THAT(text, Catch::Contains("NGƯỜI LẬP BIỂU") && Catch::Contains("THỦ TRƯỞNG ĐƠN VỊ"));
}

TEST_CASE("the report names a campaign the station knows by its title and document, others by id") {
    auto s = sample("chong-lua-dao");
    s.set_campaign_names({{"chong-lua-dao", "Phòng, chống lừa đảo trực tuyến (498/STTTT-TTBCBC)"}});
    CHECK(s.campaign_name("chong-lua-dao") == "Phòng, chống lừa đảo trực tuyến (498/STTTT-TTBCBC)");
    CHECK(s.campaign_name("campuchia") == "campuchia");
    std::ostringstream text, csv, html;
    loa::report::write_report_text(text, s);
    CHECK_THAT(text.str(),
               Catch::Contains("Chiến dịch: Phòng, chống lừa đảo trực tuyến (498/STTTT-TTBCBC)\n"));
    CHECK_THAT(
        text.str(),
        Catch::Contains("  Phòng, chống lừa đảo trực tuyến (498/STTTT-TTBCBC): 1 bản tin, 2 lượt"));
    loa::report::write_report_csv(csv, s);
    CHECK_THAT(csv.str(),
               Catch::Contains("\"Phòng, chống lừa đảo trực tuyến (498/STTTT-TTBCBC)\",1,2,75,"));
    loa::report::write_report_html(html, s);
    CHECK_THAT(html.str(),
               Catch::Contains("<tr><td>Phòng, chống lừa đảo trực tuyến (498/STTTT-TTBCBC)</td>"));
    CHECK(html.str().find(">chong-lua-dao<") == std::string::npos);
}

TEST_CASE("the HTML report prints on A4, charts airtime per day in SVG and loads nothing") {
    std::ostringstream out;
    loa::report::write_report_html(out, sample());
    const std::string html = out.str();
    CHECK_THAT(html, Catch::Contains("@page { size: A4;"));
    CHECK_THAT(html,
               Catch::Contains("<svg") && Catch::Contains("<title>21/07/2020: 0.2 phút</title>"));
    CHECK_THAT(html, Catch::Contains("Đài xã &lt;A&amp;B&gt;"));
    CHECK_THAT(html, Catch::Contains("NGƯỜI LẬP BIỂU"));
    // The y axis in round steps: the tallest day aired 1.5 minutes, steps of 0,5 to 1,5, 12 px.
    CHECK_THAT(html, Catch::Contains("text-anchor=\"end\">0</text>") &&
                         Catch::Contains("text-anchor=\"end\">0,5</text>") &&
                         Catch::Contains("text-anchor=\"end\">1,5</text>"));
    CHECK(html.find("text-anchor=\"end\">0,3</text>") == std::string::npos);
    CHECK_THAT(html, Catch::Contains("svg text { font-family: sans-serif; font-size: 12px; }"));
    // A few days' table is kept on one page.
    CHECK_THAT(html, Catch::Contains("<table class=\"days keep\">"));
    // The only URL is the SVG namespace: no scripts, fonts or images fetched.
    CHECK(html.find("http") == html.find("http://www.w3.org/2000/svg"));
    CHECK(html.find("<script") == std::string::npos);
}

TEST_CASE("durations and dates read the Vietnamese way") {
    CHECK(loa::report::vietnamese_duration(3723400) == "1 giờ 02 phút 03 giây");
    CHECK(loa::report::vietnamese_duration(59499) == "0 phút 59 giây");
    CHECK(loa::report::vietnamese_date("2020-07-05") == "05/07/2020");
}

TEST_CASE("the items of one session lost for one reason are one line of the report") {
    loa::report::PeriodSummary s(
        {"KG-01", "Đài xã", "Sở VHTTDL", "2020-07-20", "2020-07-20", std::nullopt});
    const char *ids[] = {"chuong", "lua-dao", "campuchia", "lua-dao"};
    for (std::int64_t position = 0; position < 4; ++position) {
        auto r = play("2020-07-20", ids[position], loa::PlayStatus::missed, 0);
        r.position = position;
        s.add(r);
    }
    auto other_reason = play("2020-07-20", "chuong", loa::PlayStatus::missed, 0);
    other_reason.position = 4;
    other_reason.error = "lịch tạm dừng";
    other_reason.title = "Nhạc hiệu";
    s.add(other_reason);
    CHECK(s.problems().size() == 5);
    REQUIRE(s.problem_groups().size() == 2);
    const auto &power_cut = s.problem_groups()[0];
    CHECK(power_cut.items == 4);
    // People count from 1: positions 0 to 3 are the slot's items #1 to #4.
    CHECK(loa::report::problem_items(power_cut) == "sang #1–#4 (4 mục)");
    CHECK(loa::report::problem_announcements(power_cut) == "4 lượt phát của 3 bản tin");
    CHECK(loa::report::problem_items(s.problem_groups()[1]) == "sang #5");
    // An item is named by its title, as the official knows it.
    CHECK(loa::report::problem_announcements(s.problem_groups()[1]) == "Nhạc hiệu");
    std::ostringstream text;
    loa::report::write_report_text(text, s);
    CHECK_THAT(
        text.str(),
        Catch::Contains(
            "20/07/2020 06:00:00  sang #1–#4 (4 mục)  4 lượt phát của 3 bản tin  Bỏ lỡ: mất điện"));
}
