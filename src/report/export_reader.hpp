#pragma once
// Reads an exported play log back (`loa export` CSV or JSON lines), for
// `loa verify FILE`. The format is recognised from the first byte. Line ends may
// be LF or CRLF (a file that went through a Windows editor). The Excel CSV
// (`loa export --excel`) is refused with a message that says which file to verify.
#include "playlog/flat_json.hpp"

#include <filesystem>
#include <optional>
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
    /// The end record's members (chain_witness.hpp); nullopt in an export made before
    /// loa wrote one. Members that are not flat JSON leave it empty but present.
    std::optional<playlog::FlatObject> end_record;
    std::size_t end_line = 0;       ///< Its line, when there is one.
    std::size_t line_after_end = 0; ///< The first row after it (rows added), or 0.
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
