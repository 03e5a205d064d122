#pragma once
// A libxlsxwriter workbook owned by an object (closed once, errors naming the
// file), and the durable replacement of the finished file. Internal to report.
#include <xlsxwriter.h>

#include <filesystem>
#include <optional>
#include <string>

namespace loa::report {

class Workbook {
public:
    /// Creates the file, in constant-memory mode (rows are written in order and a
    /// year of plays streams through). Throws Error naming the file.
    explicit Workbook(const std::filesystem::path &path);
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

/// A station-local ISO 8601 time as the Excel date-time of its wall clock
/// (Excel has no time zones); none when absent or unreadable.
std::optional<lxw_datetime> excel_date(const std::optional<std::string> &iso);

/// Flushes `from` to disk and renames it to `to`, so `to` is whole or untouched.
/// Removes `from` and throws Error naming `to` when that fails.
void sync_and_rename(const std::filesystem::path &from, const std::filesystem::path &to);

} // namespace loa::report
