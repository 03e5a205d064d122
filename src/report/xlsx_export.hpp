#pragma once
// `loa export --format xlsx`: the play log as an Excel workbook through
// libxlsxwriter, for a province office. Two sheets: "Nhật ký phát" (one row per
// play, Vietnamese headings, frozen heading row, sized columns, times as real
// Excel dates in station time) and "Tổng hợp" (the period's summary). Written in
// libxlsxwriter's constant-memory mode, so a year of plays streams through.
#include "playlog/play_record.hpp"

#include <filesystem>
#include <functional>
#include <string>

namespace loa::report {

/// Who and what period the workbook is about, for the summary sheet.
struct WorkbookHeading {
    std::string station_code;
    std::string station_name;
    std::string reports_to;
    std::string from_date; ///< YYYY-MM-DD, inclusive.
    std::string to_date;
};

/// Calls its argument with every row of the export, in order.
using RowSource = std::function<void(const std::function<void(const playlog::PlayRecord &)> &)>;

/// Writes the workbook to `path` (replaced whole: temporary file, fsync, rename).
/// Returns the number of plays written. Throws Error naming the file.
std::size_t write_xlsx(const std::filesystem::path &path, const WorkbookHeading &heading,
                       const RowSource &rows);

} // namespace loa::report
