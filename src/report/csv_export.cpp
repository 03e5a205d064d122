#include "report/csv_export.hpp"

#include <charconv>
#include <optional>

namespace loa::report {
namespace {

constexpr std::size_t flush_bytes = 1 << 20;

void append_value(std::string &out, const playlog::FieldValue &value) {
    if (const auto text = playlog::text_of(value)) {
        append_csv_field(out, *text);
    } else if (const auto *number = std::get_if<std::int64_t>(&value)) {
        char digits[24];
        out.append(digits, std::to_chars(digits, digits + sizeof digits, *number).ptr);
    } else if (const auto *flag = std::get_if<bool>(&value)) {
        out += *flag ? "true" : "false";
    }
}

} // namespace

std::vector<const playlog::PlayField *> export_fields(ExportColumns columns) {
    std::vector<const playlog::PlayField *> fields;
    for (const auto &field : playlog::play_fields())
        if (field.use == playlog::FieldUse::row ||
            (field.use == playlog::FieldUse::chain && columns == ExportColumns::with_chain))
            fields.push_back(&field);
    return fields;
}

void append_csv_field(std::string &out, std::string_view text) {
    // A field is quoted when it holds a quote (every canonical text does), a comma
    // or a line end. One pass over the bytes, writing into room made beforehand:
    // an export of a year writes a gigabyte through here.
    bool quote = false;
    for (const char c : text)
        if (c == '"' || c == ',' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    if (!quote) {
        out.append(text.data(), text.size());
        return;
    }
    const std::size_t start = out.size();
    out.resize(start + 2 * text.size() + 2);
    char *to = out.data() + start;
    *to++ = '"';
    for (const char c : text) {
        *to++ = c;
        if (c == '"')
            *to++ = '"'; // a quote inside a field is doubled
    }
    *to++ = '"';
    out.resize(static_cast<std::size_t>(to - out.data()));
}

std::string csv_field(const std::string &text) {
    std::string out;
    append_csv_field(out, text);
    return out;
}

CsvWriter::CsvWriter(std::ostream &out, std::string chain_id, ExportColumns columns)
    : m_out(out), m_chain_id(std::move(chain_id)), m_fields(export_fields(columns)) {
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        if (i)
            m_buffer.push_back(',');
        m_buffer += m_fields[i]->key;
    }
    m_buffer += "\r\n";
}

CsvWriter::~CsvWriter() {
    flush();
}

void CsvWriter::write(const playlog::PlayRecord &r) {
    // A row not yet chained has no chain id either.
    const std::string_view chain = r.seq ? std::string_view(m_chain_id) : std::string_view();
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        if (i)
            m_buffer.push_back(',');
        append_value(m_buffer, m_fields[i]->get(r, chain));
    }
    m_buffer += "\r\n";
    if (m_buffer.size() >= flush_bytes)
        flush();
}

void CsvWriter::flush() {
    m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_buffer.clear();
}

void write_csv(std::ostream &out, const std::vector<playlog::PlayRecord> &rows,
               const std::string &chain_id) {
    CsvWriter writer(out, chain_id);
    for (const auto &row : rows)
        writer.write(row);
}

} // namespace loa::report
