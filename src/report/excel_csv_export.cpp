#include "report/excel_csv_export.hpp"

#include "playlog/people_numbers.hpp"
#include "playlog/reason_text.hpp"
#include "report/csv_export.hpp"

namespace loa::report {
namespace {

std::string seconds(std::int64_t ms) {
    // Vietnamese writes the decimal separator as a comma; the field is quoted then.
    const std::int64_t tenths = (ms + 50) / 100;
    return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10);
}

/// The text the presentation copy shows for one field of `r`.
std::string shown(const playlog::PlayField &field, const playlog::PlayRecord &r) {
    using playlog::Display;
    switch (field.display) {
    case Display::status:
        return std::string(vietnamese(r.status));
    case Display::priority:
        return std::string(vietnamese(r.priority));
    case Display::trigger:
        return std::string(vietnamese(r.trigger));
    case Display::reason:
        return playlog::shown_reason(r);
    default:
        break;
    }
    const auto value = field.get(r, {});
    if (const auto text = playlog::text_of(value))
        return field.display == Display::instant ? excel_date_time(std::string(*text))
                                                 : std::string(*text);
    if (const auto *number = std::get_if<std::int64_t>(&value))
        return field.display == Display::seconds
                   ? seconds(*number)
                   : std::to_string(playlog::people_number(field.display, *number));
    return "";
}

} // namespace

std::string excel_date_time(const std::string &iso) {
    return playlog::people_date_time(iso);
}

std::string_view vietnamese(PlayStatus status) noexcept {
    switch (status) {
    case PlayStatus::started:
        return "Đang phát";
    case PlayStatus::completed:
        return "Đã phát";
    case PlayStatus::interrupted:
        return "Bị ngắt";
    case PlayStatus::failed:
        return "Lỗi";
    case PlayStatus::missed:
        return "Bỏ lỡ";
    case PlayStatus::skipped:
        return "Không phát (giờ yên tĩnh)";
    }
    return "";
}

std::string_view vietnamese(Priority priority) noexcept {
    switch (priority) {
    case Priority::normal:
        return "Thường";
    case Priority::priority:
        return "Ưu tiên";
    case Priority::emergency:
        return "Khẩn cấp";
    }
    return "";
}

std::string_view vietnamese(Trigger trigger) noexcept {
    switch (trigger) {
    case Trigger::scheduled:
        return "Theo lịch";
    case Trigger::manual:
        return "Phát trực tiếp";
    case Trigger::emergency:
        return "Khẩn cấp";
    }
    return "";
}

std::vector<const playlog::PlayField *> presented_fields() {
    std::vector<const playlog::PlayField *> fields;
    for (const auto &field : playlog::play_fields())
        if (!field.heading.empty())
            fields.push_back(&field);
    return fields;
}

ExcelCsvWriter::ExcelCsvWriter(std::ostream &out) : m_out(out), m_fields(presented_fields()) {
    m_buffer = "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        if (i)
            m_buffer.push_back(',');
        append_csv_field(m_buffer, m_fields[i]->heading);
    }
    m_buffer += "\r\n";
}

ExcelCsvWriter::~ExcelCsvWriter() {
    flush();
}

void ExcelCsvWriter::write(const playlog::PlayRecord &r) {
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        if (i)
            m_buffer.push_back(',');
        append_csv_field(m_buffer, shown(*m_fields[i], r));
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
