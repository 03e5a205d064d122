#pragma once
// `loa export --format csv --excel`: the play log as a CSV that Excel opens
// correctly on a Vietnamese office PC: a UTF-8 byte-order mark, Vietnamese
// headings and values, dates as dd/MM/yyyy HH:mm:ss in station time. For people,
// not for `loa verify` (which needs the plain export's chain columns).
#include "playlog/play_fields.hpp"
#include "playlog/play_record.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace loa::report {

/// "2020-07-20T06:00:00.004+07:00" → "20/07/2020 06:00:00" (the wall time it shows).
std::string excel_date_time(const std::string &iso);

std::string_view vietnamese(PlayStatus status) noexcept;
std::string_view vietnamese(Priority priority) noexcept;
std::string_view vietnamese(Trigger trigger) noexcept;

/// The fields the presentation copies (Excel CSV, XLSX) show: those with a heading, in order.
std::vector<const playlog::PlayField *> presented_fields();

/// Streams the Excel CSV: byte-order mark and headings first, then one row per write().
class ExcelCsvWriter {
public:
    explicit ExcelCsvWriter(std::ostream &out);
    ~ExcelCsvWriter();
    ExcelCsvWriter(const ExcelCsvWriter &) = delete;
    ExcelCsvWriter &operator=(const ExcelCsvWriter &) = delete;
    void write(const playlog::PlayRecord &row);
    void flush();

private:
    std::ostream &m_out;
    std::vector<const playlog::PlayField *> m_fields;
    std::string m_buffer;
};

} // namespace loa::report
