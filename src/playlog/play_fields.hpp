#pragma once
// The play row's fields, declared once. Every use of a play row iterates this
// table: the INSERT and SELECT of the plays table, the chain's canonical text,
// the raw exports (CSV, JSON lines, `loa simulate`), and the Excel CSV and XLSX
// presentation copies. A field is one line of play_fields.cpp.
//
// Adding a field: add the member to PlayRecord, one line to the table, and a
// migration in station/schema.cpp that adds its column. Leave `exported` and
// `heading` empty unless DESIGN.md's field list and the province's copy gain it.
//
// The canonical text is frozen (DESIGN.md, "Log chain"): every report already
// sent must still verify. A new field therefore never enters the text of rows
// chained before it existed. Give it `canonical_since = N`, where N is
// `current_encoding + 1`, and raise current_encoding to N: rows chained from then
// on hash the new field, and canonical_encoding(record, chain_id, 1) still gives
// the old rows' exact bytes. A row's encoding is the largest `canonical_since`
// among the keys its stored canonical text carries, so a verifier knows which
// set of keys to recompute from the text itself. Fields with canonical_since 0
// are written with the row but never hashed (they must not be what a report or
// listing trusts without checking it against hashed fields).
#include "playlog/play_record.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace loa::playlog {

/// How a field is stored and written in JSON: a string, an integer or a boolean.
enum class FieldType { text, integer, boolean };

/// Where a field appears.
enum class FieldUse {
    row,    ///< Inserted with the row; in the raw exports and `simulate`.
    stored, ///< Inserted with the row; not in the raw exports.
    chain,  ///< Set when the row is chained; in the raw exports, not in `simulate`.
};

/// How the presentation copies (Excel CSV, XLSX) show a field. `place` counts
/// from 1 and `lateness` reads an on-time start as 0 (people_numbers.hpp).
/// `reason` shows the row's reason in the reader's language (reason_text.hpp).
enum class Display {
    text,
    number,
    place,
    lateness,
    instant,
    seconds,
    status,
    priority,
    trigger,
    reason
};

/// A field's value: absent (JSON null, SQL NULL), text, integer or boolean. Text
/// views point into the record (or the chain id) they were read from; a text made
/// from a typed member (a StationTime, a CivilDateTime) is carried as a string.
using FieldValue = std::variant<std::monostate, std::string_view, std::int64_t, bool, std::string>;

/// The text of `value`, if it is text.
std::optional<std::string_view> text_of(const FieldValue &value) noexcept;

struct PlayField {
    std::string_view key;    ///< Export, JSON and canonical key (DESIGN.md's name).
    std::string_view column; ///< SQL column; empty when not stored per row (chain_id).
    FieldType type;
    FieldUse use;
    std::string_view heading; ///< Vietnamese heading in the presentation copies; empty: not shown.
    Display display;
    double width;        ///< Column width in the XLSX copy (characters).
    int canonical_since; ///< The encoding from which chained rows hash it; 0: never.
    /// The field of `record`; `chain_id` is the log's chain (empty: none).
    FieldValue (*get)(const PlayRecord &record, std::string_view chain_id);
    /// Sets the field of `record` from a stored value (nullptr: not read back).
    void (*set)(PlayRecord &record, const FieldValue &value);
};

/// The encoding new rows are chained with: the frozen set of DESIGN.md.
inline constexpr int current_encoding = 1;

/// Every field, in the order of the raw export (DESIGN.md) and of the presentation copies.
std::span<const PlayField> play_fields() noexcept;

/// The field named `key` (export key), or nullptr.
const PlayField *find_field(std::string_view key) noexcept;

} // namespace loa::playlog
