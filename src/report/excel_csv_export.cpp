#include "report/excel_csv_export.hpp"

#include "report/csv_export.hpp"

#include <array>

namespace loa::report {
namespace {

constexpr std::array headings{"Mã lượt phát", "Mã đài",       "Khung giờ",     "Giờ theo lịch", "Thứ tự",
                              "Bắt đầu",      "Kết thúc",     "Mã bản tin",    "Tên bản tin",   "Chiến dịch",
                              "Kết quả",      "Trễ (ms)",     "Thời lượng (giây)", "Mức ưu tiên", "Hình thức",
                              "Lý do",        "Số thứ tự chuỗi", "Mã băm"};

std::string date_time(const std::optional<std::string> &iso) {
    return iso ? excel_date_time(*iso) : std::string();
}

std::string number(const std::optional<std::int64_t> &value) {
    return value ? std::to_string(*value) : std::string();
}

std::string seconds(const std::optional<std::int64_t> &ms) {
    if (!ms)
        return "";
    // Vietnamese writes the decimal separator as a comma; the field is quoted then.
    const std::int64_t tenths = (*ms + 50) / 100;
    return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10);
}

} // namespace

std::string excel_date_time(const std::string &iso) {
    // YYYY-MM-DDTHH:MM:SS[.mmm]±HH:MM
    if (iso.size() < 19 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T')
        return iso;
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4) + " " + iso.substr(11, 8);
}

std::string_view vietnamese(PlayStatus status) noexcept {
    switch (status) {
    case PlayStatus::started: return "Đang phát";
    case PlayStatus::completed: return "Đã phát";
    case PlayStatus::interrupted: return "Bị ngắt";
    case PlayStatus::failed: return "Lỗi";
    case PlayStatus::missed: return "Bỏ lỡ";
    case PlayStatus::skipped: return "Không phát (giờ yên tĩnh)";
    }
    return "";
}

std::string_view vietnamese(Priority priority) noexcept {
    switch (priority) {
    case Priority::normal: return "Thường";
    case Priority::priority: return "Ưu tiên";
    case Priority::emergency: return "Khẩn cấp";
    }
    return "";
}

std::string_view vietnamese(Trigger trigger) noexcept {
    switch (trigger) {
    case Trigger::scheduled: return "Theo lịch";
    case Trigger::manual: return "Phát trực tiếp";
    case Trigger::emergency: return "Khẩn cấp";
    }
    return "";
}

ExcelCsvWriter::ExcelCsvWriter(std::ostream &out) : m_out(out) {
    m_buffer = "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < headings.size(); ++i) {
        if (i)
            m_buffer.push_back(',');
        append_csv_field(m_buffer, headings[i]);
    }
    m_buffer += "\r\n";
}

ExcelCsvWriter::~ExcelCsvWriter() {
    flush();
}

void ExcelCsvWriter::write(const playlog::PlayRecord &r) {
    const std::array<std::string, headings.size()> fields{
        std::to_string(r.play_id), r.station, r.slot.value_or(""), date_time(r.scheduled_at),
        number(r.position), date_time(r.started_at), date_time(r.ended_at), r.announcement,
        r.title.value_or(""), r.campaign.value_or(""), std::string(vietnamese(r.status)),
        number(r.lateness_ms), seconds(r.duration_ms), std::string(vietnamese(r.priority)),
        std::string(vietnamese(r.trigger)), r.error.value_or(""), number(r.seq), r.row_hash.value_or("")};
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i)
            m_buffer.push_back(',');
        append_csv_field(m_buffer, fields[i]);
    }
    m_buffer += "\r\n";
    if (m_buffer.size() >= (1u << 20))
        flush();
}

void ExcelCsvWriter::flush() {
    m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_buffer.clear();
}

} // namespace loa::report
