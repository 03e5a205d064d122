#include "playlog/chain.hpp"

#include "core/error.hpp"
#include "core/json.hpp"
#include "core/sha256.hpp"

#include <charconv>

namespace loa::playlog {
namespace {

void append(std::string &out, const std::optional<std::string> &value) {
    if (value)
        json::append_string(out, *value);
    else
        out += "null";
}

void append(std::string &out, std::int64_t value) {
    char digits[24];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

void append(std::string &out, const std::optional<std::int64_t> &value) {
    if (value)
        append(out, *value);
    else
        out += "null";
}

void append(std::string &out, const std::optional<bool> &value) {
    out += value ? (*value ? "true" : "false") : "null";
}

void append(std::string &out, std::string_view value) {
    json::append_string(out, value);
}

void append(std::string &out, const std::string &value) {
    json::append_string(out, value);
}

} // namespace

const std::string genesis_hash(64, '0');

std::string canonical_encoding(const PlayRecord &r, const std::string &chain_id) {
    std::string out;
    out.reserve(640);
    canonical_encoding(r, chain_id, out);
    return out;
}

void canonical_encoding(const PlayRecord &r, const std::string &chain_id, std::string &out) {
    // Members in byte order of their keys, as the encoding requires (note that
    // "schedule_sha256" sorts before "scheduled_at"). chain_test pins the bytes.
    out.clear();
    out += "{\"announcement\":";
    append(out, r.announcement);
    out += ",\"campaign\":";
    append(out, r.campaign);
    out += ",\"chain_id\":";
    append(out, chain_id);
    out += ",\"clock_synced\":";
    append(out, r.clock_synced);
    out += ",\"device\":";
    append(out, r.device);
    out += ",\"duration_ms\":";
    append(out, r.duration_ms);
    out += ",\"ended_at\":";
    append(out, r.ended_at);
    out += ",\"error\":";
    append(out, r.error);
    out += ",\"lateness_ms\":";
    append(out, r.lateness_ms);
    out += ",\"play_id\":";
    append(out, r.play_id);
    out += ",\"position\":";
    append(out, r.position);
    out += ",\"priority\":";
    append(out, to_string(r.priority));
    out += ",\"schedule_sha256\":";
    append(out, r.schedule_sha256);
    out += ",\"scheduled_at\":";
    append(out, r.scheduled_at);
    out += ",\"seq\":";
    append(out, r.seq);
    out += ",\"sha256\":";
    append(out, r.sha256);
    out += ",\"slot\":";
    append(out, r.slot);
    out += ",\"started_at\":";
    append(out, r.started_at);
    out += ",\"station\":";
    append(out, r.station);
    out += ",\"status\":";
    append(out, to_string(r.status));
    out += ",\"title\":";
    append(out, r.title);
    out += ",\"trigger\":";
    append(out, to_string(r.trigger));
    out += ",\"underruns\":";
    append(out, r.underruns);
    out += "}";
}

std::string chain_hash(const std::string &prev_hash_hex, const std::string &canonical) {
    return Sha256::of({hex_to_bytes(prev_hash_hex), canonical});
}

} // namespace loa::playlog
