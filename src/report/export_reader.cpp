#include "report/export_reader.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "report/chain_witness.hpp"

#include <fstream>
#include <sstream>

namespace loa::report {
namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
/// The first heading of `loa export --excel` (excel_csv_export.cpp).
constexpr std::string_view excel_first_heading = "Mã lượt phát";

/// Takes the end record; a second one, like any row after the first, is noted as added.
void take_end_record(ExportedLog &log, playlog::FlatObject members, std::size_t line) {
    if (log.end_record) {
        if (!log.line_after_end)
            log.line_after_end = line;
        return;
    }
    log.end_record = std::move(members);
    log.end_line = line;
}

ExportedLog parse_csv_export(const std::string &text, const std::string &name) {
    std::vector<std::size_t> lines;
    const auto records = parse_csv(text, name, &lines);
    if (records.empty() || records[0].empty() || records[0][0] != "play_id")
        throw InputError(name + ":1: not a loa export: the CSV header must start with play_id "
                                "(export it again with 'loa export --format csv')");
    const auto &header = records[0];
    ExportedLog log;
    log.format = ExportFormat::csv;
    for (std::size_t i = 1; i < records.size(); ++i) {
        const auto &record = records[i];
        if (record.size() == 1 && record[0].empty())
            continue; // a blank line
        if (record[0] == csv_end_marker) {
            auto members = record.size() >= 2 ? playlog::parse_flat_json(record[1]) : std::nullopt;
            take_end_record(log, members.value_or(playlog::FlatObject{}), lines[i]);
            continue;
        }
        if (log.end_record && !log.line_after_end)
            log.line_after_end = lines[i];
        if (record.size() != header.size())
            throw InputError(name + ":" + std::to_string(lines[i]) + ": has " +
                             std::to_string(record.size()) + " fields, the header " +
                             std::to_string(header.size()));
        ExportedRow row{lines[i], {}};
        for (std::size_t column = 0; column < header.size(); ++column)
            row.fields.emplace_back(header[column], record[column]);
        log.rows.push_back(std::move(row));
    }
    return log;
}

ExportedLog parse_json_lines(const std::string &text, const std::string &name) {
    ExportedLog log;
    log.format = ExportFormat::json_lines;
    std::size_t line_number = 0, start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        ++line_number;
        std::string_view line(text.data() + start, end - start);
        start = end + 1;
        if (line.ends_with('\r'))
            line.remove_suffix(1); // CRLF: the file went through a Windows editor
        if (line.find_first_not_of(" \t\r") == std::string_view::npos)
            continue;
        auto object = playlog::parse_flat_json(line);
        if (!object)
            throw InputError(
                name + ":" + std::to_string(line_number) +
                ": not a JSON object of plain values; is this a 'loa export --format json' file?");
        if (is_json_end_record(*object)) {
            take_end_record(log, std::move(*object), line_number);
            continue;
        }
        if (log.end_record && !log.line_after_end)
            log.line_after_end = line_number;
        log.rows.push_back({line_number, std::move(*object)});
    }
    return log;
}

} // namespace

std::vector<std::vector<std::string>> parse_csv(const std::string &text, const std::string &name,
                                                std::vector<std::size_t> *lines) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false, field_started = false;
    std::size_t line = 1, record_line = 1;
    auto end_field = [&] {
        record.push_back(std::move(field));
        field.clear();
        field_started = false;
    };
    auto end_record = [&] {
        end_field();
        records.push_back(std::move(record));
        record.clear();
        if (lines)
            lines->push_back(record_line);
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                field.push_back(c);
            }
            continue;
        }
        if (c == '"' && !field_started && field.empty()) {
            quoted = true;
            field_started = true;
        } else if (c == ',') {
            end_field();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            end_record();
            record_line = ++line;
        } else {
            field.push_back(c);
            field_started = true;
        }
    }
    if (quoted)
        throw InputError(name + ":" + std::to_string(record_line) +
                         ": a quoted field is never closed");
    if (field_started || !field.empty() || !record.empty())
        end_record();
    return records;
}

ExportedLog parse_export(const std::string &text, const std::string &name) {
    std::string_view body(text);
    if (body.substr(0, byte_order_mark.size()) == byte_order_mark)
        body.remove_prefix(byte_order_mark.size());
    const auto first = body.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && body[first] == '{')
        return parse_json_lines(std::string(body), name);
    if (body.substr(0, excel_first_heading.size()) == excel_first_heading)
        throw InputError(
            name +
            ":1: this is the copy of the play log made for Excel (loa export --excel): it is "
            "for reading and carries no hash chain, so it cannot be verified. Verify the plain "
            "export of the same period instead: loa export --from DATE --to DATE -o log.csv "
            "(without --excel), then loa verify log.csv");
    return parse_csv_export(std::string(body), name);
}

ExportedLog read_export(const std::filesystem::path &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(i18n::format(_("cannot read {1}: check the file name"), quote(path)));
    std::ostringstream text;
    text << in.rdbuf();
    return parse_export(text.str(), path.string());
}

} // namespace loa::report
