// Planned versus aired per campaign: the schedule versions active in a period
// expanded over the part each was active, against completed scheduled plays,
// with missed, late and emergency plays in the log.
#include "report/period_summary.hpp"
#include "report/planned_plays.hpp"

#include <catch2/catch.hpp>

#include <sstream>

namespace {

using namespace std::chrono_literals;

const loa::TimeZone &zone() {
    static const auto z = loa::TimeZone::load("Asia/Ho_Chi_Minh");
    return z;
}

loa::schedule::Schedule parse(const std::string &text) {
    auto result = loa::schedule::parse(text, "lich.toml");
    REQUIRE(result.ok());
    return std::move(*result.schedule);
}

/// 2020-07-DD HH:MM station time.
loa::TimePoint at(int day, int hour, int minute = 0) {
    return zone().from_local(std::chrono::year{2020} / 7 / day,
                             std::chrono::hours(hour) + std::chrono::minutes(minute));
}

// Version 1: every morning the chime, then two anti-fraud items.
const std::string version_1 =
    "version = 1\n[[slot]]\nid = \"sang\"\ndays = [\"daily\"]\nat = [\"06:00\"]\n"
    "intro = \"chuong\"\nplay = [\"lua-dao\", \"mang-xa-hoi\"]\n";
// Version 2 (loaded 2020-07-21 12:00): mornings add the flood warning; evenings too.
const std::string version_2 =
    "version = 1\n[[slot]]\nid = \"sang\"\ndays = [\"daily\"]\nat = [\"06:00\"]\n"
    "intro = \"chuong\"\nplay = [\"lua-dao\", \"mang-xa-hoi\", \"lu-lut\"]\n"
    "[[slot]]\nid = \"chieu\"\ndays = [\"daily\"]\nat = [\"17:00\"]\nplay = [\"lu-lut\"]\n";

std::vector<loa::report::ScheduleSpan> spans() {
    return {{parse(version_1), at(1, 0), at(21, 12)}, {parse(version_2), at(21, 12), std::nullopt}};
}

loa::playlog::PlayRecord play(int day, int hour, std::int64_t position, const std::string &id,
                              loa::PlayStatus status, std::optional<std::string> campaign) {
    loa::playlog::PlayRecord r;
    r.slot = hour < 12 ? "sang" : "chieu";
    r.position = position;
    char when[40];
    std::snprintf(when, sizeof when, "2020-07-%02dT%02d:00:00.000+07:00", day, hour);
    r.scheduled_at = loa::StationTime::parse(when);
    r.announcement = id;
    r.campaign = std::move(campaign);
    r.status = status;
    if (status == loa::PlayStatus::completed) {
        r.started_at = r.scheduled_at;
        r.duration_ms = 30000;
        r.lateness_ms = 4;
    } else {
        r.error = "mất điện";
    }
    return r;
}

const std::optional<std::string> fraud = "chong-lua-dao", flood = "phong-chong-thien-tai";

/// 2020-07-20..22. Planned: 20th and 21st mornings by version 1 (3 items each),
/// 21st evening and 22nd by version 2 (1 + 4 + 1 items).
loa::report::PeriodSummary summary(std::optional<std::string> campaign = std::nullopt) {
    loa::report::PeriodSummary s(
        {"KG-01", "Đài xã", "Sở VHTTDL", "2020-07-20", "2020-07-22", campaign});
    using loa::PlayStatus;
    // 20th: all three aired.
    s.add(play(20, 6, 0, "chuong", PlayStatus::completed, std::nullopt));
    s.add(play(20, 6, 1, "lua-dao", PlayStatus::completed, fraud));
    s.add(play(20, 6, 2, "mang-xa-hoi", PlayStatus::completed, fraud));
    // 21st morning: a power cut; the chime missed, the rest aired 8 minutes late.
    s.add(play(21, 6, 0, "chuong", PlayStatus::missed, std::nullopt));
    auto late = play(21, 6, 1, "lua-dao", PlayStatus::completed, fraud);
    late.lateness_ms = 8 * 60 * 1000;
    s.add(late);
    s.add(play(21, 6, 2, "mang-xa-hoi", PlayStatus::completed, fraud));
    // 21st evening (version 2): aired.
    s.add(play(21, 17, 0, "lu-lut", PlayStatus::completed, flood));
    // 22nd: morning aired but the flood item missed; the evening failed.
    s.add(play(22, 6, 0, "chuong", PlayStatus::completed, std::nullopt));
    s.add(play(22, 6, 1, "lua-dao", PlayStatus::completed, fraud));
    s.add(play(22, 6, 2, "mang-xa-hoi", PlayStatus::completed, fraud));
    s.add(play(22, 6, 3, "lu-lut", PlayStatus::missed, flood));
    s.add(play(22, 17, 0, "lu-lut", PlayStatus::failed, flood));
    // An emergency broadcast on the 22nd: aired, not planned.
    auto storm = play(22, 10, 0, "lu-lut", PlayStatus::completed, flood);
    storm.slot.reset();
    storm.position.reset();
    storm.priority = loa::Priority::emergency;
    storm.trigger = loa::Trigger::emergency;
    s.add(storm);
    const auto period_from = at(20, 0), period_to = at(23, 0);
    s.set_planned(loa::report::planned_items(spans(), period_from, period_to, zone()),
                  {{"chuong", std::nullopt}, {"lu-lut", flood}, {"lua-dao", fraud}});
    return s;
}

} // namespace

TEST_CASE("each schedule version plans the part of the period it was active") {
    const auto planned = loa::report::planned_items(spans(), at(20, 0), at(23, 0), zone());
    CHECK(planned.at("chuong") == 3);
    CHECK(planned.at("lua-dao") == 3);
    CHECK(planned.at("mang-xa-hoi") == 3);
    CHECK(planned.at("lu-lut") == 3); // 21st evening, 22nd morning and evening
    CHECK(planned.size() == 4);
    // Before any version was loaded nothing was planned.
    CHECK(loa::report::planned_items(spans(), at(1, 0) - 48h, at(1, 0), zone()).empty());
}

TEST_CASE("planned versus aired per campaign counts late plays, not missed or emergency ones") {
    const auto s = summary();
    REQUIRE(s.has_plan());
    const auto &fraud_totals = s.by_campaign().at("chong-lua-dao");
    CHECK(fraud_totals.planned == 6);
    CHECK(fraud_totals.aired_as_planned == 6); // the late one counts: it aired
    const auto &flood_totals = s.by_campaign().at("phong-chong-thien-tai");
    CHECK(flood_totals.planned == 3);
    CHECK(flood_totals.aired_as_planned == 1); // one missed, one failed; the emergency is extra
    CHECK(flood_totals.plays == 2);            // what aired includes the emergency
    const auto &chimes = s.by_campaign().at(loa::report::no_campaign);
    CHECK(chimes.planned == 3);
    CHECK(chimes.aired_as_planned == 2);
    CHECK(s.total().planned == 12);
    CHECK(s.total().aired_as_planned == 9);
    CHECK(loa::report::percent_of_plan(s.total()) == "75,0 %");
    CHECK(s.emergencies().size() == 1);
    CHECK(s.problems().size() == 3);
}

TEST_CASE("a report of one campaign keeps only that campaign's plan") {
    const auto s = summary(*flood);
    CHECK(s.total().planned == 3);
    CHECK(s.total().aired_as_planned == 1);
    CHECK(s.by_campaign().size() == 1);
}

TEST_CASE("an announcement not played in the period takes its campaign from the library") {
    loa::report::PeriodSummary s(
        {"KG-01", "Đài xã", "Sở VHTTDL", "2020-07-20", "2020-07-22", std::nullopt});
    s.set_planned({{"lu-lut", 2}, {"removed-long-ago", 1}}, {{"lu-lut", flood}});
    CHECK(s.by_campaign().at("phong-chong-thien-tai").planned == 2);
    CHECK(s.by_campaign().at(loa::report::no_campaign).planned == 1);
    CHECK(s.total().aired_as_planned == 0);
    CHECK(loa::report::percent_of_plan(s.total()) == "0,0 %");
}

TEST_CASE("every report format shows planned versus aired") {
    const auto s = summary();
    std::ostringstream text, csv, html;
    loa::report::write_report_text(text, s);
    loa::report::write_report_csv(csv, s);
    loa::report::write_report_html(html, s);
    CHECK(
        text.str().find(
            "chong-lua-dao: 2 bản tin, 6 lượt, 3 phút 00 giây; kế hoạch 6 lượt, đã phát theo lịch 6 "
            "(100,0 %)") != std::string::npos);
    CHECK(text.str().find("Cộng: kế hoạch 12 lượt, đã phát theo lịch 9 (75,0 %)") !=
          std::string::npos);
    CHECK(csv.str().find("phong-chong-thien-tai,1,2,60,3,1,\"33,3 %\"\r\n") != std::string::npos);
    CHECK(
        html.str().find("<td>phong-chong-thien-tai</td><td class=\"n\">1</td><td class=\"n\">2</td>"
                        "<td class=\"n\">0:01:00</td><td class=\"n\">3</td><td class=\"n\">1</td>"
                        "<td class=\"n\">33,3 %</td>") != std::string::npos);
}

TEST_CASE("a station without a loaded schedule says there is no plan") {
    loa::report::PeriodSummary s(
        {"KG-01", "Đài xã", "Sở VHTTDL", "2020-07-20", "2020-07-20", std::nullopt});
    std::ostringstream text;
    loa::report::write_report_text(text, s);
    CHECK_FALSE(s.has_plan());
    CHECK(text.str().find("chưa nạp lịch phát nào") != std::string::npos);
}
