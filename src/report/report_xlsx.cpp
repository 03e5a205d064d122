// The period report as an Excel workbook: sheet "Báo cáo" (heading, totals,
// planned versus aired by campaign, emergencies, missed/failed/interrupted items,
// signatures) and sheet "Theo ngày" (airtime per day, days as real Excel dates).
#include "report/excel_csv_export.hpp"
#include "report/period_summary.hpp"
#include "report/xlsx_workbook.hpp"

namespace loa::report {
namespace {

/// Writes rows top to bottom on one sheet (constant-memory mode needs that order).
class SheetWriter {
public:
    SheetWriter(lxw_worksheet *sheet, lxw_format *bold) : m_sheet(sheet), m_bold(bold) {}

    void text(lxw_col_t column, const std::string &value, bool bold = false) {
        if (!value.empty())
            worksheet_write_string(m_sheet, m_row, column, value.c_str(), bold ? m_bold : nullptr);
    }
    void number(lxw_col_t column, double value, lxw_format *format = nullptr) {
        worksheet_write_number(m_sheet, m_row, column, value, format);
    }
    void date(lxw_col_t column, const std::optional<std::string> &iso, lxw_format *format) {
        if (auto value = excel_date(iso))
            worksheet_write_datetime(m_sheet, m_row, column, &*value, format);
    }
    void headings(std::initializer_list<const char *> names) {
        lxw_col_t column = 0;
        for (const char *name : names)
            worksheet_write_string(m_sheet, m_row, column++, name, m_bold);
        next();
    }
    void next(lxw_row_t rows = 1) { m_row += rows; }
    lxw_row_t row() const noexcept { return m_row; }

private:
    lxw_worksheet *m_sheet;
    lxw_format *m_bold;
    lxw_row_t m_row = 0;
};

double minutes(std::int64_t ms) {
    return static_cast<double>(ms) / 60000.0;
}

} // namespace

void write_report_xlsx(const std::filesystem::path &path, const PeriodSummary &s) {
    auto partial = path;
    partial += ".partial";
    {
        Workbook book(partial);
        lxw_format *bold = workbook_add_format(book.get());
        format_set_bold(bold);
        lxw_format *title = workbook_add_format(book.get());
        format_set_bold(title);
        format_set_font_size(title, 14);
        lxw_format *when = workbook_add_format(book.get());
        format_set_num_format(when, "dd/mm/yyyy hh:mm:ss");
        lxw_format *day_format = workbook_add_format(book.get());
        format_set_num_format(day_format, "dd/mm/yyyy");
        lxw_format *one_decimal = workbook_add_format(book.get());
        format_set_num_format(one_decimal, "0.0");
        lxw_format *percent = workbook_add_format(book.get());
        format_set_num_format(percent, "0.0%");

        lxw_worksheet *sheet = workbook_add_worksheet(book.get(), "Báo cáo");
        worksheet_set_column(sheet, 0, 0, 34, nullptr);
        worksheet_set_column(sheet, 1, 1, 16, nullptr);
        worksheet_set_column(sheet, 2, 6, 16, nullptr);
        worksheet_set_column(sheet, 4, 4, 40, nullptr);
        SheetWriter w(sheet, bold);
        const auto &h = s.heading();
        worksheet_write_string(sheet, w.row(), 0, "BÁO CÁO KẾT QUẢ PHÁT THANH", title);
        w.next(2);
        const auto line = [&](const char *label, const std::string &value) {
            w.text(0, label, true);
            w.text(1, value);
            w.next();
        };
        line("Đơn vị", h.station_name + " (" + h.station_code + ")");
        line("Kính gửi", h.reports_to);
        line("Thời gian", "Từ ngày " + vietnamese_date(h.from_date) + " đến ngày " + vietnamese_date(h.to_date));
        if (h.campaign)
            line("Chiến dịch", s.campaign_name(*h.campaign));
        w.next();
        const auto count = [&](const char *label, double value, lxw_format *format = nullptr) {
            w.text(0, label, true);
            w.number(1, value, format);
            w.next();
        };
        w.text(0, "I. TỔNG HỢP", true);
        w.next();
        count("Số bản tin đã phát", static_cast<double>(s.total().announcements.size()));
        count("Số lượt phát", static_cast<double>(s.total().plays));
        count("Tổng thời lượng phát (phút)", minutes(s.total().airtime_ms), one_decimal);
        count("Số lượt phát khẩn cấp", static_cast<double>(s.emergencies().size()));
        count("Số lượt không phát được, bị ngắt, bỏ qua", static_cast<double>(s.problems().size()));
        w.next();

        w.text(0, "II. THEO CHIẾN DỊCH: KẾ HOẠCH VÀ ĐÃ PHÁT", true);
        w.next();
        w.headings({"Chiến dịch", "Số bản tin", "Số lượt phát", "Thời lượng (phút)", "Kế hoạch (lượt)",
                    "Đã phát theo lịch (lượt)", "Tỷ lệ"});
        const auto campaign_row = [&](const std::string &name, const Totals &t, bool total) {
            w.text(0, name, total);
            w.number(1, static_cast<double>(t.announcements.size()));
            w.number(2, static_cast<double>(t.plays));
            w.number(3, minutes(t.airtime_ms), one_decimal);
            if (s.has_plan())
                w.number(4, static_cast<double>(t.planned));
            w.number(5, static_cast<double>(t.aired_as_planned));
            if (t.planned > 0)
                w.number(6, static_cast<double>(t.aired_as_planned) / static_cast<double>(t.planned), percent);
            w.next();
        };
        for (const auto &[campaign, t] : s.by_campaign())
            campaign_row(s.campaign_name(campaign), t, false);
        campaign_row("Cộng", s.total(), true);
        if (!s.has_plan()) {
            w.text(0, "Chưa nạp lịch phát nào trong kỳ: không có số kế hoạch.");
            w.next();
        }
        w.next();

        w.text(0, "III. PHÁT KHẨN CẤP", true);
        w.next();
        w.headings({"Thời gian", "Bản tin", "Kết quả", "Thời lượng (phút)"});
        for (const auto &r : s.emergencies()) {
            w.date(0, r.started_at ? r.started_at : r.scheduled_at, when);
            w.text(1, r.title.value_or(r.announcement));
            w.text(2, std::string(vietnamese(r.status)));
            w.number(3, minutes(r.duration_ms.value_or(0)), one_decimal);
            w.next();
        }
        if (s.emergencies().empty()) {
            w.text(0, "Không có.");
            w.next();
        }
        w.next();

        w.text(0, "IV. KHÔNG PHÁT ĐƯỢC, BỊ NGẮT, BỎ QUA", true);
        w.next();
        w.headings({"Thời gian", "Khung giờ, mục", "Bản tin", "Kết quả", "Lý do"});
        for (const auto &g : s.problem_groups()) {
            const auto &r = g.first;
            w.date(0, r.started_at ? r.started_at : r.scheduled_at, when);
            w.text(1, problem_items(g));
            w.text(2, problem_announcements(g));
            w.text(3, std::string(vietnamese(r.status)));
            w.text(4, r.error.value_or("(không rõ lý do)"));
            w.next();
        }
        if (s.problems().empty()) {
            w.text(0, "Không có.");
            w.next();
        }
        w.text(0, witness_line(s.chain()));
        w.next(2);
        w.text(0, "NGƯỜI LẬP BIỂU", true);
        w.text(4, "THỦ TRƯỞNG ĐƠN VỊ", true);
        w.next();
        w.text(0, "(Ký, ghi rõ họ tên)");
        w.text(4, "(Ký tên, đóng dấu)");

        lxw_worksheet *days = workbook_add_worksheet(book.get(), "Theo ngày");
        worksheet_set_column(days, 0, 0, 14, nullptr);
        worksheet_set_column(days, 1, 2, 18, nullptr);
        worksheet_freeze_panes(days, 1, 0);
        SheetWriter d(days, bold);
        d.headings({"Ngày", "Số lượt phát", "Thời lượng (phút)"});
        for (const auto &[day, t] : s.by_day()) {
            d.date(0, day + "T00:00:00", day_format);
            d.number(1, static_cast<double>(t.plays));
            d.number(2, minutes(t.airtime_ms), one_decimal);
            d.next();
        }
        book.close();
    }
    sync_and_rename(partial, path);
}

} // namespace loa::report
