// The period report as an Excel workbook: sheet "Báo cáo" (national motto, title,
// heading, totals, planned versus aired by campaign, emergencies, missed/failed/
// interrupted items, signatures) and sheet "Theo ngày" (airtime per day, days as
// real Excel dates). Both print on A4 portrait, one page wide, text wrapped in
// rows tall enough to show it, the signature block on one page.
#include "playlog/people_numbers.hpp"
#include "report/excel_csv_export.hpp"
#include "report/period_summary.hpp"
#include "report/xlsx_workbook.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <vector>

namespace loa::report {
namespace {

/// Columns A to G of "Báo cáo" in Excel characters: 616 pixels, inside A4
/// portrait's printable width in Excel (659) and LibreOffice (which draws them
/// some 5 % wider), so "fit to one page wide" prints them at 100 % and the rows
/// fall on pages as signature_part() expects.
constexpr std::array<double, 7> widths{22, 11, 10, 10, 10, 10, 10};
constexpr lxw_col_t last_column = widths.size() - 1;

struct Formats {
    lxw_format *plain, *bold, *title, *motto, *motto_line, *centre_bold, *centre_italic;
    lxw_format *head, *cell, *cell_bold, *number, *number_bold, *decimal, *decimal_bold, *percent,
        *percent_bold, *when, *day;
    std::vector<lxw_format *> bold_ones; ///< Bold text is wider: rows wrap sooner.

    explicit Formats(lxw_workbook *book) {
        const auto make = [&](bool strong, bool border, const char *num_format = nullptr) {
            lxw_format *f = workbook_add_format(book);
            format_set_text_wrap(f);
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
            if (strong) {
                format_set_bold(f);
                bold_ones.push_back(f);
            }
            if (border)
                format_set_border(f, LXW_BORDER_THIN);
            if (num_format)
                format_set_num_format(f, num_format);
            return f;
        };
        plain = make(false, false), bold = make(true, false);
        title = make(true, false), motto = make(true, false), motto_line = make(true, false);
        centre_bold = make(true, false), centre_italic = make(false, false);
        for (lxw_format *f : {title, motto, motto_line, centre_bold, centre_italic})
            format_set_align(f, LXW_ALIGN_CENTER);
        format_set_font_size(title, 14);
        format_set_underline(motto_line, LXW_UNDERLINE_SINGLE);
        format_set_italic(centre_italic);
        head = make(true, true);
        format_set_align(head, LXW_ALIGN_CENTER);
        format_set_bg_color(head, 0xE8E8E8);
        cell = make(false, true), cell_bold = make(true, true);
        number = make(false, true, "0"), number_bold = make(true, true, "0");
        decimal = make(false, true, "0.0"), decimal_bold = make(true, true, "0.0");
        percent = make(false, true, "0.0%"), percent_bold = make(true, true, "0.0%");
        when = make(false, true, "dd/mm/yyyy hh:mm:ss"), day = make(false, true, "dd/mm/yyyy");
    }
};

/// Writes a sheet row by row, cells spanning columns merged, and sets each row's
/// height from its tallest wrapped cell (Excel does not size merged cells itself).
class SheetWriter {
public:
    SheetWriter(lxw_worksheet *sheet, const double *column_widths, const Formats &formats)
        : m_sheet(sheet), m_widths(column_widths), m_formats(formats) {}

    void text(lxw_col_t first, lxw_col_t last, const std::string &value, lxw_format *format) {
        if (last > first)
            worksheet_merge_range(m_sheet, m_row, first, m_row, last, value.c_str(), format);
        else if (!value.empty())
            worksheet_write_string(m_sheet, m_row, first, value.c_str(), format);
        else
            worksheet_write_blank(m_sheet, m_row, first, format);
        const double width = std::accumulate(m_widths + first, m_widths + last + 1, 0.0);
        m_lines = std::max(m_lines, wrapped_lines(value, width, format_is_bold(format)));
    }
    void text(lxw_col_t column, const std::string &value, lxw_format *format) {
        text(column, column, value, format);
    }
    void number(lxw_col_t column, double value, lxw_format *format) {
        worksheet_write_number(m_sheet, m_row, column, value, format);
    }
    void date(lxw_col_t column, const std::optional<std::string> &iso, lxw_format *format) {
        if (auto value = excel_date(iso))
            worksheet_write_datetime(m_sheet, m_row, column, &*value, format);
        else
            worksheet_write_blank(m_sheet, m_row, column, format);
    }
    /// Table headings, one a column from A.
    void headings(std::initializer_list<const char *> names, lxw_format *format) {
        lxw_col_t column = 0;
        for (const char *name : names)
            text(column++, name, format);
        next();
    }
    void next(lxw_row_t rows = 1) {
        for (lxw_row_t i = 0; i < rows; ++i) {
            const double height = std::max(row_height(m_lines), m_min_height);
            if (height > row_height(1))
                worksheet_set_row(m_sheet, m_row, height, nullptr);
            m_heights.push_back(height);
            ++m_row;
            m_lines = 1;
            m_min_height = 0;
        }
    }
    /// Makes the current row at least `points` tall (a larger font).
    void at_least(double points) { m_min_height = std::max(m_min_height, points); }
    lxw_row_t row() const noexcept { return m_row; }
    /// Where on its page (points from the top) the next row would print, rows
    /// flowing onto the next page when they do not fit.
    double used_on_page(double page) const {
        double used = 0;
        for (const double height : m_heights)
            used = used + height > page ? height : used + height;
        return used;
    }

private:
    bool format_is_bold(lxw_format *format) const {
        const auto &bold = m_formats.bold_ones;
        return std::find(bold.begin(), bold.end(), format) != bold.end();
    }

    lxw_worksheet *m_sheet;
    const double *m_widths;
    const Formats &m_formats;
    std::vector<double> m_heights;
    lxw_row_t m_row = 0;
    int m_lines = 1;
    double m_min_height = 0;
};

/// The ISO time a row is shown at (playlog::played_at), as the sheet's dates read it.
std::optional<std::string> played_text(const playlog::PlayRecord &r) {
    const auto at = playlog::played_at(r);
    return at ? std::optional<std::string>(at->text()) : std::nullopt;
}

double minutes(std::int64_t ms) {
    return static_cast<double>(ms) / 60000.0;
}

/// A4 portrait rows at the scale the columns print at (100 % when they fit).
double page_height(const double *column_widths, std::size_t columns) {
    double pixels = 0;
    for (std::size_t c = 0; c < columns; ++c)
        pixels +=
            static_cast<int>(column_widths[c] * 7 + 5);      // Calibri 11's pixel width of a column
    const double printable_pixels = (8.27 - 0.8 - 0.6) * 96; // A4 less the side margins, at 96 dpi
    return printable_height(false) / std::min(1.0, printable_pixels / pixels);
}

void heading_part(SheetWriter &w, const Formats &f, const PeriodSummary &s) {
    w.text(0, last_column, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f.motto);
    w.next();
    w.text(0, last_column, "Độc lập - Tự do - Hạnh phúc", f.motto_line);
    w.next(2);
    w.text(0, last_column, "BÁO CÁO KẾT QUẢ PHÁT THANH", f.title);
    w.at_least(21);
    w.next(2);
    const auto &h = s.heading();
    const auto line = [&](const char *label, const std::string &value) {
        w.text(0, label, f.bold);
        w.text(1, last_column, value, f.plain);
        w.next();
    };
    line("Đơn vị", h.station_name + " (" + h.station_code + ")");
    line("Kính gửi", h.reports_to);
    line("Thời gian",
         "Từ ngày " + vietnamese_date(h.from_date) + " đến ngày " + vietnamese_date(h.to_date));
    if (h.campaign)
        line("Chiến dịch", s.campaign_name(*h.campaign));
    w.next();
    w.text(0, last_column, "I. TỔNG HỢP", f.bold);
    w.next();
    const auto count = [&](const char *label, double value, lxw_format *format) {
        w.text(0, 3, label, f.cell);
        w.number(4, value, format);
        w.next();
    };
    count("Số bản tin đã phát", static_cast<double>(s.total().announcements.size()), f.number);
    count("Số lượt phát", static_cast<double>(s.total().plays), f.number);
    count("Tổng thời lượng phát (phút)", minutes(s.total().airtime_ms), f.decimal);
    count("Số lượt phát khẩn cấp", static_cast<double>(s.emergencies().size()), f.number);
    count("Số lượt không phát được, bị ngắt, bỏ qua", static_cast<double>(s.problems().size()),
          f.number);
    w.next();
}

void campaign_part(SheetWriter &w, const Formats &f, const PeriodSummary &s) {
    w.text(0, last_column, "II. THEO CHIẾN DỊCH: KẾ HOẠCH VÀ ĐÃ PHÁT", f.bold);
    w.next();
    w.headings({"Chiến dịch", "Số bản tin", "Số lượt phát", "Thời lượng (phút)", "Kế hoạch (lượt)",
                "Đã phát theo lịch (lượt)", "Tỷ lệ"},
               f.head);
    const auto campaign_row = [&](const std::string &name, const Totals &t, bool total) {
        w.text(0, name, total ? f.cell_bold : f.cell);
        w.number(1, static_cast<double>(t.announcements.size()), total ? f.number_bold : f.number);
        w.number(2, static_cast<double>(t.plays), total ? f.number_bold : f.number);
        w.number(3, minutes(t.airtime_ms), total ? f.decimal_bold : f.decimal);
        if (s.has_plan())
            w.number(4, static_cast<double>(t.planned), total ? f.number_bold : f.number);
        else
            w.text(4, "", f.cell);
        w.number(5, static_cast<double>(t.aired_as_planned), total ? f.number_bold : f.number);
        if (t.planned > 0)
            w.number(6, static_cast<double>(t.aired_as_planned) / static_cast<double>(t.planned),
                     total ? f.percent_bold : f.percent);
        else
            w.text(6, "", f.cell);
        w.next();
    };
    for (const auto &[campaign, t] : s.by_campaign())
        campaign_row(s.campaign_name(campaign), t, false);
    campaign_row("Cộng", s.total(), true);
    if (!s.has_plan()) {
        w.text(0, last_column, "Chưa nạp lịch phát nào trong kỳ: không có số kế hoạch.", f.plain);
        w.next();
    }
    w.next();
}

void emergency_part(SheetWriter &w, const Formats &f, const PeriodSummary &s) {
    w.text(0, last_column, "III. PHÁT KHẨN CẤP", f.bold);
    w.next();
    if (s.emergencies().empty()) {
        w.text(0, "Không có.", f.plain);
        w.next(2);
        return;
    }
    w.text(0, "Thời gian", f.head);
    w.text(1, 4, "Bản tin", f.head);
    w.text(5, "Kết quả", f.head);
    w.text(6, "Thời lượng (phút)", f.head);
    w.next();
    for (const auto &r : s.emergencies()) {
        w.date(0, played_text(r), f.when);
        w.text(1, 4, r.title.value_or(r.announcement), f.cell);
        w.text(5, std::string(vietnamese(r.status)), f.cell);
        w.number(6, minutes(r.duration_ms.value_or(0)), f.decimal);
        w.next();
    }
    w.next();
}

void problem_part(SheetWriter &w, const Formats &f, const PeriodSummary &s) {
    w.text(0, last_column, "IV. KHÔNG PHÁT ĐƯỢC, BỊ NGẮT, BỎ QUA", f.bold);
    w.next();
    if (s.problems().empty()) {
        w.text(0, "Không có.", f.plain);
        w.next(2);
        return;
    }
    w.text(0, "Thời gian", f.head);
    w.text(1, "Khung giờ, mục", f.head);
    w.text(2, 3, "Bản tin", f.head);
    w.text(4, "Kết quả", f.head);
    w.text(5, 6, "Lý do", f.head);
    w.next();
    for (const auto &g : s.problem_groups()) {
        const auto &r = g.first;
        w.date(0, played_text(r), f.when);
        w.text(1, problem_items(g), f.cell);
        w.text(2, 3, problem_announcements(g), f.cell);
        w.text(4, std::string(vietnamese(r.status)), f.cell);
        w.text(5, 6, reason_or_unknown(r), f.cell);
        w.next();
    }
    w.next();
}

/// Who signs, with room to sign: on one page, after a page break when the rest
/// of the page is too short for it.
void signature_part(lxw_worksheet *sheet, SheetWriter &w, const Formats &f) {
    constexpr int signing_rows = 5;
    const double page = page_height(widths.data(), widths.size());
    if (w.used_on_page(page) + row_height(4 + signing_rows) > page) {
        lxw_row_t breaks[] = {w.row(), 0}; // copied by libxlsxwriter
        worksheet_set_h_pagebreaks(sheet, breaks);
    }
    w.text(4, last_column, "……, ngày …… tháng …… năm ……", f.centre_italic);
    w.next();
    w.text(0, 2, "NGƯỜI LẬP BIỂU", f.centre_bold);
    w.text(4, last_column, "THỦ TRƯỞNG ĐƠN VỊ", f.centre_bold);
    w.next();
    w.text(0, 2, "(Ký, ghi rõ họ tên)", f.centre_italic);
    w.text(4, last_column, "(Ký tên, đóng dấu)", f.centre_italic);
    w.next(signing_rows);
}

void days_sheet(lxw_workbook *book, const Formats &f, const PeriodSummary &s) {
    lxw_worksheet *days = workbook_add_worksheet(book, "Theo ngày");
    static constexpr double day_widths[] = {14, 18, 18};
    for (lxw_col_t c = 0; c < 3; ++c)
        worksheet_set_column(days, c, c, day_widths[c], nullptr);
    worksheet_freeze_panes(days, 1, 0);
    const auto &h = s.heading();
    set_up_printing(days,
                    {false, 1,
                     "Thời lượng phát theo ngày – " + h.station_name + ", từ " +
                         vietnamese_date(h.from_date) + " đến " + vietnamese_date(h.to_date)});
    SheetWriter d(days, day_widths, f);
    d.headings({"Ngày", "Số lượt phát", "Thời lượng (phút)"}, f.head);
    for (const auto &[day, t] : s.by_day()) {
        d.date(0, day + "T00:00:00", f.day);
        d.number(1, static_cast<double>(t.plays), f.number);
        d.number(2, minutes(t.airtime_ms), f.decimal);
        d.next();
    }
}

} // namespace

void write_report_xlsx(const std::filesystem::path &path, const PeriodSummary &s) {
    auto partial = path;
    partial += ".partial";
    {
        Workbook book(partial, false); // a report's rows are few; merged cells need random access
        const Formats f(book.get());
        lxw_worksheet *sheet = workbook_add_worksheet(book.get(), "Báo cáo");
        for (lxw_col_t c = 0; c <= last_column; ++c)
            worksheet_set_column(sheet, c, c, widths[c], nullptr);
        set_up_printing(sheet, {});
        SheetWriter w(sheet, widths.data(), f);
        heading_part(w, f, s);
        campaign_part(w, f, s);
        emergency_part(w, f, s);
        problem_part(w, f, s);
        w.text(0, last_column, witness_caption, f.plain);
        w.next();
        w.text(0, last_column, witness_line(s.chain()), f.plain);
        w.next(2);
        signature_part(sheet, w, f);
        days_sheet(book.get(), f, s);
        book.close();
    }
    sync_and_rename(partial, path);
}

} // namespace loa::report
