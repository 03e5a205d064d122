#include "playlog/chain_verifier.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "playlog/chain.hpp"
#include "playlog/reason_text.hpp"

namespace loa::playlog {
namespace {

std::string where(const ChainRow &row) {
    return i18n::format(_("seq {1} (play_id {2})"), std::to_string(row.seq),
                        std::to_string(row.play_id));
}

ChainBreak make_break(const ChainRow &row, BreakKind kind, const std::string &what) {
    return {row.seq, row.play_id, kind, where(row) + ": " + what};
}

std::string shown_text(const FlatValue &value) {
    return value ? "\"" + *value + "\"" : std::string(_("empty"));
}

/// A field a row shows that the chain does not cover (the reason's code and parameters).
bool unhashed(std::string_view key) {
    const PlayField *field = find_field(key);
    return field && field->canonical_since == 0 && field->use == FieldUse::row;
}

/// A shown reason code must say what the chained `error` says: its English text is
/// that text, byte for byte (reason_text.hpp).
std::optional<std::string> reason_difference(const FlatObject &shown, const FlatObject &canonical) {
    const FlatValue *code = find_member(shown, "reason_code");
    if (!code || !*code || (*code)->empty())
        return std::nullopt;
    const FlatValue *params = find_member(shown, "reason_params");
    const auto reason = stored_reason(**code, params && *params ? **params : "{}");
    const FlatValue *error = find_member(canonical, "error");
    if (reason && find_reason(reason->code) && error && *error && chained_text(*reason) == **error)
        return std::nullopt;
    return i18n::format(_("fields reason_code and reason_params say \"{1}\" but the chained "
                          "error is {2}: the row was edited"),
                        reason ? chained_text(*reason) : **code,
                        shown_text(error ? *error : FlatValue()));
}

bool is_hex_hash(const std::string &text) {
    return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

} // namespace

std::string_view to_string(BreakKind kind) noexcept {
    switch (kind) {
    case BreakKind::edited:
        return "edited";
    case BreakKind::deleted:
        return "deleted";
    case BreakKind::inserted:
        return "inserted";
    case BreakKind::reordered:
        return "reordered";
    case BreakKind::malformed:
        return "malformed";
    }
    return "malformed";
}

ChainVerifier::ChainVerifier(std::string chain_id, ChainStart start, EmptyText empty)
    : m_chain_id(std::move(chain_id)), m_start(start), m_empty(empty) {}

void ChainVerifier::fail(ChainBreak problem) {
    if (!m_break)
        m_break = std::move(problem);
}

bool ChainVerifier::add(const ChainRow &row) {
    if (m_break)
        return false;
    if (auto problem = check(row)) {
        m_break = std::move(problem);
        return false;
    }
    if (m_chain_id.empty())
        m_chain_id = row.chain_id;
    m_last_seq = row.seq;
    m_last_hash = row.row_hash;
    ++m_rows;
    return true;
}

std::optional<ChainBreak> ChainVerifier::check(const ChainRow &row) const {
    const std::int64_t expected = m_last_seq ? *m_last_seq + 1 : 1;
    if (row.seq < expected && m_last_seq)
        return make_break(row, BreakKind::reordered,
                          i18n::format(_("comes after seq {1}; seq numbers must increase by "
                                         "one (a duplicated or moved row)"),
                                       std::to_string(*m_last_seq)));
    if (row.seq > expected && (m_last_seq || m_start == ChainStart::genesis))
        return make_break(
            row, BreakKind::deleted,
            i18n::format(m_start == ChainStart::anywhere
                             ? _("seq {1} missing before it: rows were deleted (or left out of "
                                 "this export)")
                             : _("seq {1} missing before it: rows were deleted"),
                         row.seq - 1 > expected
                             ? i18n::format(_("{1} to {2}"), std::to_string(expected),
                                            std::to_string(row.seq - 1))
                             : std::to_string(expected)));
    if (!m_chain_id.empty() && row.chain_id != m_chain_id)
        return make_break(row, BreakKind::inserted,
                          i18n::format(_("belongs to chain {1}, not {2}: a row from another log"),
                                       row.chain_id, m_chain_id));
    if (!is_hex_hash(row.prev_hash) || !is_hex_hash(row.row_hash))
        return make_break(row, BreakKind::malformed,
                          _("prev_hash and row_hash must be 64 lowercase hex digits"));
    if (chain_hash(row.prev_hash, row.canonical) != row.row_hash)
        return make_break(row, BreakKind::edited,
                          _("row_hash does not match SHA-256(prev_hash ∥ canonical): the "
                            "canonical text or the hash was edited"));
    // The database's own encoding of the row, unchanged: nothing to compare field by field.
    const bool unchanged = row.recomputed_canonical && *row.recomputed_canonical == row.canonical;
    const auto canonical =
        unchanged ? std::optional<FlatObject>(FlatObject{}) : parse_flat_json(row.canonical);
    if (!canonical)
        return make_break(row, BreakKind::malformed,
                          _("the canonical text is not a flat JSON object"));
    // The hash holds, so the canonical text is what was chained: where it names
    // another seq, the row was moved.
    const FlatValue *chained_seq = find_member(*canonical, "seq");
    if (!unchanged && (!chained_seq || !*chained_seq || **chained_seq != std::to_string(row.seq)))
        return make_break(row, BreakKind::reordered,
                          i18n::format(_("was chained as seq {1}: rows were deleted, inserted "
                                         "or reordered"),
                                       chained_seq && *chained_seq ? **chained_seq : "?"));
    if (auto difference = unchanged ? std::nullopt : field_difference(row, *canonical))
        return make_break(row, BreakKind::edited, *difference);
    if (m_last_seq
            ? row.prev_hash != m_last_hash
            : ((m_start == ChainStart::genesis || row.seq == 1) && row.prev_hash != genesis_hash))
        return make_break(row, BreakKind::inserted,
                          m_last_seq
                              ? i18n::format(_("prev_hash is not the row_hash of seq {1}: a row "
                                               "before it was deleted, inserted or replaced"),
                                             std::to_string(*m_last_seq))
                              : std::string(_("the first row's prev_hash is not 64 zeros")));
    return std::nullopt;
}

std::optional<std::string> ChainVerifier::field_difference(const ChainRow &row,
                                                           const FlatObject &canonical) const {
    // A shown field may have had its line ends changed (CRLF by a Windows editor):
    // compared with LF line ends on both sides. The hash still covers the exact text.
    auto normal = [&](const FlatValue &value) -> FlatValue {
        if (m_empty == EmptyText::is_null && value && value->empty())
            return std::nullopt;
        if (!value || value->find('\r') == std::string::npos)
            return value;
        std::string text;
        for (std::size_t i = 0; i < value->size(); ++i)
            if ((*value)[i] != '\r' || i + 1 == value->size() || (*value)[i + 1] != '\n')
                text.push_back((*value)[i]);
        return text;
    };
    FlatObject recomputed;
    if (row.recomputed_canonical) {
        if (*row.recomputed_canonical == row.canonical)
            return std::nullopt;
        auto parsed = parse_flat_json(*row.recomputed_canonical);
        if (!parsed)
            return std::string(_("its fields cannot be encoded"));
        recomputed = std::move(*parsed);
        for (const auto &[key, value] : canonical)
            if (!find_member(recomputed, key))
                return i18n::format(_("field {1} of the canonical text is not a field of the row"),
                                    key);
    }
    for (const auto &[key, value] : row.recomputed_canonical ? recomputed : row.shown) {
        const FlatValue *chained = find_member(canonical, key);
        if (!chained && unhashed(key))
            continue; // checked against the hashed fields below
        if (!chained)
            return i18n::format(_("field {1} is not in the canonical text"), key);
        if (normal(value) != normal(*chained))
            return i18n::format(_("field {1} is {2} but was chained as {3}: the row was edited"),
                                key, shown_text(value), shown_text(*chained));
    }
    if (!row.recomputed_canonical)
        return reason_difference(row.shown, canonical);
    return std::nullopt;
}

} // namespace loa::playlog
