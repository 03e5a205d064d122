#include "report/verify_export.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <charconv>
#include <regex>

namespace loa::report {
namespace {

using playlog::BreakKind;
using playlog::ChainBreak;
using playlog::FlatValue;

std::string text_of(const playlog::FlatObject &fields, std::string_view key) {
    const FlatValue *value = playlog::find_member(fields, key);
    return value && *value ? **value : std::string();
}

std::optional<std::int64_t> integer(const std::string &text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

struct Chained {
    playlog::ChainRow row;
    std::size_t line;
};

bool is_hex_hash(const std::string &text) {
    return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

/// A hex hash a spreadsheet read as a number ("0", "1.23E+63", "4,56E+62"), or an
/// ISO time it rewrote in its own date format: the column, else "".
std::string spreadsheet_column(const playlog::FlatObject &fields) {
    static const std::regex number(R"([0-9]+([.,][0-9]+)?([eE][+-]?[0-9]+)?)");
    for (const char *column : {"prev_hash", "row_hash", "sha256"}) {
        const std::string value = text_of(fields, column);
        if (!value.empty() && !is_hex_hash(value) && std::regex_match(value, number))
            return column;
    }
    for (const char *column : {"scheduled_at", "started_at", "ended_at"}) {
        const std::string value = text_of(fields, column);
        if (!value.empty() && (value.size() < 19 || value[4] != '-' || value[10] != 'T'))
            return column;
    }
    return {};
}

/// Refuses a CSV that a spreadsheet program saved again, naming the column.
void refuse_spreadsheet_copy(const ExportedRow &row, const std::string &name) {
    const std::string column = spreadsheet_column(row.fields);
    if (column.empty())
        return;
    throw InputError(
        name + ":" + std::to_string(row.line) +
        ": a spreadsheet program changed this file when it was "
        "saved: column " +
        column + " holds \"" + text_of(row.fields, column) + "\" where loa wrote " +
        (column.ends_with("_at") ? "an ISO time" : "64 hex digits") +
        ". Verify the file as loa exported it (export it again if need be); open a copy, not that "
        "file, in a spreadsheet");
}

/// The end record against the rows that verified; a break when they differ.
std::optional<ChainBreak> check_end_record(const ExportedLog &log, const ChainWitness &found) {
    const auto said = witness_from_end_record(*log.end_record);
    if (!said)
        return ChainBreak{
            0, 0, BreakKind::malformed,
            "the export's end record cannot be read (its count, seq numbers or head are missing)"};
    if (log.line_after_end)
        return ChainBreak{0, 0, BreakKind::inserted,
                          "line " + std::to_string(log.line_after_end) +
                              " comes after the export's end record: rows were added to the file"};
    auto differs = witness_difference(*said, found);
    if (differs.empty() && said->first_prev_hash != found.first_prev_hash)
        differs = "the first row's prev_hash is not the one the end record names";
    if (differs.empty())
        return std::nullopt;
    const bool fewer = found.rows < said->rows;
    return ChainBreak{
        found.last_seq.value_or(0), 0, fewer ? BreakKind::deleted : BreakKind::edited,
        "the export's end record does not match its rows: " + differs +
            (fewer ? ": rows were deleted from the export" : ": the file was edited")};
}

/// The export's chained rows, in seq order. A final row without a seq, or a seq that
/// is not a number, is a break in `result` (and the rows found so far are returned).
std::vector<Chained> chained_rows(const ExportedLog &log, const std::string &name,
                                  ExportVerifyResult &result) {
    std::vector<Chained> chained;
    for (const auto &exported : log.rows) {
        if (log.format == ExportFormat::csv)
            refuse_spreadsheet_copy(exported, name);
        const std::string seq_text = text_of(exported.fields, "seq");
        const auto play_id = integer(text_of(exported.fields, "play_id")).value_or(0);
        const std::string status = text_of(exported.fields, "status");
        if (seq_text.empty() && status == "started")
            continue; // still playing when exported: not chained yet
        const auto seq = integer(seq_text);
        if (!seq) {
            result.first_break =
                seq_text.empty()
                    ? ChainBreak{0, play_id, BreakKind::inserted,
                                 "play_id " + std::to_string(play_id) + " is final (" + status +
                                     ") but has no seq: it was inserted or edited"}
                    : ChainBreak{0, play_id, BreakKind::malformed,
                                 "seq \"" + seq_text + "\" is not a number"};
            result.line = exported.line;
            return chained;
        }
        Chained entry{{}, exported.line};
        auto &row = entry.row;
        row.seq = *seq;
        row.play_id = play_id;
        row.chain_id = text_of(exported.fields, "chain_id");
        row.prev_hash = text_of(exported.fields, "prev_hash");
        row.row_hash = text_of(exported.fields, "row_hash");
        row.canonical = text_of(exported.fields, "canonical");
        for (const auto &[key, value] : exported.fields)
            if (key != "prev_hash" && key != "row_hash" && key != "canonical")
                row.shown.emplace_back(key, value);
        chained.push_back(std::move(entry));
    }
    std::stable_sort(chained.begin(), chained.end(),
                     [](const Chained &a, const Chained &b) { return a.row.seq < b.row.seq; });
    return chained;
}

} // namespace

ExportVerifyResult verify_export(const ExportedLog &log, const std::string &name) {
    ExportVerifyResult result;
    const auto chained = chained_rows(log, name, result);
    if (result.first_break)
        return result;
    const auto empty =
        log.format == ExportFormat::csv ? playlog::EmptyText::is_null : playlog::EmptyText::is_text;
    playlog::ChainVerifier verifier("", playlog::ChainStart::anywhere, empty);
    for (const auto &entry : chained) {
        if (!verifier.add(entry.row)) {
            result.line = entry.line;
            break;
        }
    }
    result.rows_checked = verifier.rows_checked();
    result.first_seq = chained.empty() ? std::nullopt : std::optional(chained.front().row.seq);
    result.last_seq = verifier.last_seq();
    result.first_break = verifier.first_break();
    if (!chained.empty())
        result.witness = {chained.front().row.chain_id,
                          result.rows_checked,
                          result.first_seq,
                          result.last_seq,
                          chained.front().row.prev_hash,
                          chained.back().row.row_hash};
    result.has_end_record = log.end_record.has_value();
    if (!result.first_break && result.has_end_record) {
        if (result.witness.chain_id.empty())
            result.witness.chain_id = text_of(*log.end_record, "chain_id");
        if ((result.first_break = check_end_record(log, result.witness)))
            result.line = log.end_line;
    }
    return result;
}

} // namespace loa::report
