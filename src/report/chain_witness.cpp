#include "report/chain_witness.hpp"

#include "core/json.hpp"
#include "report/csv_export.hpp"

#include <charconv>
#include <regex>

namespace loa::report {
namespace {

std::optional<std::int64_t> integer(const playlog::FlatObject &members, std::string_view key) {
    const playlog::FlatValue *value = playlog::find_member(members, key);
    if (!value || !*value)
        return std::nullopt;
    std::int64_t number = 0;
    const auto [end, error] =
        std::from_chars((*value)->data(), (*value)->data() + (*value)->size(), number);
    if (error != std::errc() || end != (*value)->data() + (*value)->size())
        return std::nullopt;
    return number;
}

std::string text(const playlog::FlatObject &members, std::string_view key) {
    const playlog::FlatValue *value = playlog::find_member(members, key);
    return value && *value ? **value : std::string();
}

/// The end record's members as one JSON object, keys sorted.
std::string end_object(const ChainWitness &w, bool marked) {
    std::string out = "{\"chain_id\":" + json::quoted(w.chain_id);
    out += ",\"first_prev_hash\":" +
           (w.first_seq ? json::quoted(w.first_prev_hash) : std::string("null"));
    out += ",\"first_seq\":" + (w.first_seq ? std::to_string(*w.first_seq) : std::string("null"));
    out += ",\"head_hash\":" + (w.last_seq ? json::quoted(w.head_hash) : std::string("null"));
    out += ",\"last_seq\":" + (w.last_seq ? std::to_string(*w.last_seq) : std::string("null"));
    if (marked)
        out += ",\"loa_export_end\":true";
    out += ",\"rows\":" + std::to_string(w.rows) + "}";
    return out;
}

std::string chain_id_of(const std::string &canonical) {
    constexpr std::string_view key = "\"chain_id\":\"";
    const auto at = canonical.find(key);
    if (at == std::string::npos)
        return {};
    const auto start = at + key.size();
    const auto end = canonical.find('"', start);
    return end == std::string::npos ? std::string() : canonical.substr(start, end - start);
}

std::string span_text(const ChainWitness &w) {
    if (!w.last_seq)
        return "chain " + w.chain_id + ", no chained rows";
    return "chain " + w.chain_id + ", seq " + std::to_string(w.first_seq.value_or(0)) + " to " +
           std::to_string(*w.last_seq) + " (" + std::to_string(w.rows) + " rows), head " +
           w.head_hash;
}

} // namespace

void ChainTally::add(const playlog::PlayRecord &row) {
    if (!row.seq || !row.row_hash)
        return; // still playing: not chained yet
    ChainWitness &w = m_witness;
    ++w.rows;
    if (w.chain_id.empty() && row.canonical)
        w.chain_id = chain_id_of(*row.canonical);
    if (!w.first_seq || *row.seq < *w.first_seq) {
        w.first_seq = row.seq;
        w.first_prev_hash = row.prev_hash.value_or("");
    }
    if (!w.last_seq || *row.seq > *w.last_seq) {
        w.last_seq = row.seq;
        w.head_hash = *row.row_hash;
    }
}

ChainWitness ChainTally::witness(const std::string &chain_id) const {
    ChainWitness w = m_witness;
    if (!chain_id.empty())
        w.chain_id = chain_id;
    return w;
}

std::string witness_line(const ChainWitness &w) {
    if (!w.last_seq)
        return "log chain " + w.chain_id + ": no chained rows in this period";
    return "log chain " + w.chain_id + ": seq " + std::to_string(w.first_seq.value_or(0)) + " to " +
           std::to_string(*w.last_seq) + " (" + std::to_string(w.rows) + " rows), head " +
           w.head_hash;
}

std::optional<ChainWitness> find_witness(std::string_view report) {
    static const std::regex line(
        R"(log chain ([0-9A-Za-z-]*): (?:seq ([0-9]+) to ([0-9]+) \(([0-9]+) rows\), head ([0-9a-f]{64})|(no chained rows in this period)))");
    // The regex runs on the line only: std::regex on a whole report would be slow.
    const auto at = report.find("log chain ");
    if (at == std::string_view::npos)
        return std::nullopt;
    const std::string_view near = report.substr(at, 400);
    std::match_results<std::string_view::const_iterator> match;
    if (!std::regex_search(near.begin(), near.end(), match, line,
                           std::regex_constants::match_continuous))
        return std::nullopt;
    ChainWitness w;
    w.chain_id = match[1].str();
    if (match[6].matched)
        return w;
    try {
        w.first_seq = std::stoll(match[2].str());
        w.last_seq = std::stoll(match[3].str());
        w.rows = std::stoll(match[4].str());
    } catch (const std::exception &) {
        return std::nullopt; // numbers too long to be seq numbers
    }
    w.head_hash = match[5].str();
    return w;
}

std::string csv_end_record(const ChainWitness &witness) {
    std::string out(csv_end_marker);
    out += ',';
    append_csv_field(out, end_object(witness, false));
    out += "\r\n";
    return out;
}

std::string json_end_record(const ChainWitness &witness) {
    return end_object(witness, true) + "\n";
}

bool is_json_end_record(const playlog::FlatObject &members) {
    return playlog::find_member(members, "loa_export_end") != nullptr;
}

std::optional<ChainWitness> witness_from_end_record(const playlog::FlatObject &members) {
    ChainWitness w;
    w.chain_id = text(members, "chain_id");
    const auto rows = integer(members, "rows");
    if (!rows)
        return std::nullopt;
    w.rows = *rows;
    w.first_seq = integer(members, "first_seq");
    w.last_seq = integer(members, "last_seq");
    if (w.rows > 0 && (!w.first_seq || !w.last_seq))
        return std::nullopt;
    w.first_prev_hash = w.first_seq ? text(members, "first_prev_hash") : std::string();
    w.head_hash = w.last_seq ? text(members, "head_hash") : std::string();
    return w;
}

std::string witness_difference(const ChainWitness &expected, const ChainWitness &found) {
    const bool same = expected.chain_id == found.chain_id && expected.rows == found.rows &&
                      expected.first_seq == found.first_seq &&
                      expected.last_seq == found.last_seq && expected.head_hash == found.head_hash;
    return same ? std::string() : "expected " + span_text(expected) + "; found " + span_text(found);
}

} // namespace loa::report
