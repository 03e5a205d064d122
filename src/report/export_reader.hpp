#pragma once
// Reads an exported play log back (`loa export` CSV or JSON lines), for
// `loa verify FILE`. The format is recognised from the first byte.
#include "playlog/flat_json.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace loa::report {

enum class ExportFormat { csv, json_lines };

struct ExportedRow {
    std::size_t line = 0;       ///< Where the row starts in the file, from 1.
    playlog::FlatObject fields; ///< Column name → value; CSV gives "" for empty.
};

struct ExportedLog {
    ExportFormat format = ExportFormat::csv;
    std::vector<ExportedRow> rows;
};

/// Parses `text` (the file's bytes). Throws InputError naming `name`, the line and
/// the fault for a file that is neither a loa CSV nor JSON-lines export.
ExportedLog parse_export(const std::string &text, const std::string &name);

/// Reads and parses a file. Throws InputError.
ExportedLog read_export(const std::filesystem::path &path);

/// Splits RFC 4180 CSV into records of fields; `lines` gets each record's first line.
/// Throws InputError on an unterminated quote.
std::vector<std::vector<std::string>> parse_csv(const std::string &text, const std::string &name,
                                                std::vector<std::size_t> *lines = nullptr);

} // namespace loa::report
