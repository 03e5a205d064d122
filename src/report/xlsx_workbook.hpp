#pragma once
// A libxlsxwriter workbook owned by an object (closed once, errors naming the
// file), and the durable replacement of the finished file. Internal to report.
#include <xlsxwriter.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace loa::report {

class Workbook {
public:
    /// Creates the file, in constant-memory mode when `streamed` (rows are written
    /// in order and a year of plays streams through). Throws Error naming the file.
    explicit Workbook(const std::filesystem::path &path, bool streamed = true);
    ~Workbook();
    Workbook(const Workbook &) = delete;
    Workbook &operator=(const Workbook &) = delete;
    lxw_workbook *get() const noexcept { return m_book; }
    /// Writes the file out. Throws Error naming it.
    void close();

private:
    std::filesystem::path m_path;
    lxw_workbook *m_book = nullptr;
};

/// How a sheet prints on the province's A4 paper: one page wide (never a column
/// on a page of its own), margins for a binder, page numbers in the footer.
struct PrintSetup {
    bool landscape = false;
    int repeat_rows = 0; ///< Rows at the top repeated on every page (table headings).
    std::string header;  ///< Centred at the top of every page.
};
void set_up_printing(lxw_worksheet *sheet, const PrintSetup &setup);

/// Lines a text takes wrapped at word boundaries in a column `width` Excel
/// characters wide: an estimate erring long, so a row's height shows all of it.
int wrapped_lines(std::string_view text, double width, bool bold = false);
/// The height in points of a row of `lines` lines of 11-point text.
inline double row_height(int lines) {
    return 15.0 * lines;
}
/// Points of A4 portrait or landscape height a sheet prints rows on (margins left out).
double printable_height(bool landscape);

/// A station-local ISO 8601 time as the Excel date-time of its wall clock
/// (Excel has no time zones); none when absent or unreadable.
std::optional<lxw_datetime> excel_date(const std::optional<std::string> &iso);

/// Flushes `from` to disk and renames it to `to`, so `to` is whole or untouched.
/// Removes `from` and throws Error naming `to` when that fails.
void sync_and_rename(const std::filesystem::path &from, const std::filesystem::path &to);

} // namespace loa::report
