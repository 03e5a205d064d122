#include "playlog/chain.hpp"

#include "core/json.hpp"
#include "core/sha256.hpp"

#include <map>

namespace loa::playlog {
namespace {

/// A JSON value already encoded.
using Encoded = std::string;

Encoded encode(const std::optional<std::string> &value) {
    if (!value)
        return "null";
    return json::quoted(*value);
}

Encoded encode(const std::optional<std::int64_t> &value) {
    return value ? std::to_string(*value) : "null";
}

Encoded encode(const std::optional<bool> &value) {
    return value ? (*value ? "true" : "false") : "null";
}

Encoded text(std::string_view value) {
    return encode(std::optional<std::string>(std::string(value)));
}

} // namespace

const std::string genesis_hash(64, '0');

std::string canonical_encoding(const PlayRecord &r, const std::string &chain_id) {
    // std::map orders keys by byte value, as the encoding requires.
    const std::map<std::string, Encoded> fields{
        {"announcement", text(r.announcement)},
        {"campaign", encode(r.campaign)},
        {"chain_id", text(chain_id)},
        {"clock_synced", encode(r.clock_synced)},
        {"device", encode(r.device)},
        {"duration_ms", encode(r.duration_ms)},
        {"ended_at", encode(r.ended_at)},
        {"error", encode(r.error)},
        {"lateness_ms", encode(r.lateness_ms)},
        {"play_id", std::to_string(r.play_id)},
        {"position", encode(r.position)},
        {"priority", text(to_string(r.priority))},
        {"scheduled_at", encode(r.scheduled_at)},
        {"schedule_sha256", encode(r.schedule_sha256)},
        {"seq", encode(r.seq)},
        {"sha256", encode(r.sha256)},
        {"slot", encode(r.slot)},
        {"started_at", encode(r.started_at)},
        {"station", text(r.station)},
        {"status", text(to_string(r.status))},
        {"title", encode(r.title)},
        {"trigger", text(to_string(r.trigger))},
        {"underruns", encode(r.underruns)},
    };
    std::string out = "{";
    for (const auto &[key, value] : fields) {
        if (out.size() > 1)
            out.push_back(',');
        json::append_string(out, key);
        out.push_back(':');
        out += value;
    }
    out.push_back('}');
    return out;
}

std::string chain_hash(const std::string &prev_hash_hex, const std::string &canonical) {
    Sha256 sha;
    sha.update(hex_to_bytes(prev_hash_hex));
    sha.update(canonical);
    return sha.hex_digest();
}

} // namespace loa::playlog
