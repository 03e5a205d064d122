#pragma once
// The play log's hash chain (DESIGN.md, "Log chain"). The canonical encoding is
// frozen: changing it breaks every report already sent.
//
// Canonical text of a row: a JSON object of the hashed fields of play_fields.hpp's
// table (those whose canonical_since is at most the row's encoding), keys sorted
// by byte value, no whitespace, strings with only '"', '\\' and control characters
// escaped (\b \f \n \r \t, others as \u00XX, lowercase hex), absent values as
// null, integers in decimal, booleans as true/false. Encoding 1, the frozen set:
// announcement, campaign, chain_id, clock_synced, device, duration_ms, ended_at,
// error, lateness_ms, play_id, position, priority, schedule_sha256, scheduled_at,
// seq, sha256, slot, started_at, station, status, title, trigger, underruns.
// frozen_row_test pins the bytes and the hash.
// row_hash = hex(SHA-256(bytes(prev_hash) ∥ canonical)), prev_hash of seq 1 is 32 zero bytes.
#include "playlog/play_fields.hpp"
#include "playlog/play_record.hpp"

#include <string>

namespace loa::playlog {

/// 64 zeros: the prev_hash of a chain's first row.
extern const std::string genesis_hash;

/// The canonical text of `record` in `encoding` (see play_fields.hpp: a row keeps
/// the encoding it was chained with). Throws Error for an encoding newer than this loa.
std::string canonical_encoding(const PlayRecord &record, const std::string &chain_id,
                               int encoding = current_encoding);
/// The same into `out` (replaced), reusing its memory.
void canonical_encoding(const PlayRecord &record, const std::string &chain_id, std::string &out,
                        int encoding = current_encoding);

/// SHA-256(bytes(prev_hash_hex) ∥ canonical), as hex.
std::string chain_hash(const std::string &prev_hash_hex, const std::string &canonical);

} // namespace loa::playlog
