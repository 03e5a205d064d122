#include "report/verify_export.hpp"

#include <algorithm>
#include <charconv>

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

} // namespace

ExportVerifyResult verify_export(const ExportedLog &log) {
    ExportVerifyResult result;
    const auto empty = log.format == ExportFormat::csv ? playlog::EmptyText::is_null : playlog::EmptyText::is_text;
    std::vector<Chained> chained;
    for (const auto &exported : log.rows) {
        const std::string seq_text = text_of(exported.fields, "seq");
        const auto play_id = integer(text_of(exported.fields, "play_id")).value_or(0);
        if (seq_text.empty()) {
            const std::string status = text_of(exported.fields, "status");
            if (status != "started") {
                result.first_break = ChainBreak{0, play_id, BreakKind::inserted,
                                                "play_id " + std::to_string(play_id) + " is final (" + status +
                                                    ") but has no seq: it was inserted or edited"};
                result.line = exported.line;
                return result;
            }
            continue; // still playing when exported: not chained yet
        }
        const auto seq = integer(seq_text);
        if (!seq) {
            result.first_break = ChainBreak{0, play_id, BreakKind::malformed, "seq \"" + seq_text + "\" is not a number"};
            result.line = exported.line;
            return result;
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
    return result;
}

} // namespace loa::report
