// The period report as plain text and as CSV sections (see period_summary.hpp).
#include "playlog/people_numbers.hpp"
#include "playlog/reason_text.hpp"
#include "report/csv_export.hpp"
#include "report/excel_csv_export.hpp"
#include "report/period_summary.hpp"

namespace loa::report {
namespace {

std::string when(const playlog::PlayRecord &r) {
    const auto at = playlog::played_at(r);
    return at ? excel_date_time(at->text()) : "";
}

} // namespace

void write_report_text(std::ostream &out, const PeriodSummary &s) {
    const auto &h = s.heading();
    out << "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        << "BÁO CÁO KẾT QUẢ PHÁT THANH\n"
        << "Đơn vị: " << h.station_name << " (" << h.station_code << ")\n"
        << "Kính gửi: "
        << (h.reports_to.empty() ? "(chưa đặt reports_to trong station.toml)" : h.reports_to)
        << "\n"
        << "Thời gian: từ ngày " << vietnamese_date(h.from_date) << " đến ngày "
        << vietnamese_date(h.to_date) << "\n";
    if (h.campaign)
        out << "Chiến dịch: " << s.campaign_name(*h.campaign) << "\n";
    out << "\nI. TỔNG HỢP\n"
        << "  Số bản tin đã phát: " << s.total().announcements.size() << "\n"
        << "  Số lượt phát: " << s.total().plays << "\n"
        << "  Tổng thời lượng phát: " << vietnamese_duration(s.total().airtime_ms) << "\n"
        << "  Số lượt phát khẩn cấp: " << s.emergencies().size() << "\n"
        << "  Số lượt không phát được hoặc bị ngắt: " << s.problems().size() << "\n";
    out << "\nII. THEO CHIẾN DỊCH (chiến dịch: bản tin, lượt phát, thời lượng; kế hoạch và đã phát theo lịch)\n";
    for (const auto &[campaign, t] : s.by_campaign()) {
        out << "  " << s.campaign_name(campaign) << ": " << t.announcements.size() << " bản tin, "
            << t.plays << " lượt, " << vietnamese_duration(t.airtime_ms);
        if (s.has_plan())
            out << "; kế hoạch " << t.planned << " lượt, đã phát theo lịch " << t.aired_as_planned
                << " (" << percent_of_plan(t) << ")";
        out << "\n";
    }
    if (s.has_plan())
        out << "  Cộng: kế hoạch " << s.total().planned << " lượt, đã phát theo lịch "
            << s.total().aired_as_planned << " (" << percent_of_plan(s.total()) << ")\n";
    else
        out << "  (chưa nạp lịch phát nào: không có số kế hoạch)\n";
    if (s.by_campaign().empty())
        out << "  (không có lượt phát nào)\n";
    out << "\nIII. THEO NGÀY (ngày: lượt phát, thời lượng)\n";
    for (const auto &[day, t] : s.by_day())
        out << "  " << vietnamese_date(day) << ": " << t.plays << " lượt, "
            << vietnamese_duration(t.airtime_ms) << "\n";
    out << "\nIV. PHÁT KHẨN CẤP\n";
    for (const auto &r : s.emergencies())
        out << "  " << when(r) << "  " << r.announcement << (r.title ? " — " + *r.title : "")
            << "  (" << vietnamese(r.status) << ", "
            << vietnamese_duration(r.duration_ms.value_or(0)) << ")\n";
    if (s.emergencies().empty())
        out << "  (không có)\n";
    out << "\nV. KHÔNG PHÁT ĐƯỢC, BỊ NGẮT, BỎ QUA (thời gian, khung giờ, bản tin, kết quả, lý do)\n";
    for (const auto &g : s.problem_groups())
        out << "  " << when(g.first) << "  " << problem_items(g) << "  " << problem_announcements(g)
            << "  " << vietnamese(g.first.status) << ": " << reason_or_unknown(g.first) << "\n";
    if (s.problems().empty())
        out << "  (không có)\n";
    out << "\n" << witness_caption << "\n" << witness_line(s.chain()) << "\n";
    out << "\n        NGƯỜI LẬP BIỂU                          THỦ TRƯỞNG ĐƠN VỊ\n"
        << "      (Ký, ghi rõ họ tên)                   (Ký tên, đóng dấu)\n";
}

void write_report_csv(std::ostream &out, const PeriodSummary &s) {
    const auto &h = s.heading();
    const auto line = [&](std::initializer_list<std::string> fields) {
        bool first = true;
        for (const auto &field : fields) {
            out << (first ? "" : ",") << csv_field(field);
            first = false;
        }
        out << "\r\n";
    };
    out << "\xEF\xBB\xBF";
    line({"Báo cáo kết quả phát thanh"});
    line({"Đơn vị", h.station_name, h.station_code});
    line({"Kính gửi", h.reports_to});
    line({"Từ ngày", vietnamese_date(h.from_date), "Đến ngày", vietnamese_date(h.to_date)});
    if (h.campaign)
        line({"Chiến dịch", s.campaign_name(*h.campaign)});
    line({});
    line({"Số bản tin đã phát", std::to_string(s.total().announcements.size())});
    line({"Số lượt phát", std::to_string(s.total().plays)});
    line({"Tổng thời lượng (giây)", std::to_string((s.total().airtime_ms + 500) / 1000)});
    line({"Số lượt phát khẩn cấp", std::to_string(s.emergencies().size())});
    line({});
    line({"Chiến dịch", "Số bản tin", "Số lượt phát", "Thời lượng (giây)", "Kế hoạch (lượt)",
          "Đã phát theo lịch (lượt)", "Tỷ lệ"});
    const auto plan = [&](const Totals &t) {
        return s.has_plan() ? std::to_string(t.planned) : std::string();
    };
    for (const auto &[campaign, t] : s.by_campaign())
        line({s.campaign_name(campaign), std::to_string(t.announcements.size()),
              std::to_string(t.plays), std::to_string((t.airtime_ms + 500) / 1000), plan(t),
              std::to_string(t.aired_as_planned), s.has_plan() ? percent_of_plan(t) : ""});
    line({"Cộng", std::to_string(s.total().announcements.size()), std::to_string(s.total().plays),
          std::to_string((s.total().airtime_ms + 500) / 1000), plan(s.total()),
          std::to_string(s.total().aired_as_planned),
          s.has_plan() ? percent_of_plan(s.total()) : ""});
    line({});
    line({"Ngày", "Số lượt phát", "Thời lượng (giây)"});
    for (const auto &[day, t] : s.by_day())
        line({vietnamese_date(day), std::to_string(t.plays),
              std::to_string((t.airtime_ms + 500) / 1000)});
    line({});
    line({"Thời gian", "Khung giờ và mục", "Số mục", "Bản tin", "Kết quả", "Lý do"});
    for (const auto &g : s.problem_groups())
        line({when(g.first), problem_items(g), std::to_string(g.items), problem_announcements(g),
              std::string(vietnamese(g.first.status)), playlog::shown_reason(g.first)});
}

} // namespace loa::report
