// The period report as one self-contained HTML page: print CSS for A4, an inline
// SVG bar chart of airtime per day, no scripts, fonts or images from the network.
#include "report/excel_csv_export.hpp"
#include "playlog/people_numbers.hpp"
#include "playlog/reason_text.hpp"
#include "report/period_summary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace loa::report {
namespace {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out.push_back(c);
        }
    }
    return out;
}

std::string fixed(double value, int decimals) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

constexpr const char *style = R"(<style>
@page { size: A4; margin: 18mm 15mm; }
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 12pt; color: #000; max-width: 180mm; margin: auto; }
.motto { text-align: center; font-weight: bold; } .motto div:last-child { text-decoration: underline; }
h1 { text-align: center; font-size: 15pt; margin: 10mm 0 4mm; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; }
table { border-collapse: collapse; width: 100%; page-break-inside: auto; }
th, td { border: 1px solid #000; padding: 1mm 2mm; text-align: left; vertical-align: top; }
td { overflow-wrap: normal; word-break: normal; hyphens: manual; } .id { white-space: nowrap; }
td.n { text-align: right; white-space: nowrap; } td.t { white-space: nowrap; } tr { page-break-inside: avoid; } thead { display: table-header-group; }
.signatures { display: flex; justify-content: space-around; margin-top: 12mm; text-align: center; page-break-inside: avoid; }
.signatures div { width: 45%; } .signatures small { font-style: italic; display: block; margin-bottom: 25mm; }
.signatures .date { font-style: italic; margin-bottom: 1mm; white-space: nowrap; }
svg text { font-family: sans-serif; font-size: 12px; } /* 12 of 660 units across 180 mm: 12.4 px printed */
tr.total td { font-weight: bold; } .keep { break-inside: avoid; page-break-inside: avoid; }
h2 { break-after: avoid; page-break-after: avoid; } table.days { font-size: 10.5pt; } table.keep { break-inside: avoid; page-break-inside: avoid; } .note { font-style: italic; }
@media print { .noprint { display: none; } }
</style>
)";

/// A gridline step of 1, 2 or 5 times a power of ten, so that at most `lines`
/// steps reach `most`: labels people read at a glance (0, 50, 100, 150...).
double tick_step(double most, int lines) {
    const double raw = most / lines;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double factor : {1.0, 2.0, 5.0})
        if (factor * power >= raw * (1 - 1e-9))
            return factor * power;
    return 10 * power;
}

/// A tick label the Vietnamese way ("0,5"), as many decimals as the step needs.
std::string tick_label(double value, double step) {
    std::string text = fixed(value, step < 1 && value > 0 ? 1 : 0);
    std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

void chart(std::ostream &out, const PeriodSummary &s) {
    const auto &days = s.by_day();
    if (days.empty())
        return;
    std::int64_t most_ms = 60000;
    for (const auto &[day, t] : days)
        most_ms = std::max(most_ms, t.airtime_ms);
    const double width = 660, height = 210, left = 40, bottom = 28, top = 10;
    const double slot = (width - left) / static_cast<double>(days.size());
    const double step = tick_step(static_cast<double>(most_ms) / 60000.0, 5);
    const int ticks =
        static_cast<int>(std::ceil(static_cast<double>(most_ms) / 60000.0 / step - 1e-9));
    const double most_minutes = step * ticks; // the chart's top is its last gridline
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 " << width << " "
        << height << "\" role=\"img\" aria-label=\"Thời lượng phát theo ngày (phút)\">\n";
    out << "<line x1=\"" << left << "\" y1=\"" << top << "\" x2=\"" << left << "\" y2=\""
        << height - bottom << "\" stroke=\"#000\"/><line x1=\"" << left << "\" y1=\""
        << height - bottom << "\" x2=\"" << width << "\" y2=\"" << height - bottom
        << "\" stroke=\"#000\"/>\n";
    // Gridlines at round steps, labelled in minutes.
    for (int tick = 0; tick <= ticks; ++tick) {
        const double y = height - bottom - (height - bottom - top) * tick / ticks;
        if (tick > 0)
            out << "<line x1=\"" << left << "\" y1=\"" << fixed(y, 2) << "\" x2=\"" << width
                << "\" y2=\"" << fixed(y, 2) << "\" stroke=\"#bbb\" stroke-width=\"0.5\"/>";
        out << "<text x=\"" << left - 4 << "\" y=\"" << fixed(y + 4, 2) << "\" text-anchor=\"end\">"
            << tick_label(step * tick, step) << "</text>\n";
    }
    const std::size_t label_every =
        std::max<std::size_t>(1, (days.size() + 11) / 12); // 12-px labels need room
    std::size_t index = 0;
    for (const auto &[day, t] : days) {
        const double minutes = static_cast<double>(t.airtime_ms) / 60000.0;
        const double bar = (height - bottom - top) * minutes / most_minutes;
        const double x = left + slot * static_cast<double>(index);
        out << "<rect x=\"" << fixed(x + slot * 0.15, 2) << "\" y=\""
            << fixed(height - bottom - bar, 2) << "\" width=\"" << fixed(slot * 0.7, 2)
            << "\" height=\"" << fixed(bar, 2) << "\" fill=\"#3a6ea5\"><title>"
            << vietnamese_date(day) << ": " << fixed(minutes, 1) << " phút</title></rect>\n";
        if (index % label_every == 0 &&
            x + slot / 2 <= width - 18) // a label must not run off the page
            out << "<text x=\"" << fixed(x + slot / 2, 2) << "\" y=\"" << height - bottom + 16
                << "\" text-anchor=\"middle\">" << vietnamese_date(day).substr(0, 5) << "</text>\n";
        ++index;
    }
    out << "</svg>\n";
}

/// "118:04:48": hours, minutes and seconds, short enough for a table cell.
std::string clock_duration(std::int64_t ms) {
    const std::int64_t seconds = (ms + 500) / 1000;
    char text[48];
    std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", static_cast<long long>(seconds / 3600),
                  static_cast<long long>(seconds / 60 % 60), static_cast<long long>(seconds % 60));
    return text;
}

/// Day, plays, airtime; a long period (a quarter, a year) in three column groups
/// side by side, so a year's days take a few pages rather than ten.
void days_table(std::ostream &out, const PeriodSummary &s) {
    std::vector<std::pair<std::string, const Totals *>> days;
    for (const auto &[day, t] : s.by_day())
        days.emplace_back(day, &t);
    const std::size_t groups = days.size() > 40 ? 3 : 1;
    const std::size_t rows = (days.size() + groups - 1) / groups;
    // A month's days fit on one page: kept together rather than split by a page break.
    out << (groups == 1 ? "<table class=\"days keep\">\n<thead><tr>"
                        : "<table class=\"days\">\n<thead><tr>");
    for (std::size_t g = 0; g < groups; ++g)
        out << "<th>Ngày</th><th>Số lượt phát</th><th>Thời lượng (giờ:phút:giây)</th>";
    out << "</tr></thead>\n";
    for (std::size_t row = 0; row < rows; ++row) {
        out << "<tr>";
        for (std::size_t g = 0; g < groups; ++g) {
            const std::size_t index = g * rows + row;
            if (index < days.size())
                out << "<td>" << vietnamese_date(days[index].first) << "</td><td class=\"n\">"
                    << days[index].second->plays << "</td><td class=\"n\">"
                    << clock_duration(days[index].second->airtime_ms) << "</td>";
            else
                out << "<td></td><td></td><td></td>";
        }
        out << "</tr>\n";
    }
    out << "</table>\n";
}

/// A group's announcement: its title, wrapped between words; an id (no title)
/// kept whole rather than broken at its hyphens.
std::string announcements_cell(const ProblemGroup &g) {
    std::string text = escape(problem_announcements(g)); // Not const: returned by move.
    if (g.announcements.size() == 1 && problem_announcements(g) == g.first.announcement)
        return "<span class=\"id\">" + text + "</span>";
    return text;
}

std::string when(const playlog::PlayRecord &r) {
    const auto at = playlog::played_at(r);
    return at ? excel_date_time(at->text()) : "";
}

} // namespace

void write_report_html(std::ostream &out, const PeriodSummary &s) {
    const auto &h = s.heading();
    out << "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>Báo cáo kết quả phát thanh "
        << escape(h.station_code) << " " << vietnamese_date(h.from_date) << " – "
        << vietnamese_date(h.to_date) << "</title>\n"
        << style << "</head>\n<body>\n";
    out << "<div class=\"motto\"><div>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div>Độc lập - Tự do - Hạnh phúc</div></div>\n";
    out << "<h1>BÁO CÁO KẾT QUẢ PHÁT THANH</h1>\n<p>Đơn vị: <b>" << escape(h.station_name)
        << "</b> (" << escape(h.station_code) << ")<br>Kính gửi: " << escape(h.reports_to)
        << "<br>Thời gian: từ ngày " << vietnamese_date(h.from_date) << " đến ngày "
        << vietnamese_date(h.to_date);
    if (h.campaign)
        out << "<br>Chiến dịch: " << escape(s.campaign_name(*h.campaign));
    out << "</p>\n<h2>I. Tổng hợp</h2>\n<table>\n"
        << "<tr><td>Số bản tin đã phát</td><td class=\"n\">" << s.total().announcements.size()
        << "</td></tr>\n"
        << "<tr><td>Số lượt phát</td><td class=\"n\">" << s.total().plays << "</td></tr>\n"
        << "<tr><td>Tổng thời lượng phát</td><td class=\"n\">"
        << vietnamese_duration(s.total().airtime_ms)
        << "</td></tr>\n<tr><td>Số lượt phát khẩn cấp</td><td class=\"n\">"
        << s.emergencies().size()
        << "</td></tr>\n<tr><td>Số lượt không phát được, bị ngắt hoặc bỏ qua</td><td class=\"n\">"
        << s.problems().size() << "</td></tr>\n</table>\n";
    out << "<h2>II. Theo chiến dịch: kế hoạch và đã phát</h2>\n<table>\n<thead><tr><th>Chiến dịch</th>"
           "<th>Số bản tin</th><th>Số lượt phát</th><th>Thời lượng (giờ:phút:giây)</th><th>Kế hoạch (lượt)</th>"
           "<th>Đã phát theo lịch</th><th>Tỷ lệ</th></tr></thead>\n";
    const auto campaign_row = [&](const std::string &name, const Totals &t, bool total) {
        out << (total ? "<tr class=\"total\"><td>" : "<tr><td>") << escape(name)
            << "</td><td class=\"n\">" << t.announcements.size() << "</td><td class=\"n\">"
            << t.plays << "</td><td class=\"n\">" << clock_duration(t.airtime_ms)
            << "</td><td class=\"n\">" << (s.has_plan() ? std::to_string(t.planned) : "—")
            << "</td><td class=\"n\">" << t.aired_as_planned << "</td><td class=\"n\">"
            << (s.has_plan() ? percent_of_plan(t) : "—") << "</td></tr>\n";
    };
    for (const auto &[campaign, t] : s.by_campaign())
        campaign_row(s.campaign_name(campaign), t, false);
    campaign_row("Cộng", s.total(), true);
    out << "</table>\n";
    if (!s.has_plan())
        out << "<p class=\"note\">Chưa nạp lịch phát nào trong kỳ: không có số kế hoạch.</p>\n";
    out << "<div class=\"keep\"><h2>III. Thời lượng phát theo ngày (phút)</h2>\n";
    chart(out, s);
    out << "</div>\n";
    days_table(out, s);
    out << "<h2>IV. Phát khẩn cấp</h2>\n";
    if (s.emergencies().empty())
        out << "<p>Không có.</p>\n";
    else {
        out << "<table>\n<thead><tr><th>Thời gian</th><th>Bản tin</th><th>Kết quả</th><th>Thời lượng</th></tr></thead>\n";
        for (const auto &r : s.emergencies())
            out << "<tr><td>" << when(r) << "</td><td>" << escape(r.title.value_or(r.announcement))
                << "</td><td>" << vietnamese(r.status) << "</td><td class=\"n\">"
                << vietnamese_duration(r.duration_ms.value_or(0)) << "</td></tr>\n";
        out << "</table>\n";
    }
    out << "<h2>V. Không phát được, bị ngắt, bỏ qua</h2>\n";
    if (s.problems().empty())
        out << "<p>Không có.</p>\n";
    else {
        out << "<table>\n<thead><tr><th>Thời gian</th><th>Khung giờ, mục</th><th>Bản tin</th><th>Kết quả</th>"
               "<th>Lý do</th></tr></thead>\n";
        for (const auto &g : s.problem_groups())
            out << "<tr><td class=\"t\">" << when(g.first) << "</td><td>"
                << escape(problem_items(g)) << "</td><td>" << announcements_cell(g)
                << "</td><td class=\"t\">" << vietnamese(g.first.status) << "</td><td>"
                << escape(playlog::shown_reason(g.first)) << "</td></tr>\n";
        out << "</table>\n";
    }
    out << "<p class=\"note\">" << witness_caption << "<br>" << escape(witness_line(s.chain()))
        << "</p>\n";
    out << "<div class=\"signatures\"><div><div class=\"date\">&nbsp;</div><b>NGƯỜI LẬP BIỂU</b>"
           "<small>(Ký, ghi rõ họ tên)</small></div><div><div class=\"date\">……, ngày …… tháng …… năm ……</div>"
           "<b>THỦ TRƯỞNG ĐƠN VỊ</b><small>(Ký tên, đóng dấu)</small></div></div>\n</body>\n</html>\n";
}

} // namespace loa::report
