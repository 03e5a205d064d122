// A report rendered in Vietnamese over a log that holds every reason code shows no
// English reason: the text, CSV and HTML reports and the Excel CSV read each row's
// code in the reader's language. The raw exports keep the code and its parameters.
#include "playlog/reason_text.hpp"
#include "playlog/vietnamese_reasons.hpp"
#include "report/csv_export.hpp"
#include "report/excel_csv_export.hpp"
#include "report/json_export.hpp"
#include "report/period_summary.hpp"

#include <catch2/catch.hpp>

#include <sstream>

namespace {

/// One missed or interrupted row per reason code, each in its own slot.
std::vector<loa::playlog::PlayRecord> rows_of_every_reason() {
    std::vector<loa::playlog::PlayRecord> rows;
    for (const auto &reason : loa::test::every_reason()) {
        loa::playlog::PlayRecord r;
        r.play_id = static_cast<std::int64_t>(rows.size() + 1);
        r.station = "KG-01";
        r.slot = "sang-" + std::to_string(rows.size());
        r.position = 0;
        r.scheduled_at = loa::StationTime::parse("2020-07-20T06:00:00.000+07:00");
        r.announcement = "lua-dao";
        r.status = reason.code.starts_with("interrupted") ? loa::PlayStatus::interrupted
                                                          : loa::PlayStatus::missed;
        loa::playlog::store_reason(r, reason);
        rows.push_back(std::move(r));
    }
    return rows;
}

/// `report` without its chain witness line ("log chain …", read back by `loa verify`
/// in that exact form: it is not a reason).
std::string without_witness(std::string report) {
    const auto at = report.find("log chain ");
    if (at != std::string::npos)
        report.erase(at, report.find('\n', at) - at);
    return report;
}

} // namespace

TEST_CASE("a report rendered in Vietnamese holds no English reason") {
    const loa::test::Vietnamese vietnamese;
    // The check finds an English reason where one is left.
    CHECK(loa::test::english_word_in("Lý do: the player was busy") == "busy");
    const auto rows = rows_of_every_reason();
    loa::report::PeriodSummary summary(
        {"KG-01", "Đài xã A", "Sở VHTTDL", "2020-07-20", "2020-07-20", std::nullopt});
    for (const auto &r : rows)
        summary.add(r);
    REQUIRE(summary.problem_groups().size() == rows.size());
    std::ostringstream text, csv, html, excel;
    loa::report::write_report_text(text, summary);
    loa::report::write_report_csv(csv, summary);
    loa::report::write_report_html(html, summary);
    {
        loa::report::ExcelCsvWriter writer(excel);
        for (const auto &r : rows)
            writer.write(r);
    }
    for (const auto *shown : {&text, &csv, &html, &excel}) {
        const std::string out = without_witness(shown->str());
        CAPTURE(out);
        CHECK(loa::test::english_word_in(out) == "");
        CHECK(out.find("trễ 30 phút; khung giờ chỉ cho phép trễ 10 phút") != std::string::npos);
        CHECK(out.find("20/07/2020 05:50:00") != std::string::npos);
    }
}

TEST_CASE("the raw exports carry the reason's code and parameters as their own keys") {
    auto rows = rows_of_every_reason();
    rows.resize(1); // gap.not_running has no parameters; take one with them
    loa::playlog::store_reason(
        rows[0], loa::playlog::Reason("failed.not_in_library", {{"announcement", "lua-dao"}}));
    std::ostringstream csv, json;
    loa::report::write_csv(csv, rows, "c-1");
    loa::report::write_json_lines(json, rows, "c-1");
    CHECK(csv.str().find(",failed.not_in_library,\"{\"\"announcement\"\":\"\"lua-dao\"\"}\",") !=
          std::string::npos);
    CHECK(
        json.str().find(
            "\"reason_code\":\"failed.not_in_library\",\"reason_params\":\"{\\\"announcement\\\":\\\"lua-dao\\\"}\"") !=
        std::string::npos);
    CHECK(json.str().find("\"error\":\"announcement 'lua-dao' is not in the library; import it "
                          "with 'loa import'\"") != std::string::npos);
}
