#include "report/xlsx_export.hpp"

#include "playlog/people_numbers.hpp"
#include "playlog/reason_text.hpp"
#include "report/excel_csv_export.hpp"
#include "report/xlsx_workbook.hpp"

#include <xlsxwriter.h>

#include <map>
#include <set>

namespace loa::report {
namespace {

/// One field of `r` into its cell, as the presentation copies show it.
void write_cell(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t column,
                const playlog::PlayField &field, const playlog::PlayRecord &r, lxw_format *when) {
    using playlog::Display;
    const auto text = [&](std::string_view value) {
        if (!value.empty())
            worksheet_write_string(sheet, row, column, std::string(value).c_str(), nullptr);
    };
    switch (field.display) {
    case Display::status:
        return text(vietnamese(r.status));
    case Display::priority:
        return text(vietnamese(r.priority));
    case Display::trigger:
        return text(vietnamese(r.trigger));
    case Display::reason:
        return text(playlog::shown_reason(r));
    default:
        break;
    }
    const auto value = field.get(r, {});
    if (const auto *number = std::get_if<std::int64_t>(&value)) {
        const double shown =
            field.display == Display::seconds
                ? static_cast<double>(*number) / 1000.0
                : static_cast<double>(playlog::people_number(field.display, *number));
        worksheet_write_number(sheet, row, column, shown, nullptr);
    } else if (const auto words = playlog::text_of(value)) {
        if (field.display != Display::instant)
            return text(*words);
        if (auto when_value = excel_date(std::optional<std::string>(std::string(*words))))
            worksheet_write_datetime(sheet, row, column, &*when_value, when);
    }
}

/// What the summary sheet counts, gathered while the rows stream past.
struct Summary {
    std::size_t plays = 0;
    std::set<std::string> announcements;
    std::int64_t airtime_ms = 0;
    std::map<std::string, std::size_t> by_status;
    std::map<std::string, std::pair<std::size_t, std::int64_t>> by_campaign; ///< plays, airtime
    std::size_t emergencies = 0;

    void add(const playlog::PlayRecord &r) {
        ++plays;
        ++by_status[std::string(vietnamese(r.status))];
        if (r.status != PlayStatus::completed && r.status != PlayStatus::interrupted)
            return;
        announcements.insert(r.announcement);
        airtime_ms += r.duration_ms.value_or(0);
        auto &campaign = by_campaign[r.campaign.value_or("(không thuộc chiến dịch)")];
        ++campaign.first;
        campaign.second += r.duration_ms.value_or(0);
        if (r.priority == Priority::emergency)
            ++emergencies;
    }
};

/// Milliseconds as an Excel time value (a fraction of a day), for "[h]:mm:ss".
double excel_duration(std::int64_t ms) {
    const std::int64_t seconds = (ms + 500) / 1000; // Rounded to the second "[h]:mm:ss" shows.
    return static_cast<double>(seconds) / 86400.0;
}

void write_summary(lxw_workbook *book, const WorkbookHeading &heading, const Summary &summary,
                   lxw_format *bold) {
    lxw_worksheet *sheet = workbook_add_worksheet(book, "Tổng hợp");
    worksheet_set_column(sheet, 0, 0, 36, nullptr);
    worksheet_set_column(sheet, 1, 2, 22, nullptr);
    set_up_printing(sheet, {});
    // Airtime as people read it, 118:19:18, not 7099.3 minutes; still a number to add up.
    lxw_format *duration = workbook_add_format(book);
    format_set_num_format(duration, "[h]:mm:ss");
    lxw_row_t row = 0;
    const auto line = [&](const std::string &label, const std::string &value) {
        worksheet_write_string(sheet, row, 0, label.c_str(), bold);
        worksheet_write_string(sheet, row++, 1, value.c_str(), nullptr);
    };
    const auto number = [&](const std::string &label, double value, lxw_format *format = nullptr) {
        worksheet_write_string(sheet, row, 0, label.c_str(), bold);
        worksheet_write_number(sheet, row++, 1, value, format);
    };
    const auto date = [](const std::string &iso_date) {
        return iso_date.size() == 10 ? iso_date.substr(8, 2) + "/" + iso_date.substr(5, 2) + "/" +
                                           iso_date.substr(0, 4)
                                     : iso_date;
    };
    line("Đài", heading.station_name + " (" + heading.station_code + ")");
    line("Nơi nhận", heading.reports_to);
    line("Thời gian", "Từ " + date(heading.from_date) + " đến " + date(heading.to_date));
    ++row;
    number("Số lượt phát đã ghi", static_cast<double>(summary.plays));
    number("Số bản tin đã phát", static_cast<double>(summary.announcements.size()));
    number("Tổng thời lượng phát (giờ:phút:giây)", excel_duration(summary.airtime_ms), duration);
    number("Số lượt phát khẩn cấp", static_cast<double>(summary.emergencies));
    ++row;
    worksheet_write_string(sheet, row, 0, "Kết quả", bold);
    worksheet_write_string(sheet, row++, 1, "Số lượt", bold);
    for (const auto &[status, count] : summary.by_status)
        number(status, static_cast<double>(count));
    ++row;
    worksheet_write_string(sheet, row, 0, "Chiến dịch", bold);
    worksheet_write_string(sheet, row, 1, "Số lượt phát", bold);
    worksheet_write_string(sheet, row++, 2, "Thời lượng (giờ:phút:giây)", bold);
    for (const auto &[campaign, totals] : summary.by_campaign) {
        worksheet_write_string(sheet, row, 0, campaign.c_str(), nullptr);
        worksheet_write_number(sheet, row, 1, static_cast<double>(totals.first), nullptr);
        worksheet_write_number(sheet, row++, 2, excel_duration(totals.second), duration);
    }
}

} // namespace

std::size_t write_xlsx(const std::filesystem::path &path, const WorkbookHeading &heading,
                       const RowSource &rows) {
    auto partial = path;
    partial += ".partial";
    Summary summary;
    {
        Workbook book(partial);
        lxw_format *bold = workbook_add_format(book.get());
        format_set_bold(bold);
        format_set_text_wrap(bold);
        lxw_format *when = workbook_add_format(book.get());
        format_set_num_format(when, "dd/mm/yyyy hh:mm:ss");
        lxw_worksheet *sheet = workbook_add_worksheet(book.get(), "Nhật ký phát");
        const auto columns = presented_fields();
        // A handful of columns: each index fits lxw_col_t (16 bits).
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const auto column = static_cast<lxw_col_t>(i);
            worksheet_set_column(sheet, column, column, columns[i]->width, nullptr);
        }
        worksheet_freeze_panes(sheet, 1, 0);
        for (std::size_t i = 0; i < columns.size(); ++i)
            worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(i),
                                   std::string(columns[i]->heading).c_str(), bold);
        lxw_row_t row = 1;
        rows([&](const playlog::PlayRecord &r) {
            for (std::size_t i = 0; i < columns.size(); ++i)
                write_cell(sheet, row, static_cast<lxw_col_t>(i), *columns[i], r, when);
            summary.add(r);
            ++row;
        });
        write_summary(book.get(), heading, summary, bold);
        book.close();
    }
    sync_and_rename(partial, path);
    return summary.plays;
}

} // namespace loa::report
