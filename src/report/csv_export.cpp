#include "report/csv_export.hpp"

#include <array>
#include <charconv>
#include <optional>

namespace loa::report {
namespace {

constexpr std::array header{"play_id",     "station",  "slot",       "scheduled_at", "position",
                            "started_at",  "ended_at", "announcement", "sha256",     "status",
                            "lateness_ms", "duration_ms", "priority", "trigger",     "error",
                            "chain_id",    "seq",      "prev_hash",  "row_hash",     "canonical"};

constexpr std::size_t flush_bytes = 1 << 20;

void append_number(std::string &out, std::int64_t value) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end);
}

void field(std::string &out, std::string_view text) {
    append_csv_field(out, text);
    out.push_back(',');
}

void field(std::string &out, const std::optional<std::string> &text) {
    if (text)
        append_csv_field(out, *text);
    out.push_back(',');
}

void field(std::string &out, const std::optional<std::int64_t> &number) {
    if (number)
        append_number(out, *number);
    out.push_back(',');
}

} // namespace

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

CsvWriter::CsvWriter(std::ostream &out, std::string chain_id) : m_out(out), m_chain_id(std::move(chain_id)) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (i)
            m_buffer.push_back(',');
        m_buffer += header[i];
    }
    m_buffer += "\r\n";
}

CsvWriter::~CsvWriter() {
    flush();
}

void CsvWriter::write(const playlog::PlayRecord &r) {
    std::string &out = m_buffer;
    append_number(out, r.play_id);
    out.push_back(',');
    field(out, std::string_view(r.station));
    field(out, r.slot);
    field(out, r.scheduled_at);
    field(out, r.position);
    field(out, r.started_at);
    field(out, r.ended_at);
    field(out, std::string_view(r.announcement));
    field(out, r.sha256);
    field(out, to_string(r.status));
    field(out, r.lateness_ms);
    field(out, r.duration_ms);
    field(out, to_string(r.priority));
    field(out, to_string(r.trigger));
    field(out, r.error);
    field(out, r.seq ? std::string_view(m_chain_id) : std::string_view());
    field(out, r.seq);
    field(out, r.prev_hash);
    field(out, r.row_hash);
    if (r.canonical)
        append_csv_field(out, *r.canonical);
    out += "\r\n";
    if (out.size() >= flush_bytes)
        flush();
}

void CsvWriter::flush() {
    m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_buffer.clear();
}

void write_csv(std::ostream &out, const std::vector<playlog::PlayRecord> &rows, const std::string &chain_id) {
    CsvWriter writer(out, chain_id);
    for (const auto &row : rows)
        writer.write(row);
}

} // namespace loa::report
